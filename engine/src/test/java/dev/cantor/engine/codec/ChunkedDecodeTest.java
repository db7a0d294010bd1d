package dev.cantor.engine.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cantor.engine.training.CodecTrainer;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Decoding a token stream in chunks while it grows (as streaming playback does) gives the audio
 * of one decode of the whole stream, for both decoders.
 */
class ChunkedDecodeTest {

    @Test
    void chunksDecodedAsFramesArriveJoinIntoTheWholeDecode() {
        SplittableRandom rng = new SplittableRandom(4);
        int frames = 237;
        int[][] codes = new int[4][frames];
        for (int[] row : codes) {
            for (int f = 0; f < frames; f++) {
                row[f] = rng.nextInt(64);
            }
        }
        CodecConfig frameDecoder = CodecConfig.tiny().withFrameDecoder(new FrameDecoderConfig(16, 3, 2, 7));
        for (CodecConfig config : new CodecConfig[] {CodecConfig.tiny(), frameDecoder}) {
            try (CodecModel model = CodecModel.create(config, 7)) {
                // one training step gives the EMA codebooks entries (they start at zero, and so would the audio)
                new CodecTrainer(model, CodecTrainingTest.tinyRecipe(0), List.of(CodecTrainingTest.clip(32000, 1.0)))
                        .trainStep();
                int hop = config.hopLength();
                int context = model.decoderContextFrames();
                float[] whole = model.decode(codes, frames * hop);
                float[] joined = new float[frames * hop];
                // the frames "arrive" one at a time; a chunk is decoded as soon as its audio is final
                int emitted = 0;
                int chunks = 0;
                for (int known = 1; known <= frames; known++) {
                    int ready = known == frames ? frames : known - context;
                    int wanted = chunks == 0 ? 10 : 37;
                    if (ready - emitted >= wanted || (ready == frames && emitted < frames)) {
                        float[] chunk = model.decodeRange(codes, emitted, ready, known);
                        assertEquals((ready - emitted) * hop, chunk.length);
                        System.arraycopy(chunk, 0, joined, emitted * hop, chunk.length);
                        emitted = ready;
                        chunks++;
                    }
                }
                assertEquals(frames, emitted);
                assertTrue(chunks > 5);
                double peak = 1e-9;
                double worst = 0;
                for (int i = 0; i < whole.length; i++) {
                    peak = Math.max(peak, Math.abs(whole[i]));
                    worst = Math.max(worst, Math.abs(whole[i] - joined[i]));
                }
                assertTrue(peak > 1e-4, "the decoder makes sound");
                assertTrue(worst < 1e-5 * peak, config + ": largest difference " + worst + " against a peak of " + peak);
            }
        }
    }

    @Test
    void aRangeMustLieInsideTheKnownFrames() {
        try (CodecModel model = CodecModel.create(CodecConfig.tiny(), 1)) {
            int[][] codes = new int[4][40];
            assertThrows(IllegalArgumentException.class, () -> model.decodeRange(codes, 5, 5, 40));
            assertThrows(IllegalArgumentException.class, () -> model.decodeRange(codes, 0, 12, 10));
            assertThrows(IllegalArgumentException.class, () -> model.decodeRange(codes, 0, 10, 41));
            codes[2][3] = 9999;
            assertThrows(IllegalArgumentException.class, () -> model.decodeRange(codes, 0, 10, 40));
            int reach = model.decoderContextFrames();
            assertEquals((40 - 4 - reach) * 640, model.decodeRange(codes, 4 + reach, 40, 40).length,
                    "frame 3 is outside the range's reach");
        }
    }
}
