package dev.cantor.ui.takes;

import dev.cantor.engine.api.GenerationRequest;
import dev.cantor.engine.api.LoopPlan;
import dev.cantor.engine.api.SamplingParams;
import dev.cantor.engine.api.Waveform;
import dev.cantor.engine.audio.AudioClip;
import dev.cantor.ui.export.Exportable;
import java.time.Instant;

/**
 * One generated piece in the session: what was asked (the request, whose seed and sampling
 * settings reproduce it with the same model), what came out, and its waveform envelope.
 *
 * @param number      1, 2, 3… in the order takes were made this session
 * @param request     the request as sent (its melody and continuation audio included)
 * @param model       name of the model that made it
 * @param audio       the music
 * @param peaks       its waveform envelope, computed off the UI thread
 * @param wallSeconds how long it took
 * @param created     when it finished
 * @param loop        for a seamless loop, its bars, meter and tempo; null for a plain take
 */
public record Take(int number, GenerationRequest request, String model, AudioClip audio, Waveform peaks,
                   double wallSeconds, Instant created, LoopPlan loop) implements Exportable {

    /** A loop exports with loop points over the whole clip. */
    @Override
    public boolean isLoop() {
        return loop != null;
    }

    @Override
    public String suggestedName() {
        return Exportable.fileStem(request.prompt(), "cantor-take") + "-seed" + request.seed() + ".wav";
    }

    @Override
    public String exportNote() {
        return String.format(java.util.Locale.ROOT,
                "Take #%d, %.1f s. The prompt, seed and settings are saved beside the WAV as a .json file.",
                number, audio.seconds());
    }

    @Override
    public Object sidecar(int wavSampleRate, String wavFormat) {
        return TakeSidecar.of(this, wavSampleRate, wavFormat);
    }

    /** A one-line description for the take list. */
    public String title() {
        String prompt = request.prompt().isEmpty() ? "(melody only)" : request.prompt();
        return String.format(java.util.Locale.ROOT, "#%d  %s", number, prompt);
    }

    /** Seed, length and sampling settings, for the take list's second line. */
    public String details() {
        SamplingParams s = request.sampling();
        return String.format(java.util.Locale.ROOT,
                "seed %d · %.1f s · T %.2f · top-k %d · top-p %.2f · cfg %.1f · key %.1f%s%s",
                request.seed(), audio.seconds(), s.temperature(), s.topK(), s.topP(), s.guidance(), s.keyGuidance(),
                request.melody() == null ? "" : " · melody",
                loop == null ? "" : " · loop: " + loopWords());
    }

    /** "4 bars of 4/4 at 70 bpm", or "not bar-aligned" when the prompt named no tempo. */
    public String loopWords() {
        if (loop == null) {
            return "";
        }
        return loop.barAligned()
                ? String.format(java.util.Locale.ROOT, "%d bars of %d/4 at %.0f bpm", loop.bars(), loop.beatsPerBar(),
                        loop.tempoBpm())
                : "not bar-aligned";
    }
}
