package dev.cantor.app;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --model}, shared by the commands that run a whole model: the shipped one unless another is given. */
final class ModelOption {

    @Option(names = "--model", paramLabel = "DIR",
            description = "Model folder with codec/ and lm/ (default: the shipped model).")
    Path model;

    /** The model folder to run: the one given, else the shipped model's. */
    Path dir() {
        return ModelLocator.orDefault(model);
    }
}
