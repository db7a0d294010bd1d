package dev.cantor.engine.api.story;

import dev.cantor.engine.api.StoryRequest;
import dev.cantor.engine.api.StoryResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Story projects on disk, as the studio keeps them: the project file, the melodies and takes in
 * its folder (named relative to it, never outside it), and the request a project makes of the
 * engine. Every method may touch the disk: call them off the UI thread.
 */
public interface StoryService {

    /** A project file read, and the file as this window now knows it. */
    record Opened(StoryProject project, StoryFile file) {
    }

    /**
     * Reads a project and remembers what the file held.
     *
     * @throws StoryProjectException when it is missing, damaged, from a newer Cantor or invalid
     */
    Opened open(Path file) throws StoryProjectException;

    /** A project file this window is about to create (or take over, after asking); nothing is written yet. */
    StoryFile create(Path file);

    /**
     * Makes {@code source} a melody the project in {@code projectFile} can name: a file already in
     * the project's folder is named as it is; any other is copied into {@code NAME.melodies/}.
     *
     * @return the name to store in the section, relative to the project's folder
     * @throws IOException when the file is missing, not a regular file, too large, or cannot be copied
     */
    String importMelody(Path projectFile, Path source) throws IOException;

    /**
     * The project read from {@code from} as it is to be saved at {@code to}, its takes and
     * melodies copied into the new project's folders; nothing outside the old folder is copied.
     *
     * @throws StoryProjectException when a take or melody is named outside the old folder
     * @throws IOException           when a copy cannot be written
     */
    StoryProject copyFiles(Path from, Path to, StoryProject project) throws IOException;

    /**
     * The engine's request for {@code story}, whose melody files are relative to {@code projectDir}.
     *
     * @throws StoryProjectException when a melody file is missing or unreadable, or a section is out of range
     */
    StoryRequest request(StoryProject story, Path projectDir, int sampleRate) throws StoryProjectException;

    /**
     * Writes {@code result} as the next take of the project in {@code projectFile}
     * ({@code NAME.takes/take-NNN.wav} with its tokens); never replaces an existing take.
     *
     * @return the take to add to the project
     */
    StoryProject.StoryTake keepTake(Path projectFile, StoryResult result, long seed, Instant created)
            throws IOException;

    /**
     * Reads a take back (at the rate it was written).
     *
     * @throws StoryProjectException when its files are missing or damaged
     */
    StoryResult loadTake(Path projectFile, StoryProject.StoryTake take) throws StoryProjectException;
}
