package dev.cantor.engine.training;

import dev.cantor.engine.data.TokenClip;
import dev.cantor.engine.lm.TransformerLm;
import dev.cantor.engine.music.Key;
import dev.cantor.engine.music.Mode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    private ConditionSensitivity() {
    }

    /** The variants, in report order: name → how a clip's labels change. */
    static Map<String, UnaryOperator<TokenClip>> variants() {
        Map<String, UnaryOperator<TokenClip>> v = new LinkedHashMap<>();
        v.put("true", c -> relabel(c, c.key(), c.mode(), c.tempoBpm()));
        v.put("key_tritone", c -> relabel(c, c.key() == null ? null
                : Key.ofPitchClass((Key.fromLabel(c.key()).pitchClass() + 6) % 12).label(), c.mode(), c.tempoBpm()));
        v.put("key_absent", c -> relabel(c, null, c.mode(), c.tempoBpm()));
        v.put("mode_flipped", c -> relabel(c, c.key(), c.mode() == null ? null
                : Mode.fromLabel(c.mode()).other().label(), c.tempoBpm()));
        v.put("tempo_x1.5", c -> relabel(c, c.key(), c.mode(), c.tempoBpm() == null ? null : c.tempoBpm() * 1.5));
        return v;
    }

    /**
     * Mean cross-entropy (nats per token) under each variant, {@code "true"} first; the others'
     * excess over it is how much the model relies on that label.
     */
    public static Map<String, Double> measure(TransformerLm model, List<TokenClip> clips, int windowFrames,
                                              int batchSize) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, UnaryOperator<TokenClip>> e : variants().entrySet()) {
            List<TokenClip> changed = new ArrayList<>(clips.size());
            for (TokenClip c : clips) {
                changed.add(e.getValue().apply(c));
            }
            out.put(e.getKey(), LmLoss.mean(LmLoss.evaluate(model, changed, windowFrames, batchSize)));
        }
        return out;
    }

    private static TokenClip relabel(TokenClip c, String key, String mode, Double tempo) {
        return new TokenClip(c.file(), c.caption(), tempo, key, mode, c.style(), c.frames(), c.codes(), null, c.text());
    }
}
