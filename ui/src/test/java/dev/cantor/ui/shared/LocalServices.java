package dev.cantor.ui.shared;

import dev.cantor.engine.api.EngineServices;
import dev.cantor.engine.dsp.LocalAudioAnalysis;
import dev.cantor.engine.finetune.LocalFineTuneService;
import dev.cantor.engine.story.LocalStoryService;
import dev.cantor.engine.transcription.HumTranscriber;

/** The engine's own services for view-model tests: the studio's code runs against the real files and measures. */
public final class LocalServices {

    private LocalServices() {
    }

    public static EngineServices create() {
        return new EngineServices(new LocalStoryService(), new LocalFineTuneService(), new LocalAudioAnalysis(),
                new HumTranscriber());
    }
}
