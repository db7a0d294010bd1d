package dev.cantor.ui.story;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cantor.engine.api.story.StoryProject;
import dev.cantor.engine.audio.AudioClip;
import dev.cantor.ui.export.Exportable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A story's render, ready for the export dialog. The JSON beside the WAV is the project as it was
 * rendered (sections, seeds, transition, sampling) with where each section landed, so the piece
 * can be made again with {@code cantor story}.
 *
 * @param project the project, with the timeline the render was made from
 * @param render  the render
 * @param model   name of the model that made it
 */
public record StoryExport(StoryProject project, StoryRender render, String model) implements Exportable {

    /** The JSON written beside the WAV. */
    record Sidecar(
            @JsonProperty("format") String format,
            @JsonProperty("version") int version,
            @JsonProperty("model") String model,
            @JsonProperty("exported") String exported,
            @JsonProperty("sections_at") List<StoryProject.Span> sectionsAt,
            @JsonProperty("project") StoryProject project,
            @JsonProperty("wav_sample_rate") int wavSampleRate,
            @JsonProperty("wav_format") String wavFormat) {
    }

    @Override
    public AudioClip audio() {
        return render.result().audio();
    }

    @Override
    public String suggestedName() {
        String first = project.sections().get(0).prompt();
        return Exportable.fileStem(first == null ? "" : first, "cantor-story") + "-story-seed" + project.seed()
                + ".wav";
    }

    @Override
    public String exportNote() {
        return String.format(Locale.ROOT, "The story, %d sections, %.1f s. Its project (sections, seeds and "
                + "settings) is saved beside the WAV as a .json file.", render.result().sections(),
                audio().seconds());
    }

    @Override
    public Object sidecar(int wavSampleRate, String wavFormat) {
        List<StoryProject.Span> spans = new ArrayList<>();
        for (int i = 0; i < render.result().sections(); i++) {
            spans.add(new StoryProject.Span(render.result().startSeconds(i), render.result().endSeconds(i)));
        }
        StoryProject rendered = project.withSections(render.timeline()).withTakes(List.of());
        return new Sidecar("cantor-story-export", 1, model, Instant.now().toString(), spans, rendered, wavSampleRate,
                wavFormat);
    }
}
