package dev.cantor.engine.eval;

import java.io.IOException;

/**
 * A known codec measured beside Cantor's on the same clips (an anchor), so its figures have a
 * scale: "log-mel 5.8 dB" means little alone and a lot next to what Opus at 12 kbps scores.
 */
public interface ReferenceCodec {

    /** The key the report files its figures under, e.g. {@code "opus_12kbps"}. */
    String name();

    /**
     * Encodes and decodes one clip.
     *
     * @param clip       mono samples in [-1, 1]
     * @param sampleRate of {@code clip}, in Hz
     * @return the decoded clip at the same rate, aligned with and as long as {@code clip}
     * @throws AnchorException if the codec fails on this clip (the message says how, in one line)
     * @throws IOException     if temporary files cannot be written or read
     */
    float[] roundTrip(float[] clip, int sampleRate) throws IOException;
}
