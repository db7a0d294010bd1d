package dev.cantor.engine.api;

import dev.cantor.engine.api.finetune.FineTuneService;
import dev.cantor.engine.api.story.StoryService;
import java.util.Objects;

/**
 * The engine's services besides generating ({@link MusicEngine}), as the studio uses them: story
 * projects and their takes, fine-tuning on a library, the measures its views draw, and
 * the hum as MIDI.
 *
 * @param stories   story projects on disk
 * @param fineTunes library import and fine-tuning
 * @param analysis  waveforms and pitch tracks
 * @param melodies  a hummed melody as notes and a MIDI file
 */
public record EngineServices(StoryService stories, FineTuneService fineTunes, AudioAnalysis analysis,
                             MelodyTranscriber melodies) {

    public EngineServices {
        Objects.requireNonNull(stories, "stories");
        Objects.requireNonNull(fineTunes, "fineTunes");
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(melodies, "melodies");
    }
}
