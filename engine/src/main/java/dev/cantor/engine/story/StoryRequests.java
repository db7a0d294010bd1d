package dev.cantor.engine.story;

import dev.cantor.engine.api.RequestException;
import dev.cantor.engine.api.StoryRequest;
import dev.cantor.engine.api.story.StoryProject;
import dev.cantor.engine.api.story.StoryProjectException;
import dev.cantor.engine.api.story.StorySection;
import dev.cantor.engine.audio.AudioClip;
import dev.cantor.engine.audio.AudioFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Turns a story project into the engine's request: section seeds, overrides and melody files resolved. */
public final class StoryRequests {

    private StoryRequests() {
    }

    /**
     * The request for {@code story}, whose melody files are relative to {@code projectDir}.
     *
     * @throws StoryProjectException when a melody file is missing or unreadable, or a section is
     *                               out of the engine's range
     */
    public static StoryRequest of(StoryProject story, Path projectDir, int sampleRate) throws StoryProjectException {
        List<StoryRequest.Section> sections = new ArrayList<>();
        for (int i = 0; i < story.sections().size(); i++) {
            StorySection s = story.sections().get(i);
            AudioClip melody = s.melody() == null ? null : melody(projectDir, s, i, sampleRate);
            try {
                sections.add(new StoryRequest.Section(s.prompt(), s.seconds(), StoryProjects.sectionSeed(story, i),
                        s.tempoBpm(), s.key(), s.mode(), melody));
            } catch (RequestException e) {
                throw new StoryProjectException("section " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        StoryProject.Sampling p = story.sampling();
        try {
            return new StoryRequest(sections, story.transitionSeconds(), p.params());
        } catch (RequestException e) {
            throw new StoryProjectException(e.getMessage(), e);
        }
    }

    /**
     * The section's melody file, which must lie in the project's folder; only as much of it as
     * the section lasts is decoded (the rest would not be followed), however long the file.
     */
    private static AudioClip melody(Path projectDir, StorySection s, int section, int sampleRate)
            throws StoryProjectException {
        String what = "the melody of section " + (section + 1);
        Path file = ProjectFolder.existingFile(projectDir, s.melody(), what, ProjectFolder.MAX_MELODY_BYTES);
        try {
            return AudioFiles.readMono(file, sampleRate, s.seconds());
        } catch (IOException e) {
            throw new StoryProjectException("cannot read " + what + " (" + file + "): " + e.getMessage(), e);
        }
    }
}
