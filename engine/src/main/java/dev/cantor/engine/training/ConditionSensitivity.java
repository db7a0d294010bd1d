package dev.cantor.engine.training;

import dev.cantor.engine.conditioning.MusicDescriptors;
import dev.cantor.engine.data.TokenClip;
import dev.cantor.engine.lm.LmCondition;
import dev.cantor.engine.lm.TransformerLm;
import dev.cantor.engine.music.GmInstruments;
import dev.cantor.engine.music.Style;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * How much the language model listens to each condition: its cross-entropy on clips whose labels
 * are true, then with one label made wrong or left out. A model that follows the key it is given
 * loses clearly when told a key a tritone away; one that ignores the key loses nothing, however
 * low its cross-entropy. Generation figures (key accuracy) take an hour to measure; this takes a
 * minute, so it can follow a training run checkpoint by checkpoint.
 *
 * <p>The hummed melody is left out of every variant: it carries the pitches, so with it the key
 * label would hardly matter whatever the model had learned.
 */
public final class ConditionSensitivity {

    /** General MIDI's 128 programs come in 16 families of 8; half the table away is another family. */
    private static final int PROGRAMS = 128;

    private ConditionSensitivity() {
    }

    /**
     * The variants, in report order: name → how a clip's full condition changes. The style and
     * instrument variants change only the music attributes, so a model that reads the style from
     * the prompt's sentence embedding alone shows nothing there: {@code attributes_absent} and
     * {@code text_absent} tell the two channels apart.
     */
    static Map<String, UnaryOperator<LmCondition>> variants() {
        Map<String, UnaryOperator<LmCondition>> v = new LinkedHashMap<>();
        put(v, "true", c -> c);
        put(v, "key_tritone", c -> c.keyRoot() == null ? c : c.withKey((c.keyRoot() + 6) % 12, c.mode()));
        put(v, "key_absent", LmCondition::withoutKey);
        put(v, "mode_flipped", c -> c.mode() == null ? c : c.withKey(c.keyRoot(), c.mode().other()));
        put(v, "tempo_x1.5", c -> c.tempoBpm() == null ? c : c.withTempo(c.tempoBpm() * 1.5));
        put(v, "style_other", c -> c.withDescriptors(otherStyle(c.descriptors())));
        put(v, "instruments_other", c -> c.withDescriptors(otherInstruments(c.descriptors())));
        put(v, "attributes_absent", c -> c.withDescriptors(MusicDescriptors.NONE));
        put(v, "text_absent", c -> c.withText(null));
        return v;
    }

    /** Every variant leaves the melody out (class comment). */
    private static void put(Map<String, UnaryOperator<LmCondition>> variants, String name,
                            UnaryOperator<LmCondition> change) {
        variants.put(name, c -> change.apply(c.withMelody(null)));
    }

    /**
     * Mean cross-entropy (nats per token) under each variant, {@code "true"} first; the others'
     * excess over it is how much the model relies on that label.
     */
    public static Map<String, Double> measure(TransformerLm model, List<TokenClip> clips, int windowFrames,
                                              int batchSize) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, UnaryOperator<LmCondition>> e : variants().entrySet()) {
            out.put(e.getKey(), LmLoss.mean(LmLoss.evaluate(model, clips, windowFrames, batchSize, e.getValue())));
        }
        return out;
    }

    /** The style half the list away (pop → funk, jazz → metal): always another, seldom a neighbour. */
    static MusicDescriptors otherStyle(MusicDescriptors d) {
        if (d.style() == null) {
            return d;
        }
        Style[] all = Style.values();
        return new MusicDescriptors(all[(d.style().ordinal() + all.length / 2) % all.length], d.mood(),
                d.instruments());
    }

    /**
     * Each named program moved to another family, half the General MIDI table away (piano →
     * soprano sax, strings → synth pad); the drums have no such counterpart and stay.
     */
    static MusicDescriptors otherInstruments(MusicDescriptors d) {
        Set<String> moved = new TreeSet<>();
        for (String name : d.instruments()) {
            int program = MusicDescriptors.INSTRUMENTS.indexOf(name);
            moved.add(name.equals(GmInstruments.DRUMS) ? name
                    : GmInstruments.name((program + PROGRAMS / 2) % PROGRAMS));
        }
        return new MusicDescriptors(d.style(), d.mood(), moved);
    }
}
