package dev.cantor.engine.training;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.function.Consumer;

/**
 * How the language model is trained. Saved in the checkpoint so {@code --resume} continues
 * with the same settings.
 *
 * @param batchSize       windows per step
 * @param learningRate    peak Adam step size (after warm-up; cosine decay to 10% at the end)
 * @param warmupSteps     linear warm-up steps
 * @param totalSteps      length of the schedule (the decay reaches its floor here)
 * @param cfgDropout      share of rows trained with every condition dropped (classifier-free
 *                        guidance; these rows also carry the representation regularizer)
 * @param attributeDropout chance of dropping each of text, tempo, key and mode on its own
 * @param melodyDropout   chance of dropping the melody condition
 * @param rrWeight        weight λ of the text–audio representation regularizer (0 disables)
 * @param validationClips clips held out for validation (taken by a fixed hash of the file name)
 * @param checkpointEvery steps between checkpoints (validation runs at each)
 * @param seed            drives batches, dropout and initialisation
 * @param cfgWholeBatch   drop the conditions of whole steps (a share {@code cfgDropout} of them)
 *                        instead of rows within every step; the regularizer needs two rows
 *                        without text in a step, which small batches never have row by row
 *                        (absent in configs written before it: false)
 * @param shortWindows    a share of steps trained on short windows instead of full ones
 *                        (absent in configs written before it: none)
 * @param keyContrast     the key-contrast term (absent in configs written before it: none)
 * @param tempoContrast   the tempo-contrast term, the same with a wrong tempo (absent in configs
 *                        written before it: none)
 * @param styleContrast   the same with another style named (absent in configs written before it: none)
 * @param instrumentContrast the same with another clip's instruments named (absent in configs
 *                        written before it: none)
 */
public record LmTrainingConfig(
        @JsonProperty("batch_size") int batchSize,
        @JsonProperty("learning_rate") double learningRate,
        @JsonProperty("warmup_steps") int warmupSteps,
        @JsonProperty("total_steps") long totalSteps,
        @JsonProperty("cfg_dropout") double cfgDropout,
        @JsonProperty("attribute_dropout") double attributeDropout,
        @JsonProperty("melody_dropout") double melodyDropout,
        @JsonProperty("rr_weight") double rrWeight,
        @JsonProperty("validation_clips") int validationClips,
        @JsonProperty("checkpoint_every") int checkpointEvery,
        @JsonProperty("seed") long seed,
        @JsonProperty("cfg_whole_batch") boolean cfgWholeBatch,
        @JsonProperty("short_windows") ShortWindows shortWindows,
        @JsonProperty("key_contrast") Contrast keyContrast,
        @JsonProperty("tempo_contrast") Contrast tempoContrast,
        @JsonProperty("style_contrast") Contrast styleContrast,
        @JsonProperty("instrument_contrast") Contrast instrumentContrast) {

    /**
     * Steps of short windows, mixed among the full ones. Within a long window the audio already
     * made soon tells the model the key, so the key label only pays at the window's start: a
     * 750-frame window has one start where a 150-frame one has five for the same tokens. A model
     * that never needed its labels from the first frame ignores them, and generation, which
     * starts with no audio at all, then settles on a key of its own.
     *
     * @param share  chance that a step uses short windows (0: never)
     * @param frames length of a short window; such a step takes batch × window ÷ frames rows, so
     *               it trains on about as many tokens as a full step
     */
    public record ShortWindows(@JsonProperty("share") double share, @JsonProperty("frames") int frames) {

        public static final ShortWindows NONE = new ShortWindows(0, 0);

        public ShortWindows {
            require(share >= 0 && share <= 1, "short_windows.share must be in [0, 1]");
            require(share == 0 || frames >= 2, "short_windows.frames must be ≥ 2");
        }

        /** Whether a run whose full windows have {@code windowFrames} frames takes any short steps. */
        public boolean shortens(int windowFrames) {
            return share > 0 && frames < windowFrames;
        }

        /** Rows of a short step that trains on as many tokens as {@code batchSize} full windows. */
        public int rows(int batchSize, int fullFrames) {
            return Math.max(batchSize, (int) Math.round((double) batchSize * fullFrames / frames));
        }
    }

    /**
     * A term that asks the model to find a clip's opening less likely under a wrong label than
     * under its own. Cross-entropy alone lets a model learn the key from the audio it has made and
     * barely from the label (a key a tritone away costs our v1 0.024 nats per token over the first
     * second, v0.4 0.042); generation starts with no audio, so such a model picks a key of its own.
     * Guidance can only amplify the difference the label makes, so the difference itself is what
     * this trains. For some rows with the label, the first {@code frames} frames are run again with
     * the label made wrong ({@link ContrastLoss.Label}: the key moved or its mode flipped; the
     * tempo 3/2 or 2/3 of itself; another style; another clip's instruments), and each row adds
     * {@code max(0, margin − (CE_wrong − CE_true))}, weighted by {@code weight}.
     *
     * @param weight weight of the mean hinge in the step's loss (0: off)
     * @param margin the gap, in nats per token, beyond which a row adds nothing, so the term
     *               cannot push wrong-label likelihoods down without end
     * @param frames how many frames from each window's start the two are compared over
     */
    public record Contrast(@JsonProperty("weight") double weight, @JsonProperty("margin") double margin,
                           @JsonProperty("frames") int frames) {

        public static final Contrast NONE = new Contrast(0, 0, 0);

        public Contrast {
            require(weight >= 0 && Double.isFinite(weight), "a contrast's weight must be ≥ 0");
            require(weight == 0 || (margin > 0 && Double.isFinite(margin)), "a contrast's margin must be > 0");
            require(weight == 0 || frames >= 1, "a contrast's frames must be ≥ 1");
        }

        public boolean enabled() {
            return weight > 0;
        }

        /**
         * How many of a step's rows get a wrong-label twin: a quarter of its {@code rows}, at
         * least one, so the extra pass costs about a quarter of the step's tokens or less.
         */
        public int twins(int rows) {
            return Math.max(1, rows / 4);
        }
    }

    public LmTrainingConfig {
        if (shortWindows == null) {
            shortWindows = ShortWindows.NONE;
        }
        if (keyContrast == null) {
            keyContrast = Contrast.NONE;
        }
        if (tempoContrast == null) {
            tempoContrast = Contrast.NONE;
        }
        if (styleContrast == null) {
            styleContrast = Contrast.NONE;
        }
        if (instrumentContrast == null) {
            instrumentContrast = Contrast.NONE;
        }
        require(batchSize >= 2 && batchSize <= 1024, "batch_size must be 2..1024");
        require(learningRate > 0 && learningRate < 1, "learning_rate must be in (0, 1)");
        require(warmupSteps >= 0, "warmup_steps must be ≥ 0");
        require(totalSteps >= 1, "total_steps must be ≥ 1");
        require(cfgDropout >= 0 && cfgDropout < 1, "cfg_dropout must be in [0, 1)");
        require(attributeDropout >= 0 && attributeDropout <= 1, "attribute_dropout must be in [0, 1]");
        require(melodyDropout >= 0 && melodyDropout <= 1, "melody_dropout must be in [0, 1]");
        require(rrWeight >= 0 && Double.isFinite(rrWeight), "rr_weight must be ≥ 0");
        require(validationClips >= 0, "validation_clips must be ≥ 0");
        require(checkpointEvery >= 1, "checkpoint_every must be ≥ 1");
    }

    /**
     * Default weight of the representation regularizer. Measured on the 6000-clip corpus, same
     * 4000 steps and seed: weight 3 left held-out cross-entropy at 5.380 and mode accuracy at 0.550,
     * weight 0.3 at 5.125 and 0.650, weight 0 at 5.099 and 0.733 (LM model card).
     */
    public static final double DEFAULT_RR_WEIGHT = 0.3;

    /** Defaults for a run of {@code steps} steps. */
    public static LmTrainingConfig defaults(long steps) {
        return new LmTrainingConfig(16, 5e-4, 200, steps, 0.15, 0.3, 0.5, DEFAULT_RR_WEIGHT, 64, 250, 1, false,
                ShortWindows.NONE, Contrast.NONE, Contrast.NONE, Contrast.NONE, Contrast.NONE);
    }

    public LmTrainingConfig withBatchSize(int v) {
        return edited(e -> e.batchSize = v);
    }

    public LmTrainingConfig withLearningRate(double v) {
        return edited(e -> e.learningRate = v);
    }

    public LmTrainingConfig withWarmupSteps(int v) {
        return edited(e -> e.warmupSteps = v);
    }

    public LmTrainingConfig withCfgDropout(double v) {
        return edited(e -> e.cfgDropout = v);
    }

    public LmTrainingConfig withAttributeDropout(double v) {
        return edited(e -> e.attributeDropout = v);
    }

    public LmTrainingConfig withMelodyDropout(double v) {
        return edited(e -> e.melodyDropout = v);
    }

    public LmTrainingConfig withRrWeight(double v) {
        return edited(e -> e.rrWeight = v);
    }

    public LmTrainingConfig withValidationClips(int v) {
        return edited(e -> e.validationClips = v);
    }

    public LmTrainingConfig withCheckpointEvery(int v) {
        return edited(e -> e.checkpointEvery = v);
    }

    public LmTrainingConfig withSeed(long v) {
        return edited(e -> e.seed = v);
    }

    public LmTrainingConfig withTotalSteps(long v) {
        return edited(e -> e.totalSteps = v);
    }

    public LmTrainingConfig withCfgWholeBatch(boolean v) {
        return edited(e -> e.cfgWholeBatch = v);
    }

    public LmTrainingConfig withShortWindows(ShortWindows v) {
        return edited(e -> e.shortWindows = v);
    }

    public LmTrainingConfig withKeyContrast(Contrast v) {
        return edited(e -> e.keyContrast = v);
    }

    public LmTrainingConfig withTempoContrast(Contrast v) {
        return edited(e -> e.tempoContrast = v);
    }

    public LmTrainingConfig withStyleContrast(Contrast v) {
        return edited(e -> e.styleContrast = v);
    }

    public LmTrainingConfig withInstrumentContrast(Contrast v) {
        return edited(e -> e.instrumentContrast = v);
    }

    /** The recipe's term for {@code label} ({@link Contrast#NONE} when off). */
    Contrast contrast(ContrastLoss.Label label) {
        return switch (label) {
            case KEY -> keyContrast;
            case TEMPO -> tempoContrast;
            case STYLE -> styleContrast;
            case INSTRUMENTS -> instrumentContrast;
        };
    }

    /**
     * This recipe with one setting changed: the withers below each name theirs, so that the
     * positional constructor is written out once, in {@link Edit#build()}.
     */
    private LmTrainingConfig edited(Consumer<Edit> change) {
        Edit e = new Edit(this);
        change.accept(e);
        return e.build();
    }

    /** A mutable copy of a recipe, for {@link #edited}. */
    private static final class Edit {
        int batchSize;
        double learningRate;
        int warmupSteps;
        long totalSteps;
        double cfgDropout;
        double attributeDropout;
        double melodyDropout;
        double rrWeight;
        int validationClips;
        int checkpointEvery;
        long seed;
        boolean cfgWholeBatch;
        ShortWindows shortWindows;
        Contrast keyContrast;
        Contrast tempoContrast;
        Contrast styleContrast;
        Contrast instrumentContrast;

        Edit(LmTrainingConfig c) {
            batchSize = c.batchSize;
            learningRate = c.learningRate;
            warmupSteps = c.warmupSteps;
            totalSteps = c.totalSteps;
            cfgDropout = c.cfgDropout;
            attributeDropout = c.attributeDropout;
            melodyDropout = c.melodyDropout;
            rrWeight = c.rrWeight;
            validationClips = c.validationClips;
            checkpointEvery = c.checkpointEvery;
            seed = c.seed;
            cfgWholeBatch = c.cfgWholeBatch;
            shortWindows = c.shortWindows;
            keyContrast = c.keyContrast;
            tempoContrast = c.tempoContrast;
            styleContrast = c.styleContrast;
            instrumentContrast = c.instrumentContrast;
        }

        LmTrainingConfig build() {
            return new LmTrainingConfig(batchSize, learningRate, warmupSteps, totalSteps, cfgDropout, attributeDropout,
                    melodyDropout, rrWeight, validationClips, checkpointEvery, seed, cfgWholeBatch, shortWindows,
                    keyContrast, tempoContrast, styleContrast, instrumentContrast);
        }
    }

    /** Rows trained without any condition in a step that is not a whole guidance step. */
    public int unconditionedRows() {
        return unconditionedRows(batchSize);
    }

    /** {@link #unconditionedRows()} for a step of {@code rows} rows (a short-window step has more). */
    public int unconditionedRows(int rows) {
        return cfgWholeBatch ? 0 : (int) Math.round(cfgDropout * rows);
    }

    /**
     * Whether the representation regularizer can ever run on windows of {@code windowFrames}: it
     * compares rows trained without text, so a step needs two of them (batch 8 with 15% dropout
     * rounds to one row, but a short-window step of 20 rows has three).
     */
    public boolean regularizerCanRun(int windowFrames) {
        if (!(rrWeight > 0)) {
            return false;
        }
        if (cfgWholeBatch) {
            return cfgDropout > 0;
        }
        return unconditionedRows() >= 2 || (shortWindows.shortens(windowFrames)
                && unconditionedRows(shortWindows.rows(batchSize, windowFrames)) >= 2);
    }

    /** Learning rate at a step: linear warm-up, then cosine decay to 10% of the peak. */
    public double learningRateAt(long step) {
        if (step < warmupSteps) {
            return learningRate * (step + 1) / warmupSteps;
        }
        double progress = Math.min(1.0, (step - warmupSteps) / (double) Math.max(1, totalSteps - warmupSteps));
        return learningRate * (0.1 + 0.9 * 0.5 * (1 + Math.cos(Math.PI * progress)));
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("invalid LM training config: " + message);
        }
    }
}
