package dev.cantor.app;

import dev.cantor.engine.codec.CodecModel;
import dev.cantor.engine.nn.TensorFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cantor export-codec}: copies a trained codec's inference files, optionally as float16. */
@Command(name = "export-codec", mixinStandardHelpOptions = true,
        description = "Write a codec's config and weights (without training state) to a new folder, e.g. to ship it.")
final class ExportCodecCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, description = "Trained codec model folder.")
    Path model;

    @Option(names = "--out", required = true, description = "Folder to write (must not hold a model yet unless --force).")
    Path out;

    @Option(names = "--float16", description = "Store weights as float16 (half the size).")
    boolean float16;

    @Option(names = "--force", description = "Replace the model files in --out.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        if (Files.exists(out.resolve(CodecModel.WEIGHTS_FILE)) && !force) {
            throw new UserInputException(out + " already holds a model; pass --force to replace it");
        }
        try (CodecModel codec = CodecModels.open(model)) {
            codec.save(out, float16 ? TensorFile.Storage.FLOAT16 : TensorFile.Storage.FLOAT32);
        }
        System.out.printf("wrote %s (%d bytes of weights)%n", out, Files.size(out.resolve(CodecModel.WEIGHTS_FILE)));
        return 0;
    }
}
