package dev.cantor.engine.story;

import dev.cantor.engine.api.StoryRequest;
import dev.cantor.engine.api.StoryResult;
import dev.cantor.engine.api.story.StoryFile;
import dev.cantor.engine.api.story.StoryProject;
import dev.cantor.engine.api.story.StoryProjectException;
import dev.cantor.engine.api.story.StoryService;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/** The story service on this machine's disk: project files, their folders and takes, as this package keeps them. */
public final class LocalStoryService implements StoryService {

    @Override
    public Opened open(Path file) throws StoryProjectException {
        return ProjectFile.open(file);
    }

    @Override
    public StoryFile create(Path file) {
        return ProjectFile.create(file);
    }

    @Override
    public String importMelody(Path projectFile, Path source) throws IOException {
        return ProjectFolder.importMelody(projectFile, source);
    }

    @Override
    public StoryProject copyFiles(Path from, Path to, StoryProject project) throws IOException {
        return ProjectFolder.copyFiles(from, to, project);
    }

    @Override
    public StoryRequest request(StoryProject story, Path projectDir, int sampleRate) throws StoryProjectException {
        return StoryRequests.of(story, projectDir, sampleRate);
    }

    @Override
    public StoryProject.StoryTake keepTake(Path projectFile, StoryResult result, long seed, Instant created)
            throws IOException {
        return StoryTakeFiles.save(projectFile, result, seed, created);
    }

    @Override
    public StoryResult loadTake(Path projectFile, StoryProject.StoryTake take) throws StoryProjectException {
        return StoryTakeFiles.load(projectFile, take);
    }
}
