package dev.cantor.engine.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Codec folders written before {@code code_dim} existed must still load as EMA codecs. (When the
 * option was added, the shipped codec was checked to give bit-identical tokens and audio; that
 * check is not kept here, so replacing the shipped model does not break a test.)
 */
class CodecConfigCompatibilityTest {

    @Test
    void codeDimIsWrittenOnlyWhenFactorized() throws Exception {
        String ema = CodecModel.JSON.writeValueAsString(CodecConfig.small());
        assertFalse(ema.contains("code_dim"), "an EMA config.json stays readable by older builds: " + ema);
        assertEquals(CodecConfig.small(), CodecModel.JSON.readValue(ema, CodecConfig.class));
        String fvq = CodecModel.JSON.writeValueAsString(CodecConfig.preset("small-fvq"));
        assertTrue(fvq.contains("\"code_dim\" : 8"), fvq);
        CodecConfig back = CodecModel.JSON.readValue(fvq, CodecConfig.class);
        assertEquals(CodecConfig.small().withCodeDim(8), back);
        assertTrue(back.factorized());
    }

    @Test
    void theLearningRateDecaysOnACosineFromItsStartStepToATenth() throws Exception {
        var constant = dev.cantor.engine.training.CodecTrainingConfig.defaults();
        assertEquals(7e-4, constant.learningRateAt(123_456), 0);
        assertFalse(CodecModel.JSON.writeValueAsString(constant).contains("lr_decay"));
        var decaying = constant.withLrDecay(1000, 3000);
        assertEquals(7e-4, decaying.learningRateAt(1000), 1e-12);
        assertEquals(7e-4 * 0.55, decaying.learningRateAt(2000), 1e-12);
        assertEquals(7e-5, decaying.learningRateAt(3000), 1e-12);
        assertEquals(7e-5, decaying.learningRateAt(9000), 1e-12);
        assertTrue(decaying.learningRateAt(1500) > decaying.learningRateAt(2500));
        assertEquals(decaying, CodecModel.JSON.readValue(CodecModel.JSON.writeValueAsString(decaying),
                dev.cantor.engine.training.CodecTrainingConfig.class));
        assertThrows(IllegalArgumentException.class, () -> constant.withLrDecay(3000, 1000));
    }

    @Test
    void siSnrWeightIsWrittenOnlyWhenUsed() throws Exception {
        var recipe = dev.cantor.engine.training.CodecTrainingConfig.defaults();
        String plain = CodecModel.JSON.writeValueAsString(recipe);
        assertFalse(plain.contains("si_snr"), "a run without it resumes in older builds: " + plain);
        assertEquals(recipe, CodecModel.JSON.readValue(plain, dev.cantor.engine.training.CodecTrainingConfig.class));
        var withSnr = recipe.withSiSnrWeight(0.1);
        assertEquals(withSnr, CodecModel.JSON.readValue(CodecModel.JSON.writeValueAsString(withSnr),
                dev.cantor.engine.training.CodecTrainingConfig.class));
    }
}
