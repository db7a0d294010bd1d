package dev.cantor.ui.export;

import dev.cantor.engine.audio.AudioClip;
import java.nio.file.Path;

/**
 * Something the export dialog can write as a WAV: a take, or a rendered story. Each brings the
 * JSON written beside the WAV, which holds what is needed to make it again.
 */
public interface Exportable {

    AudioClip audio();

    /** A file name from its prompt and seed, e.g. {@code calm-piano-70-bpm-seed7.wav}. */
    String suggestedName();

    /** One line for the dialog: what is being exported and what is saved beside it. */
    String exportNote();

    /** True when it is a seamless loop: the WAV then carries loop points over the whole clip (a smpl chunk). */
    default boolean isLoop() {
        return false;
    }

    /** The JSON document written beside the WAV (a Jackson-serializable value). */
    Object sidecar(int wavSampleRate, String wavFormat);

    /** Where the JSON goes beside a WAV: {@code song.wav} → {@code song.json}. */
    static Path sidecarPath(Path wav) {
        String name = wav.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return wav.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".json");
    }

    /** {@code text}'s first words as a file-name stem ("Calm piano: 70 bpm!" → "calm-piano-70-bpm"). */
    static String fileStem(String text, String fallback) {
        String words = text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        if (words.length() > 40) {
            words = words.substring(0, 40).replaceAll("-[^-]*$", "");
        }
        return words.isEmpty() ? fallback : words;
    }
}
