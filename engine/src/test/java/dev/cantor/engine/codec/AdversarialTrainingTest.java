package dev.cantor.engine.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cantor.engine.adversarial.DiscriminatorConfig;
import dev.cantor.engine.api.CancellationToken;
import dev.cantor.engine.api.ProgressListener;
import dev.cantor.engine.training.AdversarialConfig;
import dev.cantor.engine.training.CodecTrainer;
import dev.cantor.engine.training.CodecTrainingConfig;
import dev.cantor.engine.training.TrainingCheckpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdversarialTrainingTest {

    private static final CodecConfig TINY_FRAME = CodecConfig.tiny().withFrameDecoder(FrameDecoderConfig.tiny());
    private static final List<float[]> CLIPS = List.of(CodecTrainingTest.clip(32000, 1.0));

    /** Decoder-only with only the given adversarial terms, so any change to the decoder comes from them. */
    private static CodecTrainingConfig adversarialOnly(double hinge, double features, long startStep) {
        return CodecTrainingTest.tinyRecipe(0).withDecoderOnly(true).withReconstructionWeights(0, 0)
                .withAdversarial(new AdversarialConfig(hinge, features, 1e-3, startStep, DiscriminatorConfig.tiny(), 0.12));
    }

    /**
     * A tiny codec after one step of whole-codec training: a fresh one's EMA codebooks are still
     * zero, so every latent would be zero and no decoder weight could get a gradient.
     */
    private static CodecModel warmedUp(long seed) {
        CodecModel model = CodecModel.create(TINY_FRAME, seed);
        new CodecTrainer(model, CodecTrainingTest.tinyRecipe(0), CLIPS).trainStep();
        return model;
    }

    @Test
    void theHingeAndFeatureMatchingGradientsEachReachTheDecoder() {
        for (double[] weights : new double[][] {{1, 0}, {0, 1}}) {
            try (CodecModel model = warmedUp(2)) {
                float[] before = model.parameters().parameter("decoder.head.weight").toFloatArray();
                float[] encoderBefore = model.parameters().parameter("encoder.input.weight").toFloatArray();
                CodecTrainer.StepLog log = new CodecTrainer(model, adversarialOnly(weights[0], weights[1], 0), CLIPS)
                        .trainStep();
                String what = "hinge " + weights[0] + ", features " + weights[1];
                assertTrue(log.gradNorm() > 0, what + ": gradient norm " + log.gradNorm());
                assertFalse(Arrays.equals(before, model.parameters().parameter("decoder.head.weight").toFloatArray()),
                        what + ": the decoder's head must move");
                assertArrayEquals(encoderBefore, model.parameters().parameter("encoder.input.weight").toFloatArray(),
                        what + ": the encoder stays frozen");
                assertTrue(log.discriminator() > 0, what + ": the discriminator trained too");
                assertTrue(weights[1] == 0 || log.featureMatching() > 0, what);
            }
        }
    }

    @Test
    void beforeItsStartStepTheDiscriminatorStaysOut() {
        try (CodecModel model = warmedUp(2)) {
            CodecTrainer trainer = new CodecTrainer(model, adversarialOnly(1, 1, 2), CLIPS);
            CodecTrainer.StepLog first = trainer.trainStep();
            assertEquals(0, first.gradNorm(), "no loss term is on before the start step");
            assertEquals(0, first.discriminator());
            trainer.trainStep();
            assertTrue(trainer.trainStep().discriminator() > 0, "step 3 is adversarial");
        }
    }

    @Test
    void aResumedAdversarialRunContinuesExactly(@TempDir Path dir) throws IOException {
        CodecTrainingConfig recipe = CodecTrainingTest.tinyRecipe(0).withDecoderOnly(true)
                .withReconstructionWeights(1, 15)
                .withAdversarial(new AdversarialConfig(1, 2, 1e-3, 1, DiscriminatorConfig.tiny(), 0.12));
        Path run = dir.resolve("run");
        CodecTrainer.StepLog continuous;
        try (CodecModel model = warmedUp(6)) {
            CodecTrainer trainer = new CodecTrainer(model, recipe, CLIPS);
            trainer.train(run, 3, ProgressListener.NONE, CancellationToken.NEVER, l -> { });
            continuous = trainer.trainStep();
        }
        CodecTrainer resumed = CodecTrainer.resume(run, CLIPS);
        try (CodecModel model = resumed.model()) {
            assertEquals(3, resumed.step());
            CodecTrainer.StepLog again = resumed.trainStep();
            // Float rounding only: BLAS sums in an order that can depend on buffer alignment.
            assertEquals(continuous.loss(), again.loss(), 1e-5);
            assertEquals(continuous.adversarial(), again.adversarial(), 1e-5);
            assertEquals(continuous.featureMatching(), again.featureMatching(), 1e-5);
            assertEquals(continuous.discriminator(), again.discriminator(), 1e-5,
                    "the discriminator and its optimizer come back as they were");
        }

        Files.delete(TrainingCheckpoint.latest(run).resolve("discriminator.cntr"));
        assertThrows(IOException.class, () -> CodecTrainer.resume(run, CLIPS).model().close(),
                "a checkpoint without its discriminator must not resume with a fresh one");
    }

    @Test
    void aWindowTooShortForTheLargestStftIsRefusedUpFront() {
        try (CodecModel model = CodecModel.create(TINY_FRAME, 2)) {
            // the tiny discriminator's largest STFT is 256 points: it needs more than 128 samples
            CodecTrainingConfig recipe = adversarialOnly(1, 1, 0).withAdversarial(
                    new AdversarialConfig(1, 1, 1e-3, 0, DiscriminatorConfig.tiny(), 0.003));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new CodecTrainer(model, recipe, CLIPS));
            assertTrue(e.getMessage().contains("judge_seconds"), e.getMessage());
        }
    }
}
