package dev.cantor.ui.takes;

import dev.cantor.engine.api.GenerationRequest;
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
 */
public record Take(int number, GenerationRequest request, String model, AudioClip audio, Waveform peaks,
                   double wallSeconds, Instant created) implements Exportable {

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
        return String.format(java.util.Locale.ROOT, "seed %d · %.1f s · T %.2f · top-k %d · top-p %.2f · cfg %.1f%s",
                request.seed(), audio.seconds(), request.temperature(), request.topK(), request.topP(),
                request.guidance(), request.melody() == null ? "" : " · melody");
    }
}
