package dev.cantor.engine.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cantor.engine.conditioning.MusicDescriptors;
import dev.cantor.engine.data.TokenClip;
import dev.cantor.engine.lm.LmCondition;
import dev.cantor.engine.lm.LmConfig;
import dev.cantor.engine.lm.TransformerLm;
import dev.cantor.engine.music.Mode;
import dev.cantor.engine.music.Style;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConditionSensitivityTest {

    private static final String[] KEYS = {"C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"};

    @Test
    void eachVariantChangesOneLabelAndDropsTheMelody() {
        MusicDescriptors named = MusicDescriptors.parse("upbeat pop with piano, strings and drums");
        LmCondition full = new LmCondition(new float[] {1f}, 100.0, 2, Mode.MINOR, new int[] {0, 12}, named);
        Map<String, LmCondition> changed = new LinkedHashMap<>();
        ConditionSensitivity.variants().forEach((name, f) -> changed.put(name, f.apply(full)));
        assertEquals(List.of("true", "key_tritone", "key_absent", "mode_flipped", "tempo_x1.5", "style_other",
                "instruments_other", "attributes_absent", "text_absent"), List.copyOf(changed.keySet()));
        changed.values().forEach(c -> assertNull(c.melody(), "the melody would give the key away"));
        assertEquals(2, changed.get("true").keyRoot());
        assertEquals(8, changed.get("key_tritone").keyRoot());
        assertEquals(Mode.MINOR, changed.get("key_tritone").mode());
        assertNull(changed.get("key_absent").keyRoot());
        assertEquals(Mode.MAJOR, changed.get("mode_flipped").mode());
        assertEquals(150.0, changed.get("tempo_x1.5").tempoBpm(), 1e-9);
        assertEquals(100.0, changed.get("mode_flipped").tempoBpm(), 1e-9);

        assertEquals(Style.POP, named.style());
        assertEquals(Set.of("piano", "strings", "drums"), named.instruments());
        MusicDescriptors otherStyle = changed.get("style_other").descriptors();
        assertNotEquals(Style.POP, otherStyle.style());
        assertEquals(named.instruments(), otherStyle.instruments());
        MusicDescriptors otherInstruments = changed.get("instruments_other").descriptors();
        assertEquals(Style.POP, otherInstruments.style());
        assertEquals(3, otherInstruments.instruments().size());
        assertTrue(otherInstruments.instruments().contains("drums"), "drums have no counterpart and stay");
        assertFalse(otherInstruments.instruments().contains("piano"));
        assertFalse(otherInstruments.instruments().contains("strings"));
        assertEquals(MusicDescriptors.NONE, changed.get("attributes_absent").descriptors());
        assertNull(changed.get("text_absent").text());
        assertEquals(named, changed.get("text_absent").descriptors());
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
        Map<String, Double> ce = afterTraining(LmTrainerTest.CONFIG, clips);
        // measured: true 0.007, key a tritone away 0.43, key left out 0.22, mode flipped 0.06
        assertTrue(ce.get("key_tritone") > ce.get("true") + 0.2, "cross-entropies " + ce);
        assertTrue(ce.get("key_absent") > ce.get("true") + 0.1, "cross-entropies " + ce);
        assertTrue(ce.get("key_tritone") > ce.get("mode_flipped"), "the key tells the clips apart: " + ce);
    }

    @Test
    void aModelWhoseTokensHangOnTheStyleLosesWhenToldAnotherStyle() {
        // one clip per style, the same sentence embedding: only the style attribute tells them apart
        Random r = new Random(4);
        float[] caption = LmTrainerTest.unit(r, 384);
        List<TokenClip> clips = new ArrayList<>();
        for (Style style : List.of(Style.POP, Style.JAZZ, Style.METAL, Style.WALTZ, Style.FUNK, Style.AMBIENT)) {
            TokenClip c = LmTrainerTest.clip(r, style.name() + ".wav", 12, 16);
            clips.add(new TokenClip(c.file(), style.label() + " with piano", 100.0, null, null, style.label(), 12,
                    c.codes(), null, caption));
        }
        Map<String, Double> ce = afterTraining(LmTrainerTest.CONFIG.withMusicAttributes(), clips);
        assertTrue(ce.get("style_other") > ce.get("true") + 0.2, "cross-entropies " + ce);
        assertTrue(ce.get("attributes_absent") > ce.get("true") + 0.1, "cross-entropies " + ce);
        assertTrue(ce.get("style_other") > ce.get("text_absent"), "the text is the same for all: " + ce);
    }

    /** Every variant's cross-entropy on {@code clips} after a model of {@code shape} learned them for 300 steps. */
    private static Map<String, Double> afterTraining(LmConfig shape, List<TokenClip> clips) {
        try (TransformerLm lm = TransformerLm.create(shape, 5)) {
            LmTrainer trainer = new LmTrainer(lm, LmTrainerTest.quiet(300), clips);
            for (int i = 0; i < 300; i++) {
                trainer.trainStep();
            }
            return ConditionSensitivity.measure(lm, clips, 12, 4);
        }
    }
}
