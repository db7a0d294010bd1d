package dev.cantor.engine.library;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cantor.engine.dsp.KeyEstimator;
import dev.cantor.engine.dsp.Percussiveness;
import dev.cantor.engine.dsp.TempoEstimator;
import dev.cantor.engine.music.Key;
import java.util.Arrays;

/**
 * What Cantor hears in a track, for its caption and its training labels: tempo, key and mode,
 * loudness and how percussive it is. Estimated on (at most) a minute from the track's middle.
 *
 * @param tempoBpm       estimated tempo, or null when the track has no clear beat
 * @param key            tonic ("C", "F#", "Eb"), or null when it has no clear key
 * @param mode           "major" / "minor", or null
 * @param loudnessDbfs   RMS level in dB below full scale
 * @param percussiveness share of the energy in hits rather than sustained tones, 0..1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrackAnalysis(
        @JsonProperty("tempo_bpm") Double tempoBpm,
        @JsonProperty("key") String key,
        @JsonProperty("mode") String mode,
        @JsonProperty("loudness_dbfs") double loudnessDbfs,
        @JsonProperty("percussiveness") double percussiveness) {

    private static final double ANALYSIS_SECONDS = 60;
    /** Below this key-profile correlation the key is left out of the caption (atonal, drums only). */
    private static final double MIN_KEY_CORRELATION = 0.5;
    private static final double SILENCE_DBFS = -70;

    /** Analyses mono audio. */
    public static TrackAnalysis of(float[] mono, int sampleRate) {
        int take = (int) Math.min(mono.length, ANALYSIS_SECONDS * sampleRate);
        int from = (mono.length - take) / 2;
        float[] x = Arrays.copyOfRange(mono, from, from + take);
        double loudness = rmsDbfs(x);
        if (loudness < SILENCE_DBFS) {
            return new TrackAnalysis(null, null, null, loudness, 0);
        }
        Double bpm = null;
        try {
            bpm = Math.round(new TempoEstimator(50, 220).estimate(x, sampleRate).bpm() * 10) / 10.0;
        } catch (IllegalArgumentException tooShortOrSilent) {
            // no tempo for this track
        }
        String key = null;
        String mode = null;
        try {
            KeyEstimator.KeyEstimate k = KeyEstimator.estimate(x, sampleRate);
            if (k.correlation() >= MIN_KEY_CORRELATION) {
                key = Key.ofPitchClass(k.root()).label();
                mode = k.mode().label();
            }
        } catch (IllegalArgumentException noPitch) {
            // no key for this track
        }
        return new TrackAnalysis(bpm, key, mode, loudness, Percussiveness.of(x, sampleRate));
    }

    /** RMS level of {@code x} in dB below full scale (-180 for digital silence). */
    public static double rmsDbfs(float[] x) {
        double sum = 0;
        for (float v : x) {
            sum += v * (double) v;
        }
        double rms = x.length == 0 ? 0 : Math.sqrt(sum / x.length);
        return rms <= 1e-9 ? -180 : 20 * Math.log10(rms);
    }
}
