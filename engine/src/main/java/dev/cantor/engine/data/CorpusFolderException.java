package dev.cantor.engine.data;

import java.io.IOException;

/** The output folder of a corpus cannot be used (it holds another corpus, or is a file). */
public final class CorpusFolderException extends IOException {
    private static final long serialVersionUID = 1L;

    public CorpusFolderException(String message) {
        super(message);
    }
}
