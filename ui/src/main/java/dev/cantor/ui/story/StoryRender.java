package dev.cantor.ui.story;

import dev.cantor.engine.api.StoryResult;
import dev.cantor.engine.api.Waveform;
import dev.cantor.engine.api.story.StoryProject;
import dev.cantor.engine.api.story.StorySection;
import java.util.List;

/**
 * A rendered story as the Story view shows it: the engine's result (audio, tokens, where each
 * section landed), its waveform envelope, and the timeline it was made from.
 *
 * @param result   audio, tokens and section frames
 * @param peaks    the waveform envelope, computed off the UI thread
 * @param timeline the sections as they were when it was rendered
 * @param take     where it is kept beside the project (its file names), or null if it could not be written
 */
public record StoryRender(StoryResult result, Waveform peaks, List<StorySection> timeline,
                   StoryProject.StoryTake take) {

    /** The first sample of every section after the first (where the markers go). */
    public long[] markerSamples() {
        int rate = result.audio().sampleRate();
        long[] marks = new long[result.sections()];
        for (int i = 0; i < marks.length; i++) {
            marks[i] = Math.round(result.startSeconds(i) * rate);
        }
        return marks;
    }

    /**
     * True when {@code sections} still have the lengths this render has (within a frame), so one
     * of its sections can be made again while the others are kept.
     */
    public boolean fits(List<StorySection> sections) {
        if (sections.size() != result.sections()) {
            return false;
        }
        double frame = 1 / result.frameRate();
        for (int i = 0; i < sections.size(); i++) {
            double made = result.endSeconds(i) - result.startSeconds(i);
            if (Math.abs(made - sections.get(i).seconds()) > 1.5 * frame) {
                return false;
            }
        }
        return true;
    }
}
