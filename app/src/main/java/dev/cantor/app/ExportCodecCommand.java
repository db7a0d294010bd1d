package dev.cantor.app;

import dev.cantor.engine.codec.CodecModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cantor export-codec}: copies a trained codec's inference files, optionally as float16. */
@Command(name = "export-codec", mixinStandardHelpOptions = true,
        description = "Write a codec's config and weights (without training state) to a new folder, e.g. to ship it.")
final class ExportCodecCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, description = "Trained codec model folder.")
    Path model;

    @Mixin
    ModelExportOptions export;

    @Override
    public Integer call() throws Exception {
        Path out = export.out;
        export.checkTarget(Files.exists(out.resolve(CodecModel.WEIGHTS_FILE)));
        try (CodecModel codec = CodecModels.open(model)) {
            codec.save(out, export.storage());
        }
        System.out.printf("wrote %s (%d bytes of weights)%n", out, Files.size(out.resolve(CodecModel.WEIGHTS_FILE)));
        return 0;
    }
}
