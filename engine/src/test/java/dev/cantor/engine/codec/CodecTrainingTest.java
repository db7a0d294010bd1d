package dev.cantor.engine.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cantor.engine.api.CancellationToken;
import dev.cantor.engine.api.ProgressListener;
import dev.cantor.engine.training.CodecTrainer;
import dev.cantor.engine.training.CodecTrainingConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodecTrainingTest {

    /** A two-note clip with a little vibrato: structured enough to learn, quick to overfit. */
    static float[] clip(int sampleRate, double seconds) {
        float[] x = new float[(int) (sampleRate * seconds)];
        for (int i = 0; i < x.length; i++) {
            double t = i / (double) sampleRate;
            double f = t < seconds / 2 ? 220 : 330;
            x[i] = (float) (0.4 * Math.sin(2 * Math.PI * f * t + 0.3 * Math.sin(2 * Math.PI * 5 * t))
                    + 0.15 * Math.sin(2 * Math.PI * 2 * f * t));
        }
        return x;
    }

    static CodecTrainingConfig tinyRecipe(double mmd) {
        return CodecTrainingConfig.defaults().withBatch(2, 0.24).withLearningRate(2e-3)
                .withMmdWeight(mmd).withCheckpointEvery(1000);
    }

    /** 80 steps on the clips (each printed when CANTOR_DEBUG is set): long enough to overfit one. */
    static List<CodecTrainer.StepLog> overfit(CodecTrainer trainer) {
        List<CodecTrainer.StepLog> logs = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            logs.add(trainer.trainStep());
            if (System.getenv("CANTOR_DEBUG") != null) {
                System.out.println(logs.get(logs.size() - 1));
            }
        }
        return logs;
    }

    /** Asserts that the mean mel loss of the last five steps is well below that of the first five. */
    static void assertMelFalls(List<CodecTrainer.StepLog> logs, String what) {
        int n = logs.size();
        double first = logs.subList(0, 5).stream().mapToDouble(CodecTrainer.StepLog::mel).average().orElseThrow();
        double last = logs.subList(n - 5, n).stream().mapToDouble(CodecTrainer.StepLog::mel).average().orElseThrow();
        System.out.printf("%s: mel loss %.3f -> %.3f%n", what, first, last);
        assertTrue(last < first / 2.5, "reconstruction loss should fall by a large factor: " + first + " -> " + last);
    }

    @Test
    void theSiSnrTermAddsItsWeightTimesMinusTheBatchSiSnr() {
        List<float[]> clips = List.of(clip(32000, 1.0));
        CodecTrainer.StepLog plain;
        CodecTrainer.StepLog withSnr;
        try (CodecModel model = CodecModel.create(CodecConfig.tiny(), 3)) {
            plain = new CodecTrainer(model, tinyRecipe(0), clips).trainStep();
        }
        try (CodecModel model = CodecModel.create(CodecConfig.tiny(), 3)) {
            withSnr = new CodecTrainer(model, tinyRecipe(0).withSiSnrWeight(0.5), clips).trainStep();
        }
        // the same model, crops and quantizer choices: only the loss differs
        assertEquals(plain.mel(), withSnr.mel(), 1e-6);
        assertEquals(-0.5 * withSnr.batchSiSnrDb(), withSnr.loss() - plain.loss(), 0.01,
                "SI-SNR " + withSnr.batchSiSnrDb() + " dB");
    }

    @Test
    void tinyCodecOverfitsOneClip() {
        List<float[]> clips = List.of(clip(32000, 1.0));
        try (CodecModel model = CodecModel.create(CodecConfig.tiny(), 3)) {
            // The spectral reconstruction loss is the one that moves in a few dozen steps; the
            // waveform term needs hundreds (phase is learned late), so it is not asserted here.
            assertMelFalls(overfit(new CodecTrainer(model, tinyRecipe(0), clips)), "overfit");
        }
    }

    @Test
    void decoderOnlyTrainingKeepsEveryTokenAndImprovesTheReconstruction(@TempDir Path dir) throws Exception {
        List<float[]> clips = List.of(clip(32000, 1.0));
        float[] probe = clip(32000, 0.5);
        try (CodecModel model = CodecModel.create(CodecConfig.tiny(), 3)) {
            CodecTrainer full = new CodecTrainer(model, tinyRecipe(0), clips);
            for (int i = 0; i < 30; i++) {
                full.trainStep();
            }
            int[][] codesBefore = model.encode(probe);
            java.util.Map<String, float[]> frozenBefore = frozenTensors(model);
            float[] decoderBefore = model.parameters().parameter("decoder.output.weight").toFloatArray();
            model.save(dir.resolve("before"));

            List<CodecTrainer.StepLog> logs = overfit(new CodecTrainer(model, tinyRecipe(0).withDecoderOnly(true), clips));
            model.save(dir.resolve("decoder-trained"));
            assertTrue(CodecModel.sameTokenizer(dir.resolve("before"), dir.resolve("decoder-trained")),
                    "a retrained decoder keeps the tokenizer");

            assertArrayEquals(codesBefore, model.encode(probe), "the tokens of a clip must not change");
            java.util.Map<String, float[]> frozenAfter = frozenTensors(model);
            assertEquals(frozenBefore.keySet(), frozenAfter.keySet());
            frozenBefore.forEach((name, values) -> assertArrayEquals(values, frozenAfter.get(name), name));
            assertTrue(!java.util.Arrays.equals(decoderBefore,
                    model.parameters().parameter("decoder.output.weight").toFloatArray()), "the decoder learns");
            double first = logs.subList(0, 5).stream().mapToDouble(CodecTrainer.StepLog::mel).average().orElseThrow();
            double last = logs.subList(75, 80).stream().mapToDouble(CodecTrainer.StepLog::mel).average().orElseThrow();
            assertTrue(last < 0.8 * first, "decoder-only mel loss " + first + " -> " + last);

            full.trainStep();
            model.save(dir.resolve("fully-trained"));
            assertFalse(CodecModel.sameTokenizer(dir.resolve("before"), dir.resolve("fully-trained")),
                    "a step that trains the encoder and quantizer makes another tokenizer");
        }
    }

    /** Every parameter and buffer outside the decoder, by name. */
    private static java.util.Map<String, float[]> frozenTensors(CodecModel model) {
        java.util.Map<String, float[]> out = new java.util.TreeMap<>();
        model.parameters().parameters().forEach((name, a) -> {
            if (!name.startsWith(CodecDecoder.PREFIX)) {
                out.put(name, a.toFloatArray());
            }
        });
        model.parameters().buffers().forEach((name, a) -> out.put("buffer " + name, a.toFloatArray()));
        return out;
    }

    @Test
    void checkpointReloadReproducesOutputsAndResumeIsExact(@TempDir Path dir) throws Exception {
        List<float[]> clips = List.of(clip(32000, 1.0));
        float[] probe = clip(32000, 0.5);
        Path a = dir.resolve("a");
        CodecTrainer.StepLog continuous;
        try (CodecModel model = CodecModel.create(CodecConfig.tiny(), 5)) {
            CodecTrainer trainer = new CodecTrainer(model, tinyRecipe(1.0), clips);
            trainer.train(a, 4, ProgressListener.NONE, CancellationToken.NEVER, l -> { });
            float[] before = model.roundTrip(probe);
            int[][] codesBefore = model.encode(probe);
            try (CodecModel reloaded = CodecModel.load(a)) {
                assertArrayEquals(before, reloaded.roundTrip(probe), "reloaded model must decode identically");
                assertArrayEquals(codesBefore, reloaded.encode(probe));
            }
            continuous = trainer.trainStep();
        }
        try (Closer resumed = closeable(CodecTrainer.resume(a, clips))) {
            assertEquals(4, resumed.trainer.step());
            CodecTrainer.StepLog again = resumed.trainer.trainStep();
            assertEquals(continuous.loss(), again.loss(), 0.0, "resumed step 5 must equal the uninterrupted one");
            assertEquals(continuous.mmd(), again.mmd(), 0.0);
        }
    }

    @Test
    void roundTripKeepsLength() {
        try (CodecModel model = CodecModel.create(CodecConfig.tiny(), 1)) {
            float[] x = clip(32000, 0.777);
            float[] y = model.roundTrip(x);
            assertEquals(x.length, y.length);
            int[][] codes = model.encode(x);
            assertEquals(4, codes.length);
            assertEquals(model.framesFor(x.length), codes[0].length);
        }
    }

    private record Closer(CodecTrainer trainer) implements AutoCloseable {
        @Override
        public void close() {
            trainer.model().close();
        }
    }

    private static Closer closeable(CodecTrainer t) {
        return new Closer(t);
    }
}
