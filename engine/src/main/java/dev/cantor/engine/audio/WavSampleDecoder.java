package dev.cantor.engine.audio;

import java.util.Locale;

/**
 * Turns the interleaved little-endian sample bytes of a WAV data chunk into one float array
 * per channel. The caller ({@link WavReader}) has already checked that
 * {@code frames × channels × bytesPerSample} bytes exist from {@code offset}.
 */
final class WavSampleDecoder {

    private WavSampleDecoder() {
    }

    /** Decodes; float files holding NaN or infinity are refused rather than passed on as noise. */
    static float[][] decode(byte[] b, int offset, int frames, int channels, WavAudio.Encoding encoding,
                            int bits, int sampleRate, String name) throws AudioFileException {
        float[][] out = new float[channels][frames];
        int bytesPerSample = bits / 8;
        if (encoding == WavAudio.Encoding.FLOAT) {
            decodeFloat(b, offset, out, bytesPerSample, sampleRate, name);
        } else {
            decodePcm(b, offset, out, bytesPerSample);
        }
        return out;
    }

    // One loop per width keeps the inner loops branch-free; the scale factors map the most
    // negative integer to exactly -1 (the usual convention, matching WavWriter).
    private static void decodePcm(byte[] b, int offset, float[][] out, int bytesPerSample) {
        int channels = out.length;
        int frames = out[0].length;
        int p = offset;
        switch (bytesPerSample) {
            case 1 -> { // 8-bit WAV is unsigned with 128 as silence
                for (int i = 0; i < frames; i++) {
                    for (int c = 0; c < channels; c++, p++) {
                        out[c][i] = ((b[p] & 0xFF) - 128) / 128f;
                    }
                }
            }
            case 2 -> {
                for (int i = 0; i < frames; i++) {
                    for (int c = 0; c < channels; c++, p += 2) {
                        out[c][i] = (short) ((b[p] & 0xFF) | b[p + 1] << 8) / 32768f;
                    }
                }
            }
            case 3 -> {
                for (int i = 0; i < frames; i++) {
                    for (int c = 0; c < channels; c++, p += 3) {
                        int v = (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | b[p + 2] << 16; // b[p+2] sign-extends
                        out[c][i] = v / 8388608f;
                    }
                }
            }
            case 4 -> {
                for (int i = 0; i < frames; i++) {
                    for (int c = 0; c < channels; c++, p += 4) {
                        out[c][i] = (float) (int32(b, p) / 2147483648.0);
                    }
                }
            }
            default -> throw new IllegalStateException("unexpected PCM width " + bytesPerSample);
        }
    }

    private static void decodeFloat(byte[] b, int offset, float[][] out, int bytesPerSample,
                                    int sampleRate, String name) throws AudioFileException {
        int channels = out.length;
        int frames = out[0].length;
        int p = offset;
        for (int i = 0; i < frames; i++) {
            for (int c = 0; c < channels; c++, p += bytesPerSample) {
                // float64 values beyond float range become infinite here, and are refused below too.
                float v = bytesPerSample == 4
                        ? Float.intBitsToFloat(int32(b, p))
                        : (float) Double.longBitsToDouble(int32(b, p) & 0xFFFF_FFFFL | (long) int32(b, p + 4) << 32);
                if (!Float.isFinite(v)) {
                    throw badValue(v, i, c, channels, sampleRate, name);
                }
                out[c][i] = v;
            }
        }
    }

    private static AudioFileException badValue(float v, int frame, int channel, int channels,
                                               int sampleRate, String name) {
        String what = Float.isNaN(v) ? "NaN (not a number)" : "infinite or out of float range";
        String where = String.format(Locale.ROOT, "at %.3f s", frame / (double) sampleRate)
                + (channels > 1 ? " in channel " + (channel + 1) : "");
        return new AudioFileException("damaged WAV: " + name + " contains an invalid sample value, "
                + what + ", " + where);
    }

    private static int int32(byte[] b, int p) {
        return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF) << 16 | b[p + 3] << 24;
    }
}
