package dev.cantor.engine.api.story;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One project file as a window sees it: it remembers the text the window last read from the file
 * or wrote to it, so an autosave never replaces a version that someone else — another Cantor
 * window, a text editor, a sync tool — put there in the meantime. Its methods touch the disk:
 * call them off the UI thread.
 */
public interface StoryFile {

    Path path();

    /** True when the file now holds something other than what this window last read or wrote. */
    boolean changedElsewhere();

    /**
     * Writes the project atomically unless the file changed since this window last saw it.
     *
     * @throws ChangedElsewhereException when it did (the file is left as it is)
     * @throws IOException when it cannot be written
     */
    void save(StoryProject project) throws IOException;

    /** Writes the project whatever the file holds now (the musician agreed to replace it). */
    void replace(StoryProject project) throws IOException;

    /** The project file changed on disk since this window read or wrote it; it was not overwritten. */
    final class ChangedElsewhereException extends IOException {

        private static final long serialVersionUID = 1L;

        public ChangedElsewhereException(String message) {
            super(message);
        }
    }
}
