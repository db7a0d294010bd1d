package dev.cantor.engine.audio;

import java.util.Locale;

/** Sample encodings Cantor writes to WAV files. */
public enum SampleFormat {
    /** 16-bit signed integer PCM: CD quality, the most compatible choice. */
    PCM_16(16, false),
    /** 24-bit signed integer PCM: studio interchange. */
    PCM_24(24, false),
    /** 32-bit IEEE float: lossless for everything the engine computes, no clipping. */
    FLOAT_32(32, true);

    private final int bitsPerSample;
    private final boolean floatingPoint;

    SampleFormat(int bitsPerSample, boolean floatingPoint) {
        this.bitsPerSample = bitsPerSample;
        this.floatingPoint = floatingPoint;
    }

    /** Bits per sample as written in the WAV header. */
    public int bitsPerSample() {
        return bitsPerSample;
    }

    /** Bytes one sample of one channel occupies. */
    public int bytesPerSample() {
        return bitsPerSample / 8;
    }

    /** True for IEEE float, false for integer PCM. */
    public boolean isFloat() {
        return floatingPoint;
    }

    /**
     * Parses a user's choice (CLI flag, settings file): {@code "16"}, {@code "24"},
     * {@code "32f"}/{@code "float"}/{@code "float32"}, or the enum name, case-insensitive.
     * A bare {@code "32"} is refused because it could mean 32-bit integer or float.
     *
     * @throws IllegalArgumentException for anything else, with the accepted spellings
     */
    public static SampleFormat parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("sample format missing (use 16, 24 or 32f)");
        }
        String t = text.trim().toLowerCase(Locale.ROOT).replace("-bit", "").replace("bit", "");
        return switch (t) {
            case "16", "pcm16", "pcm_16", "s16" -> PCM_16;
            case "24", "pcm24", "pcm_24", "s24" -> PCM_24;
            case "32f", "f32", "float", "float32", "float_32", "32float" -> FLOAT_32;
            case "32" -> throw new IllegalArgumentException(
                    "sample format '" + text + "' is ambiguous: use 32f for 32-bit float");
            default -> throw new IllegalArgumentException(
                    "unknown sample format '" + text + "' (use 16, 24 or 32f)");
        };
    }
}
