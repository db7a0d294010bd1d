package dev.cantor.engine.library;

import dev.cantor.engine.api.finetune.TrackAnalysis;
import dev.cantor.engine.dsp.AudioMetrics;
import dev.cantor.engine.dsp.KeyEstimator;
import dev.cantor.engine.dsp.Percussiveness;
import dev.cantor.engine.dsp.TempoEstimator;
import dev.cantor.engine.music.Key;
import java.util.Arrays;

/**
 * Listens to a track for its caption and training labels ({@link TrackAnalysis}): tempo, key and
 * mode, loudness and percussiveness, on (at most) a minute from the track's middle.
 */
public final class TrackAnalyzer {

    private static final double ANALYSIS_SECONDS = 60;
    /** Below this key-profile correlation the key is left out of the caption (atonal, drums only). */
    private static final double MIN_KEY_CORRELATION = 0.5;
    private static final double SILENCE_DBFS = -70;

    private TrackAnalyzer() {
    }

    /** Analyses mono audio. */
    public static TrackAnalysis analyze(float[] mono, int sampleRate) {
        int take = (int) Math.min(mono.length, ANALYSIS_SECONDS * sampleRate);
        int from = (mono.length - take) / 2;
        float[] x = Arrays.copyOfRange(mono, from, from + take);
        double loudness = AudioMetrics.rmsDbfs(x);
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
}
