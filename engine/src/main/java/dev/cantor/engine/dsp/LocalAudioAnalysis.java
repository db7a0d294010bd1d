package dev.cantor.engine.dsp;

import dev.cantor.engine.api.AudioAnalysis;
import dev.cantor.engine.api.Waveform;

/** Waveforms from {@link WaveformPeaks}, pitch from {@link PitchTracker}'s YIN. */
public final class LocalAudioAnalysis implements AudioAnalysis {

    private final PitchTracker tracker = new PitchTracker();

    @Override
    public Waveform waveform(float[] mono) {
        return WaveformPeaks.of(mono);
    }

    @Override
    public float[] pitch(float[] mono, int sampleRate, double frameRate) {
        return tracker.track(mono, sampleRate, frameRate);
    }
}
