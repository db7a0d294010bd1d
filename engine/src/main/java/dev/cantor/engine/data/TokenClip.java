package dev.cantor.engine.data;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One tokenized training clip: its labels (as JSON in the cache index) and its arrays (in the
 * cache's binary file).
 *
 * @param file     the audio file it came from, relative to the data folder
 * @param caption  its text prompt
 * @param tempoBpm labelled tempo, or null when unknown
 * @param key      labelled key root ("C", "F#", "Eb"), or null
 * @param mode     "major" / "minor", or null
 * @param style    style label, or null
 * @param frames   number of token frames
 * @param codes    [K][frames] codec tokens
 * @param melody   [frames] melody symbols (0–11 pitch class, 12 rest)
 * @param text     sentence embedding of the caption
 */
public record TokenClip(
        @JsonProperty("file") String file,
        @JsonProperty("caption") String caption,
        @JsonProperty("tempo_bpm") Double tempoBpm,
        @JsonProperty("key") String key,
        @JsonProperty("mode") String mode,
        @JsonProperty("style") String style,
        @JsonProperty("frames") int frames,
        @JsonIgnore int[][] codes,
        @JsonIgnore int[] melody,
        @JsonIgnore float[] text) {

    public TokenClip {
        if (codes != null) {
            for (int[] row : codes) {
                if (row.length != frames) {
                    throw new IllegalArgumentException("codes of " + file + " do not have " + frames + " frames");
                }
            }
        }
        if (melody != null && melody.length != frames) {
            throw new IllegalArgumentException("melody of " + file + " does not have " + frames + " frames");
        }
    }

    /** The same labels with the arrays attached (used when reading a cache). */
    public TokenClip withArrays(int[][] newCodes, int[] newMelody, float[] newText) {
        return new TokenClip(file, caption, tempoBpm, key, mode, style, frames, newCodes, newMelody, newText);
    }
}
