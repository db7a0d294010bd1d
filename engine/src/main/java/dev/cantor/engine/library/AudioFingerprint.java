package dev.cantor.engine.library;

/**
 * A coarse fingerprint of a track: its length, its loudness envelope (log RMS per 100 ms over
 * the first minute) and its chroma. Two files hold the same audio — a copy, or the same song as
 * FLAC and MP3 — when their lengths agree within a second, their envelopes correlate almost
 * perfectly and their chroma match; different recordings, even of one song, do not.
 *
 * @param seconds  length of the track
 * @param envelope log-RMS per 100 ms frame
 * @param chroma   pitch-class profile of the first minute (sums to 1, or all zeros)
 */
public record AudioFingerprint(double seconds, float[] envelope, double[] chroma) {

    private static final double FRAME_SECONDS = 0.1;
    private static final double SPAN_SECONDS = 60;
    private static final double SAME_CORRELATION = 0.97;
    private static final double SAME_CHROMA = 0.98;

    private static double cosine(double[] a, double[] b) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }
        return aa == 0 && bb == 0 ? 1 : aa == 0 || bb == 0 ? 0 : ab / Math.sqrt(aa * bb);
    }

    public static AudioFingerprint of(float[] mono, int sampleRate) {
        int hop = (int) Math.round(FRAME_SECONDS * sampleRate);
        int frames = (int) Math.min(mono.length / hop, SPAN_SECONDS / FRAME_SECONDS);
        float[] env = new float[frames];
        for (int f = 0; f < frames; f++) {
            double sum = 0;
            for (int i = f * hop; i < (f + 1) * hop; i++) {
                sum += mono[i] * (double) mono[i];
            }
            env[f] = (float) Math.log10(sum / hop + 1e-10);
        }
        int span = (int) Math.min(mono.length, SPAN_SECONDS * sampleRate);
        double[] chroma = new double[12];
        try {
            chroma = dev.cantor.engine.dsp.Chromagram.clip(java.util.Arrays.copyOf(mono, span), sampleRate);
        } catch (IllegalArgumentException lowRate) {
            // a rate too low for chroma: the envelope alone decides
        }
        return new AudioFingerprint(mono.length / (double) sampleRate, env, chroma);
    }

    /** True when {@code other} is very likely the same audio. */
    public boolean sameAudioAs(AudioFingerprint other) {
        if (Math.abs(seconds - other.seconds) > 1.0 || cosine(chroma, other.chroma) < SAME_CHROMA) {
            return false;
        }
        int n = Math.min(envelope.length, other.envelope.length);
        if (n < 10) {
            return false;
        }
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < n; i++) {
            ma += envelope[i];
            mb += other.envelope[i];
        }
        ma /= n;
        mb /= n;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < n; i++) {
            double a = envelope[i] - ma;
            double b = other.envelope[i] - mb;
            sab += a * b;
            saa += a * a;
            sbb += b * b;
        }
        if (saa < 1e-9 || sbb < 1e-9) {
            return saa < 1e-9 && sbb < 1e-9;        // two steady signals of one length
        }
        return sab / Math.sqrt(saa * sbb) >= SAME_CORRELATION;
    }
}
