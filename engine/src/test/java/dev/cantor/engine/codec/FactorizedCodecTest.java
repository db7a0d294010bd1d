package dev.cantor.engine.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cantor.engine.api.CancellationToken;
import dev.cantor.engine.api.ProgressListener;
import dev.cantor.engine.nn.TensorFile;
import dev.cantor.engine.training.CodecTrainer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The codec with factorized quantizer stages ({@code code_dim} &gt; 0) trains, saves, resumes and exports. */
class FactorizedCodecTest {

    @Test
    void tinyFactorizedCodecOverfitsOneClip() {
        List<float[]> clips = List.of(CodecTrainingTest.clip(32000, 1.0));
        try (CodecModel model = CodecModel.create(CodecConfig.preset("tiny-fvq"), 3)) {
            List<CodecTrainer.StepLog> logs = CodecTrainingTest.overfit(
                    new CodecTrainer(model, CodecTrainingTest.tinyRecipe(0), clips));
            CodecTrainingTest.assertMelFalls(logs, "factorized overfit");
            // The codebook loss is part of the factorized quantizer's objective (EMA logs 0 here).
            assertTrue(logs.stream().allMatch(l -> l.codebook() > 0 && Double.isFinite(l.codebook())));
        }
    }

    @Test
    void checkpointReloadReproducesTokensAndResumeIsExact(@TempDir Path dir) throws Exception {
        List<float[]> clips = List.of(CodecTrainingTest.clip(32000, 1.0));
        float[] probe = CodecTrainingTest.clip(32000, 0.5);
        Path a = dir.resolve("a");
        CodecTrainer.StepLog continuous;
        try (CodecModel model = CodecModel.create(CodecConfig.tinyFactorized(), 5)) {
            CodecTrainer trainer = new CodecTrainer(model, CodecTrainingTest.tinyRecipe(1.0), clips);
            trainer.train(a, 4, ProgressListener.NONE, CancellationToken.NEVER, l -> { });
            float[] before = model.roundTrip(probe);
            int[][] codesBefore = model.encode(probe);
            assertEquals(8, CodecModel.readConfig(a).codeDim());
            try (CodecModel reloaded = CodecModel.load(a)) {
                assertArrayEquals(codesBefore, reloaded.encode(probe));
                assertArrayEquals(before, reloaded.roundTrip(probe), "reloaded model must decode identically");
            }
            // A float16 export loads as the same kind of model and still tokenizes every frame.
            Path half = dir.resolve("half");
            model.save(half, TensorFile.Storage.FLOAT16);
            try (CodecModel exported = CodecModel.load(half)) {
                assertEquals(model.config(), exported.config());
                int[][] codes = exported.encode(probe);
                assertEquals(codesBefore.length, codes.length);
                assertEquals(codesBefore[0].length, codes[0].length);
            }
            continuous = trainer.trainStep();
        }
        CodecTrainer resumed = CodecTrainer.resume(a, clips);
        try (CodecModel model = resumed.model()) {
            assertEquals(4, resumed.step());
            CodecTrainer.StepLog again = resumed.trainStep();
            assertEquals(continuous.loss(), again.loss(), 0.0, "resumed step 5 must equal the uninterrupted one");
            assertEquals(continuous.codebook(), again.codebook(), 0.0);
        }
    }

    @Test
    void encodeDecodeShapes() {
        try (CodecModel model = CodecModel.create(CodecConfig.tinyFactorized(), 1)) {
            float[] x = CodecTrainingTest.clip(32000, 0.777);
            int[][] codes = model.encode(x);
            assertEquals(4, codes.length);
            assertEquals(model.framesFor(x.length), codes[0].length);
            for (int[] row : codes) {
                for (int c : row) {
                    assertTrue(c >= 0 && c < model.config().codebookSize());
                }
            }
            assertEquals(x.length, model.decode(codes, x.length).length);
            assertEquals(x.length, model.decode(new int[][] {codes[0]}, x.length).length, "decodes from one codebook");
        }
    }
}
