package dev.cantor.engine.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.cantor.engine.conditioning.MusicDescriptors;
import dev.cantor.engine.data.TokenClip;
import dev.cantor.engine.lm.LmCondition;
import dev.cantor.engine.lm.LmConfig;
import dev.cantor.engine.lm.TransformerLm;
import dev.cantor.engine.music.Style;
import dev.cantor.engine.nn.ParameterStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * A contrast term of {@link LmTrainingConfig.Contrast}: some rows of a step, each run again over
 * its opening frames with one label made wrong, and a hinge on how much less likely the wrong
 * label makes the real tokens.
 */
final class ContrastLoss {

    /** The label a contrast makes wrong: which rows can have a twin, and how the twin is told. */
    enum Label {
        KEY(c -> c.keyRoot() != null, (c, rng, corpus) -> wrongKey(c, rng)),
        TEMPO(c -> c.tempoBpm() != null, (c, rng, corpus) -> wrongTempo(c, rng)),
        STYLE(c -> c.descriptors().style() != null, ContrastLoss::wrongStyle),
        INSTRUMENTS(c -> !c.descriptors().instruments().isEmpty(), ContrastLoss::wrongInstruments);

        private final Predicate<LmCondition> present;
        private final Relabel wrong;

        Label(Predicate<LmCondition> present, Relabel wrong) {
            this.present = present;
            this.wrong = wrong;
        }

        boolean present(LmCondition c) {
            return present.test(c);
        }

        LmCondition wrong(LmCondition c, SplittableRandom rng, Vocabulary corpus) {
            return wrong.apply(c, rng, corpus);
        }
    }

    /** How a label is made wrong. */
    @FunctionalInterface
    private interface Relabel {
        LmCondition apply(LmCondition c, SplittableRandom rng, Vocabulary corpus);
    }

    /**
     * The styles and instrument line-ups the training clips name, in a fixed order: a wrong style
     * or line-up is drawn from these, so the twin is told something the corpus really has (a
     * General MIDI program no clip plays would be an easy contrast that teaches nothing).
     */
    record Vocabulary(List<Style> styles, List<Set<String>> instrumentSets) {

        static Vocabulary of(List<MusicDescriptors> clips) {
            Set<Style> styles = new TreeSet<>();
            Set<Set<String>> sets = new LinkedHashSet<>();
            for (MusicDescriptors d : clips) {
                if (d.style() != null) {
                    styles.add(d.style());
                }
                if (!d.instruments().isEmpty()) {
                    sets.add(d.instruments());
                }
            }
            List<Set<String>> ordered = new ArrayList<>(sets);
            ordered.sort(Comparator.comparing(Set::toString));
            return new Vocabulary(List.copyOf(styles), List.copyOf(ordered));
        }

        /** Whether every row with {@code label} can be told something else. */
        boolean canContrast(Label label) {
            return switch (label) {
                case STYLE -> styles.size() >= 2;
                case INSTRUMENTS -> instrumentSets.size() >= 2;
                default -> true;
            };
        }
    }

    /**
     * Refuses a term on {@code label} that could never run: the style and instruments need a
     * model that reads them and a corpus that names two of them or more, so that every row has
     * something else to be told.
     *
     * @throws IllegalArgumentException naming what is missing
     */
    static void requireUsable(Label label, LmConfig config, Vocabulary corpus) {
        if (label != Label.STYLE && label != Label.INSTRUMENTS) {
            return;
        }
        boolean style = label == Label.STYLE;
        String term = "the " + (style ? "style" : "instrument") + " contrast";
        if (!config.musicAttributes()) {
            throw new IllegalArgumentException(term + " needs a model that reads style, mood and instruments"
                    + " (music attributes)");
        }
        if (!corpus.canContrast(label)) {
            throw new IllegalArgumentException(term + " needs training clips whose captions name at least two"
                    + " different " + (style ? "styles" : "sets of instruments"));
        }
    }

    /**
     * @param hinge mean of max(0, margin − gap) over the twinned rows (a scalar with gradient)
     * @param gap   mean gap CE_wrong − CE_true over them, nats per token (for the log)
     */
    record Term(NDArray hinge, double gap) {
    }

    /**
     * Wrong tempi stay in this range, about the corpus's 50–200 bpm with room either side: a
     * tempo the model never saw would be too easy a contrast.
     */
    static final double SLOWEST_WRONG_BPM = 40;
    static final double FASTEST_WRONG_BPM = 250;

    private ContrastLoss() {
    }

    /**
     * The term for a step whose main pass gave {@code main}; null when no row of the step has the
     * label to contrast (all dropped, or the clips have none). Draws from {@code rng} only here, so
     * runs without the term take the random draws they always took.
     */
    static Term of(Label label, TransformerLm model, ParameterStore.Bound p, NDManager m, LmBatch batch,
                   List<TokenClip> clips, LmLoss.Result main, LmTrainingConfig.Contrast recipe, SplittableRandom rng,
                   float dropout, Vocabulary corpus) {
        List<Integer> rows = rowsWith(label, batch);
        if (rows.isEmpty()) {
            return null;
        }
        int twins = Math.min(rows.size(), recipe.twins(batch.batch()));
        for (int i = 0; i < twins; i++) {                    // a partial shuffle picks `twins` of them
            int j = i + rng.nextInt(rows.size() - i);
            rows.set(j, rows.set(i, rows.get(j)));
        }
        List<Integer> picked = rows.subList(0, twins);
        int frames = Math.min(recipe.frames(), batch.frames());
        List<TokenClip> twinClips = new ArrayList<>(twins);
        int[] offsets = new int[twins];
        List<LmCondition> wrong = new ArrayList<>(twins);
        float[] select = new float[twins * batch.batch()];
        for (int i = 0; i < twins; i++) {
            int row = picked.get(i);
            twinClips.add(clips.get(row));
            offsets[i] = batch.firstFrames()[row];
            wrong.add(label.wrong(batch.conditions().get(row), rng, corpus));
            select[i * batch.batch() + row] = 1;
        }
        // The model is causal, so the first `frames` frames need only themselves: the twins run
        // on those alone, and the true rows' figures come from the main pass.
        LmBatch twinBatch = LmBatch.of(model.config(), twinClips, offsets, frames, wrong, 0);
        NDArray wrongCe = LmLoss.forward(model, p, m, twinBatch, dropout).rowCrossEntropy(frames);       // [R]
        NDArray trueCe = m.create(select, new Shape(twins, batch.batch()))
                .matMul(main.rowCrossEntropy(frames).reshape(batch.batch(), 1)).reshape(twins);          // [R]
        NDArray gap = wrongCe.sub(trueCe);
        NDArray hinge = gap.neg().add((float) recipe.margin()).maximum(0f).mean();
        return new Term(hinge, gap.mean().getFloat());
    }

    /**
     * Conditioned rows that kept the label through dropout and have no melody: a melody carries
     * the pitches and the rhythm itself, so there the key or tempo label hardly can, or need, make
     * a difference. The style and instrument terms keep to the same rows, so that all four
     * measure what the conditions alone make, as at the start of a piece made from nothing.
     */
    private static List<Integer> rowsWith(Label label, LmBatch batch) {
        List<Integer> rows = new ArrayList<>();
        for (int row = batch.unconditioned(); row < batch.batch(); row++) {
            LmCondition c = batch.conditions().get(row);
            if (label.present(c) && c.melody() == null) {
                rows.add(row);
            }
        }
        return rows;
    }

    /**
     * The same condition with a wrong key: half the time (when the mode is given) the parallel
     * mode, the commonest miss in our evaluations; otherwise the tonic moved by 1–11 semitones in
     * the same mode, which never gives the same scale (a relative key would).
     */
    static LmCondition wrongKey(LmCondition c, SplittableRandom rng) {
        if (c.mode() != null && rng.nextBoolean()) {
            return c.withKey(c.keyRoot(), c.mode().other());
        }
        return c.withKey((c.keyRoot() + 1 + rng.nextInt(11)) % 12, c.mode());
    }

    /**
     * The same condition at 3/2 or 2/3 of its tempo, half each (the other one where the first
     * would leave [{@value #SLOWEST_WRONG_BPM}, {@value #FASTEST_WRONG_BPM}] bpm): the miss our
     * evaluations show is of that kind, a 120 bpm funk groove heard at 80 (LM card, "Tempo
     * contrast").
     */
    static LmCondition wrongTempo(LmCondition c, SplittableRandom rng) {
        double faster = c.tempoBpm() * 1.5;
        double slower = c.tempoBpm() / 1.5;
        boolean useFaster = rng.nextBoolean() ? faster <= FASTEST_WRONG_BPM : slower < SLOWEST_WRONG_BPM;
        return c.withTempo(useFaster ? faster : slower);
    }

    /** The same condition naming another of the corpus's styles, each as likely. */
    static LmCondition wrongStyle(LmCondition c, SplittableRandom rng, Vocabulary corpus) {
        List<Style> others = new ArrayList<>(corpus.styles());
        others.remove(c.descriptors().style());
        return c.withDescriptors(c.descriptors().withStyle(others.get(rng.nextInt(others.size()))));
    }

    /**
     * The same condition naming another line-up the corpus has, each distinct line-up as likely
     * (not each clip: a common line-up would otherwise make most twins alike).
     */
    static LmCondition wrongInstruments(LmCondition c, SplittableRandom rng, Vocabulary corpus) {
        List<Set<String>> others = new ArrayList<>(corpus.instrumentSets());
        others.remove(c.descriptors().instruments());
        return c.withDescriptors(c.descriptors().withInstruments(others.get(rng.nextInt(others.size()))));
    }
}
