package dev.cantor.app;

import dev.cantor.engine.codec.CodecModel;
import dev.cantor.engine.generation.MusicModel;
import dev.cantor.engine.lm.TransformerLm;
import dev.cantor.engine.nn.TensorFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cantor export-model}: writes a complete model's inference files (codec/ and lm/), optionally float16. */
@Command(name = "export-model", mixinStandardHelpOptions = true,
        description = "Write a model's codec and LM (config and weights, no training state) to a new folder, e.g. to ship it.")
final class ExportModelCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, description = "Model folder with codec/ and lm/ (as train-lm writes it).")
    Path model;

    @Mixin
    ModelExportOptions export;

    @Override
    public Integer call() throws Exception {
        Path out = export.out;
        export.checkTarget(MusicModel.looksLikeModel(out));
        TensorFile.Storage storage = export.storage();
        try (MusicModel m = EngineLoader.loadModel(model)) {
            m.codec().save(out.resolve(MusicModel.CODEC_DIR), storage);
            m.lm().save(out.resolve(MusicModel.LM_DIR), storage);
        }
        long bytes = Files.size(out.resolve(MusicModel.CODEC_DIR).resolve(CodecModel.WEIGHTS_FILE))
                + Files.size(out.resolve(MusicModel.LM_DIR).resolve(TransformerLm.WEIGHTS_FILE));
        System.out.printf("wrote %s (%,d bytes of weights)%n", out, bytes);
        return 0;
    }
}
