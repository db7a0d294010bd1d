package dev.cantor.engine.generation;

import dev.cantor.engine.api.AudioChunk;
import dev.cantor.engine.api.AudioStreamListener;
import dev.cantor.engine.codec.CodecModel;
import dev.cantor.engine.sampling.TokenGenerator;

/**
 * Turns the tokens of one or more takes into audio while they are sampled, and hands each
 * stretch to an {@link AudioStreamListener} as soon as it is final.
 *
 * <p>Frame f's audio is final once frames up to f + {@link CodecModel#decoderContextFrames()}
 * are known: the decoder's convolutions reach that far. So each chunk is decoded with that much
 * context on both sides, exactly as {@link CodecModel#decode} decodes its long windows, and the
 * chunks join into the one-shot decode without a crossfade, equal to it up to float rounding
 * ({@code StreamingDecoderTest}). The first chunk is short, so the first sound comes early; the
 * later ones are longer, since each pays for its context again.
 */
final class StreamingDecoder implements TokenGenerator.FrameSink {

    /** Frames of the first chunk: 0.2 s at 50 Hz. */
    static final int FIRST_CHUNK_FRAMES = 10;
    /**
     * Frames of the chunks after it: 1 s at 50 Hz. Each chunk decodes its context again (2 × 16
     * frames for the shipped codec, two thirds more work than the chunk alone); decoding is a
     * small part of a take's time (rtf 0.014 against the language model's 0.097), so longer
     * chunks would buy little, and shorter ones reach the listener sooner.
     */
    static final int CHUNK_FRAMES = 50;
    /** Longest chunk (a long continuation's frames are all known at once): the codec's own window. */
    static final int MAX_CHUNK_FRAMES = 500;

    /** Changes a chunk's samples in place before they are handed out (the continuation's own audio). */
    @FunctionalInterface
    interface Shaper {
        Shaper NONE = (offset, samples) -> { };

        void shape(int offset, float[] samples);
    }

    private final CodecModel codec;
    private final int totalFrames;
    private final int hop;
    private final Shaper shaper;
    private final AudioStreamListener listener;
    private final float[][] audio;
    private final long[] decodeNanos;
    private int emitted;

    /**
     * @param takes       takes made together (the pieces {@link #onFinal} hears)
     * @param totalFrames frames of each take's piece, prompt included
     */
    StreamingDecoder(CodecModel codec, int takes, int totalFrames, Shaper shaper, AudioStreamListener listener) {
        this.codec = codec;
        this.totalFrames = totalFrames;
        this.hop = codec.config().hopLength();
        this.shaper = shaper;
        this.listener = listener;
        this.audio = new float[takes][totalFrames * hop];
        this.decodeNanos = new long[takes];
    }

    @Override
    public void onFinal(int[][][] pieces, int complete) {
        int ready = complete >= totalFrames ? totalFrames : complete - codec.decoderContextFrames();
        int wanted = emitted == 0 ? FIRST_CHUNK_FRAMES : CHUNK_FRAMES;
        while (emitted < ready && (ready - emitted >= wanted || ready == totalFrames)) {
            int to = Math.min(ready, emitted + MAX_CHUNK_FRAMES);
            for (int t = 0; t < pieces.length; t++) {
                long t0 = System.nanoTime();
                float[] samples = codec.decodeRange(pieces[t], emitted, to, Math.min(complete, totalFrames));
                shaper.shape(emitted * hop, samples);
                System.arraycopy(samples, 0, audio[t], emitted * hop, samples.length);
                decodeNanos[t] += System.nanoTime() - t0;
                listener.onChunk(new AudioChunk(t, emitted * hop, samples, codec.config().sampleRate(),
                        audio[t].length));
            }
            emitted = to;
            wanted = CHUNK_FRAMES;
        }
    }

    /** True once every frame's audio has been handed out. */
    boolean done() {
        return emitted == totalFrames;
    }

    /** The audio of take {@code take} (complete once {@link #done()}). */
    float[] audio(int take) {
        return audio[take];
    }

    /** Seconds spent decoding take {@code take}. */
    double decodeSeconds(int take) {
        return decodeNanos[take] / 1e9;
    }

    /** Seconds spent decoding all takes. */
    double decodeSeconds() {
        long sum = 0;
        for (long n : decodeNanos) {
            sum += n;
        }
        return sum / 1e9;
    }
}
