package dev.cantor.app;

import dev.cantor.engine.nn.TensorFile;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of the commands that export a model's inference files ({@code export-codec}, {@code export-model}). */
final class ModelExportOptions {

    @Option(names = "--out", required = true, description = "Folder to write (must not hold a model yet unless --force).")
    Path out;

    @Option(names = "--float16", description = "Store weights as float16 (half the size).")
    boolean float16;

    @Mixin
    ForceOption force = new ForceOption();

    /** Refuses to write over a model already in {@code --out} unless {@code --force}. */
    void checkTarget(boolean holdsModel) {
        if (holdsModel && !force.given()) {
            throw new UserInputException(out + " already holds a model; pass --force to replace it");
        }
        OutputFiles.checkFolderWritable(out);
    }

    TensorFile.Storage storage() {
        return float16 ? TensorFile.Storage.FLOAT16 : TensorFile.Storage.FLOAT32;
    }
}
