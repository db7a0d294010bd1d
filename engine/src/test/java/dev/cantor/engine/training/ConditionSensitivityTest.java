package dev.cantor.engine.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cantor.engine.data.TokenClip;
import dev.cantor.engine.lm.TransformerLm;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ConditionSensitivityTest {

    private static final String[] KEYS = {"C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"};

    @Test
    void eachVariantChangesOneLabelAndDropsTheMelody() {
        TokenClip clip = LmTrainerTest.clip(new Random(1), "a.wav", 8, 16);     // D minor, 100 bpm, a melody
        Map<String, TokenClip> changed = new java.util.LinkedHashMap<>();
        ConditionSensitivity.variants().forEach((name, f) -> changed.put(name, f.apply(clip)));
        assertEquals(List.of("true", "key_tritone", "key_absent", "mode_flipped", "tempo_x1.5"),
                List.copyOf(changed.keySet()));
        changed.values().forEach(c -> assertNull(c.melody(), "the melody would give the key away"));
        assertEquals("D", changed.get("true").key());
        assertEquals("Ab", changed.get("key_tritone").key());
        assertNull(changed.get("key_absent").key());
        assertEquals("major", changed.get("mode_flipped").mode());
        assertEquals("minor", changed.get("key_tritone").mode());
        assertEquals(150.0, changed.get("tempo_x1.5").tempoBpm(), 1e-9);
        assertEquals(100.0, changed.get("mode_flipped").tempoBpm(), 1e-9);
    }

    @Test
    void aModelWhoseTokensHangOnTheKeyLosesWhenToldAnotherKey() {
        // one clip per key, each its own token sequence, the same caption: only the key tells them apart
        Random r = new Random(3);
        float[] caption = LmTrainerTest.unit(r, 384);
        List<TokenClip> clips = new ArrayList<>();
        for (String key : KEYS) {
            TokenClip c = LmTrainerTest.clip(r, key + ".wav", 12, 16);
            clips.add(new TokenClip(c.file(), "the same caption", 100.0, key, "major", "pop", 12, c.codes(), null,
                    caption));
        }
        LmTrainingConfig recipe = LmTrainerTest.quiet(300);
        try (TransformerLm lm = TransformerLm.create(LmTrainerTest.CONFIG, 5)) {
            LmTrainer trainer = new LmTrainer(lm, recipe, clips);
            for (int i = 0; i < 300; i++) {
                trainer.trainStep();
            }
            Map<String, Double> ce = ConditionSensitivity.measure(lm, clips, 12, 4);
            // measured: true 0.007, key a tritone away 0.43, key left out 0.22, mode flipped 0.06
            assertTrue(ce.get("key_tritone") > ce.get("true") + 0.2, "cross-entropies " + ce);
            assertTrue(ce.get("key_absent") > ce.get("true") + 0.1, "cross-entropies " + ce);
            assertTrue(ce.get("key_tritone") > ce.get("mode_flipped"), "the key tells the clips apart: " + ce);
        }
    }
}
