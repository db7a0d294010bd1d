package dev.cantor.engine.story;

import dev.cantor.engine.api.story.StoryFile;
import dev.cantor.engine.api.story.StoryProject;
import dev.cantor.engine.api.story.StoryProjectException;
import dev.cantor.engine.api.story.StoryService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One project file as a window sees it: it remembers the text the window last read from the
 * file or wrote to it, so an autosave never replaces a version that someone else — another
 * Cantor window, a text editor, a sync tool — put there in the meantime.
 *
 * <p>Only the text is compared (not the modification time, whose resolution differs between
 * file systems). A file that has disappeared is simply written again: nothing is lost by that.
 */
public final class ProjectFile implements StoryFile {

    private final Path path;
    private String lastSeen;          // null: this window has not read or written the file yet

    private ProjectFile(Path path, String lastSeen) {
        this.path = path;
        this.lastSeen = lastSeen;
    }

    /** A project file this window is about to create (or take over, after asking). */
    public static ProjectFile create(Path path) {
        return new ProjectFile(path, null);
    }

    /**
     * Reads a project and remembers what the file held.
     *
     * @throws StoryProjectException when it is missing, damaged, from a newer Cantor or invalid
     */
    public static StoryService.Opened open(Path path) throws StoryProjectException {
        String text = StoryProjects.readText(path);
        StoryProject project = StoryProjects.parse(text, StoryProjects.fileName(path));
        return new StoryService.Opened(project, new ProjectFile(path, text));
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public boolean changedElsewhere() {
        try {
            return Files.exists(path) && !StoryProjects.readText(path).equals(lastSeen);
        } catch (IOException e) {
            return true;               // unreadable now (or a pipe, a folder...): do not assume it is ours to replace
        }
    }

    @Override
    public void save(StoryProject project) throws IOException {
        String text = StoryProjects.text(project);
        if (changedElsewhere()) {
            throw new ChangedElsewhereException(StoryProjects.fileName(path)
                    + " was changed outside this window (another Cantor window or program) since this window last "
                    + "saved it, so this change was not saved over it. Use Save as to keep this version, or Open to "
                    + "load the other one.");
        }
        StoryProjects.writeText(path, text);
        lastSeen = text;
    }

    @Override
    public void replace(StoryProject project) throws IOException {
        String text = StoryProjects.text(project);
        StoryProjects.writeText(path, text);
        lastSeen = text;
    }
}
