package dev.cantor.engine.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cantor.engine.training.CodecTrainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameDecoderTest {

    private static final CodecConfig TINY_FRAME = CodecConfig.tiny().withFrameDecoder(FrameDecoderConfig.tiny());

    @Test
    void decodesEveryFrameToExactlyItsHopOfSamples() {
        try (CodecModel model = CodecModel.create(TINY_FRAME, 1)) {
            float[] x = CodecTrainingTest.clip(32000, 0.777);
            float[] y = model.roundTrip(x);
            assertEquals(x.length, y.length);
            for (float v : y) {
                assertTrue(Float.isFinite(v));
            }
            int[][] codes = model.encode(x);
            assertEquals(model.framesFor(x.length) * 640, model.decode(codes, codes[0].length * 640).length);
        }
    }

    @Test
    void longAudioDecodedInWindowsJoinsWithoutSeams() {
        // 1200 frames: the 500-frame windows meet at 10 s and 20 s; one 2000-frame window is the reference.
        SplittableRandom rng = new SplittableRandom(9);
        int[][] codes = new int[4][1200];
        for (int[] row : codes) {
            for (int f = 0; f < row.length; f++) {
                row[f] = rng.nextInt(64);
            }
        }
        // six blocks reach 22 frames, past the 16 frames of context SEANet decodes with
        CodecConfig deep = CodecConfig.tiny().withFrameDecoder(new FrameDecoderConfig(16, 6, 2, 7));
        for (CodecConfig config : new CodecConfig[] {deep, CodecConfig.tiny()}) {
            try (CodecModel model = CodecModel.create(config, 5)) {
                // one step of whole-codec training gives the EMA codebooks entries (they start at zero)
                new CodecTrainer(model, CodecTrainingTest.tinyRecipe(0), List.of(CodecTrainingTest.clip(32000, 1.0)))
                        .trainStep();
                float[] windowed = model.decode(codes, 1200 * 640);
                float[] whole = model.decode(codes, 1200 * 640, 2000);
                double peak = 1e-9;
                double worst = 0;
                for (int i = 0; i < whole.length; i++) {
                    peak = Math.max(peak, Math.abs(whole[i]));
                    worst = Math.max(worst, Math.abs(whole[i] - windowed[i]));
                }
                // float rounding gives about 1e-6 of the peak; 16 frames of context for this decoder gave 5e-5
                assertTrue(worst < 1e-5 * peak, config + ": largest difference " + worst + " against a peak of " + peak);
            }
        }
    }

    @Test
    void anUntrainedFrameDecoderStartsQuiet() {
        try (CodecModel model = CodecModel.create(TINY_FRAME, 1)) {
            float[] y = model.roundTrip(CodecTrainingTest.clip(32000, 0.5));
            double peak = 0;
            for (float v : y) {
                peak = Math.max(peak, Math.abs(v));
            }
            assertTrue(peak < 0.1, "peak " + peak);
        }
    }

    @Test
    void configsWithoutAFrameDecoderReadAndWriteAsBefore(@TempDir Path dir) throws Exception {
        try (CodecModel model = CodecModel.create(CodecConfig.tiny(), 1)) {
            model.save(dir.resolve("seanet"));
        }
        String json = Files.readString(dir.resolve("seanet").resolve(CodecModel.CONFIG_FILE));
        assertTrue(!json.contains("frame_decoder"), json);
        assertNull(CodecModel.readConfig(dir.resolve("seanet")).frameDecoder());

        try (CodecModel model = CodecModel.create(TINY_FRAME, 1)) {
            model.save(dir.resolve("frame"));
        }
        assertEquals(TINY_FRAME, CodecModel.readConfig(dir.resolve("frame")));
        assertTrue(TINY_FRAME.sameTokenizer(CodecConfig.tiny()));
    }

    @Test
    void aNewFrameDecoderKeepsTheCodecsTokensAndLearns(@TempDir Path dir) throws Exception {
        float[] probe = CodecTrainingTest.clip(32000, 0.5);
        int[][] codes;
        try (CodecModel seanet = CodecModel.create(CodecConfig.tiny(), 4)) {
            new CodecTrainer(seanet, CodecTrainingTest.tinyRecipe(0), List.of(CodecTrainingTest.clip(32000, 1.0)))
                    .trainStep();
            seanet.save(dir.resolve("seanet"));
            codes = seanet.encode(probe);
        }
        try (CodecModel framed = CodecModel.withNewDecoder(dir.resolve("seanet"), FrameDecoderConfig.tiny(), 4)) {
            assertArrayEquals(codes, framed.encode(probe), "the encoder and quantizer come over unchanged");
            List<CodecTrainer.StepLog> logs = CodecTrainingTest.overfit(new CodecTrainer(framed,
                    CodecTrainingTest.tinyRecipe(0).withDecoderOnly(true).withReconstructionWeights(1, 15),
                    List.of(CodecTrainingTest.clip(32000, 1.0))));
            double first = logs.subList(0, 5).stream().mapToDouble(CodecTrainer.StepLog::mel).average().orElseThrow();
            double last = logs.subList(75, 80).stream().mapToDouble(CodecTrainer.StepLog::mel).average().orElseThrow();
            assertTrue(last < 0.6 * first, "mel loss " + first + " -> " + last);
            assertArrayEquals(codes, framed.encode(probe), "decoder-only training keeps the tokens");
            framed.save(dir.resolve("framed"));
        }
        assertTrue(CodecModel.sameTokenizer(dir.resolve("seanet"), dir.resolve("framed")));
    }

    @Test
    void anUpsampleThatDoesNotDivideTheHopIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CodecConfig.tiny().withFrameDecoder(new FrameDecoderConfig(16, 1, 3, 7)));
        assertTrue(e.getMessage().contains("upsample"), e.getMessage());
    }
}
