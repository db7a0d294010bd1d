package dev.cantor.app;

import dev.cantor.engine.codec.CodecModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens a codec model folder with messages a user can act on. */
final class CodecModels {

    private CodecModels() {
    }

    static CodecModel open(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new UserInputException("model folder not found: " + dir);
        }
        if (!Files.isRegularFile(dir.resolve(CodecModel.WEIGHTS_FILE))) {
            throw new UserInputException(dir + " is not a codec model folder (no " + CodecModel.WEIGHTS_FILE + ")");
        }
        return CodecModel.load(dir);
    }
}
