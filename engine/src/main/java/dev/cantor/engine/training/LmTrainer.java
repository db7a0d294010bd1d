package dev.cantor.engine.training;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.GradientCollector;
import dev.cantor.engine.api.CancellationToken;
import dev.cantor.engine.api.ProgressListener;
import dev.cantor.engine.conditioning.MusicDescriptors;
import dev.cantor.engine.data.TokenClip;
import dev.cantor.engine.lm.LmCondition;
import dev.cantor.engine.lm.LmConfig;
import dev.cantor.engine.lm.TransformerLm;
import dev.cantor.engine.nn.ParameterStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Trains a {@link TransformerLm} on a token cache: random windows, per-codebook cross-entropy on
 * the delayed targets, condition dropout for classifier-free guidance, the representation
 * regularizer on the unconditioned rows, Adam with warm-up and cosine decay, checkpoints and a
 * validation pass at each.
 *
 * <p>Every random choice of step s comes from a generator seeded by (seed, s), and PyTorch's
 * dropout generator is re-seeded from it, so a resumed run repeats the uninterrupted one.
 */
public final class LmTrainer {

    private final TransformerLm model;
    private final LmTrainingConfig config;
    private final List<TokenClip> train;
    private final List<TokenClip> validation;
    /** What each training clip's caption names (same index as {@code train}), read once. */
    private final List<MusicDescriptors> trainDescriptors;
    private final ContrastLoss.Vocabulary corpusVocabulary;
    private final AdamOptimizer optimizer;
    private final int windowFrames;
    private long step;
    private double wallSeconds;
    private final DivergenceGuard divergence = new DivergenceGuard();

    /**
     * One step's figures; {@code perCodebook} is the cross-entropy (nats) of each codebook, and
     * {@code windows} × {@code frames} the batch it trained on (short-window steps have more, shorter rows);
     * {@code keyGap}, {@code tempoGap}, {@code styleGap} and {@code instrumentGap} are the contrast terms'
     * mean gaps in nats per token (null in a step without the term: a NaN would not be JSON).
     */
    public record StepLog(long step, double loss, double[] perCodebook, double rr, double gradNorm,
                          double learningRate, int windows, int frames, Double keyGap, Double tempoGap,
                          Double styleGap, Double instrumentGap) {
    }

    /** Validation cross-entropy per codebook (nats) and its mean, with every condition given. */
    public record ValidationLog(long step, double mean, double[] perCodebook, int windows) {
    }

    /** A trainer that holds out {@link LmTrainingConfig#validationClips()} of {@code clips} by a fixed hash. */
    public LmTrainer(TransformerLm model, LmTrainingConfig config, List<TokenClip> clips) {
        this(model, config, without(clips, heldOut(clips, config.validationClips())),
                heldOut(clips, config.validationClips()));
    }

    /** A trainer with the split given (a fine-tune holds out whole songs, not clips). */
    public LmTrainer(TransformerLm model, LmTrainingConfig config, List<TokenClip> train, List<TokenClip> validation) {
        this.model = model;
        this.config = config;
        LmConfig c = model.config();
        int shortest = java.util.stream.Stream.concat(train.stream(), validation.stream())
                .mapToInt(TokenClip::frames).min().orElse(0);
        if (train.isEmpty() || shortest < 2) {
            throw new IllegalArgumentException("no usable token clips (need at least one clip of 2+ frames)");
        }
        this.windowFrames = Math.min(c.maxFrames(), shortest);
        this.validation = List.copyOf(validation);
        this.train = List.copyOf(train);
        this.trainDescriptors = this.train.stream().map(clip -> LmBatch.descriptorsOf(c, clip)).toList();
        this.corpusVocabulary = ContrastLoss.Vocabulary.of(trainDescriptors);
        for (ContrastLoss.Label label : ContrastLoss.Label.values()) {
            if (config.contrast(label).enabled()) {
                ContrastLoss.requireUsable(label, c, corpusVocabulary);
            }
        }
        this.optimizer = new AdamOptimizer(model.parameters(), 0.9, 0.95, 1e-8, 1.0);
    }

    private static List<TokenClip> without(List<TokenClip> clips, List<TokenClip> removed) {
        List<TokenClip> t = new ArrayList<>(clips);
        t.removeAll(removed);
        return t;
    }

    /**
     * The clips held out for validation: up to {@code max} (and at most a fifth of the cache),
     * picked by a fixed hash of the file name so resumes, reruns and {@code eval-lm} agree.
     */
    public static List<TokenClip> heldOut(List<TokenClip> clips, int max) {
        int held = Math.min(max, clips.size() / 5);
        List<TokenClip> v = new ArrayList<>();
        for (TokenClip clip : clips) {
            if (v.size() < held && Math.floorMod(clip.file().hashCode() * 0x9E3779B1, 10) == 0) {
                v.add(clip);
            }
        }
        return v;
    }

    public long step() {
        return step;
    }

    public int trainClips() {
        return train.size();
    }

    public int validationClips() {
        return validation.size();
    }

    public int windowFrames() {
        return windowFrames;
    }

    public TransformerLm model() {
        return model;
    }

    public double wallSeconds() {
        return wallSeconds;
    }

    /** The recipe this run trains with (from its checkpoint when resumed). */
    public LmTrainingConfig config() {
        return config;
    }

    /** Runs one optimisation step. */
    public StepLog trainStep() {
        SplittableRandom rng = new SplittableRandom(config.seed() * 0x9E3779B97F4A7C15L + step);
        Engine.getEngine("PyTorch").setRandomSeed((int) (rng.nextLong() & 0x7fffffff));
        List<TokenClip> clips = new ArrayList<>();
        LmBatch batch = sampleBatch(rng, clips);
        double lr = config.learningRateAt(step);
        float dropout = (float) model.config().dropout();
        try (NDManager stepManager = model.manager().newSubManager()) {
            LmLoss.Result losses;
            NDArray rr = null;
            Map<ContrastLoss.Label, Double> gaps = new EnumMap<>(ContrastLoss.Label.class);
            NDArray loss;
            try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                ParameterStore.Bound p = model.parameters().bind(stepManager);
                losses = LmLoss.forward(model, p, stepManager, batch, dropout);
                loss = losses.mean();
                if (config.rrWeight() > 0 && batch.unconditioned() >= 2) {
                    NDArray rows = losses.hidden().get(new NDIndex("0:{}", batch.unconditioned()));
                    rr = RepresentationRegularizer.loss(rows,
                            RepresentationRegularizer.textSimilarities(batch.texts()));
                    loss = loss.add(rr.mul((float) config.rrWeight()));
                }
                // In the labels' order, each drawing only when on: a run without the later terms draws
                // exactly as runs before them did.
                for (ContrastLoss.Label label : ContrastLoss.Label.values()) {
                    LmTrainingConfig.Contrast recipe = config.contrast(label);
                    if (recipe.enabled()) {
                        ContrastLoss.Term term = ContrastLoss.of(label, model, p, stepManager, batch, clips, losses,
                                recipe, rng, dropout, corpusVocabulary);
                        if (term != null) {
                            loss = loss.add(term.hinge().mul((float) recipe.weight()));
                            gaps.put(label, term.gap());
                        }
                    }
                }
                gc.backward(loss);
            }
            double gradNorm = optimizer.step(stepManager, lr);
            divergence.check(gradNorm);
            step++;
            return new StepLog(step, loss.getFloat(), toDoubles(losses.perCodebook().toFloatArray()),
                    rr == null ? 0 : rr.getFloat(), gradNorm, lr, batch.batch(), batch.frames(),
                    gaps.get(ContrastLoss.Label.KEY), gaps.get(ContrastLoss.Label.TEMPO),
                    gaps.get(ContrastLoss.Label.STYLE), gaps.get(ContrastLoss.Label.INSTRUMENTS));
        }
    }

    /** Cross-entropy on the held-out clips (first window of each), every condition given. */
    public ValidationLog validate() {
        double[] per = LmLoss.evaluate(model, validation, windowFrames, config.batchSize());
        return new ValidationLog(step, LmLoss.mean(per), per, validation.size());
    }

    /** Draws a step's batch; {@code clips} receives each row's clip. */
    private LmBatch sampleBatch(SplittableRandom rng, List<TokenClip> clips) {
        int b = config.batchSize();
        int frames = windowFrames;
        // Runs without short windows draw nothing for them, so their batches stay as they were.
        LmTrainingConfig.ShortWindows shortWindows = config.shortWindows();
        if (shortWindows.shortens(windowFrames) && rng.nextDouble() < shortWindows.share()) {
            b = shortWindows.rows(b, windowFrames);
            frames = shortWindows.frames();
        }
        // Whole guidance steps draw once per step; row mode draws nothing here, as it always has.
        boolean guidanceStep = config.cfgWholeBatch() && rng.nextDouble() < config.cfgDropout();
        int unconditioned = guidanceStep ? b : config.unconditionedRows(b);
        int[] offsets = new int[b];
        List<LmCondition> conditions = new ArrayList<>(b);
        for (int row = 0; row < b; row++) {
            int index = rng.nextInt(train.size());
            TokenClip clip = train.get(index);
            clips.add(clip);
            offsets[row] = rng.nextInt(clip.frames() - frames + 1);
            LmCondition full = LmBatch.fullCondition(clip, trainDescriptors.get(index), offsets[row], frames);
            conditions.add(row < unconditioned ? LmCondition.NONE : dropParts(full, rng));
        }
        return LmBatch.of(model.config(), clips, offsets, frames, conditions, unconditioned);
    }

    private LmCondition dropParts(LmCondition c, SplittableRandom rng) {
        double p = config.attributeDropout();
        return new LmCondition(
                rng.nextDouble() < p ? null : c.text(),
                rng.nextDouble() < p ? null : c.tempoBpm(),
                rng.nextDouble() < p ? null : c.keyRoot(),
                rng.nextDouble() < p ? null : c.mode(),
                rng.nextDouble() < config.melodyDropout() ? null : c.melody(),
                dropDescriptors(c.descriptors(), p, rng));
    }

    /**
     * Style, mood and instruments are dropped each on its own, like the other attributes (and
     * not drawn at all for a model without them, whose training stays as it was).
     */
    private MusicDescriptors dropDescriptors(MusicDescriptors d, double p, SplittableRandom rng) {
        if (!model.config().musicAttributes()) {
            return MusicDescriptors.NONE;
        }
        return new MusicDescriptors(
                rng.nextDouble() < p ? null : d.style(),
                rng.nextDouble() < p ? null : d.mood(),
                rng.nextDouble() < p ? java.util.Set.of() : d.instruments());
    }

    /**
     * Trains until {@code targetSteps}, checkpointing (with a validation pass) every
     * {@link LmTrainingConfig#checkpointEvery()} steps, at the end and when cancelled.
     */
    public void train(Path modelDir, long targetSteps, ProgressListener progress, CancellationToken cancel,
                      Consumer<StepLog> onStep, Consumer<ValidationLog> onValidation) throws IOException {
        long started = System.nanoTime();
        double wallAtStart = wallSeconds;
        new TrainingLoop(targetSteps, config.checkpointEvery(), progress, cancel).run(step, () -> {
            StepLog log = trainStep();
            wallSeconds = wallAtStart + (System.nanoTime() - started) / 1e9;
            TrainingLog.append(modelDir, log);
            onStep.accept(log);
            return step;
        }, () -> {
            validateAndLog(modelDir, onValidation);
            save(modelDir);
        }, () -> save(modelDir));       // a cancelled run is saved without waiting for validation
    }

    private void validateAndLog(Path modelDir, Consumer<ValidationLog> onValidation) throws IOException {
        if (validation.isEmpty()) {
            return;
        }
        ValidationLog v = validate();
        TrainingLog.append(modelDir, v);
        onValidation.accept(v);
    }

    /** Writes the usable model and the resumable training state. */
    public void save(Path modelDir) throws IOException {
        model.save(modelDir);
        TrainingCheckpoint.saveRun(modelDir, new TrainingCheckpoint.State(step, wallSeconds, "lm"), model::save,
                optimizer, config);
    }

    /** Resumes the run saved in {@code modelDir} on the same clips. */
    public static LmTrainer resume(Path modelDir, List<TokenClip> clips) throws IOException {
        TrainingCheckpoint.Resumed<LmTrainingConfig> run = TrainingCheckpoint.resume(modelDir, LmTrainingConfig.class);
        return resumed(modelDir, run, new LmTrainer(TransformerLm.load(run.dir()), run.config(), clips));
    }

    /** Resumes the run saved in {@code modelDir} with the split given. */
    public static LmTrainer resume(Path modelDir, List<TokenClip> train, List<TokenClip> validation)
            throws IOException {
        TrainingCheckpoint.Resumed<LmTrainingConfig> run = TrainingCheckpoint.resume(modelDir, LmTrainingConfig.class);
        return resumed(modelDir, run, new LmTrainer(TransformerLm.load(run.dir()), run.config(), train, validation));
    }

    /** Puts the checkpoint's optimizer, step and clock back, and rewinds the log to that step. */
    private static LmTrainer resumed(Path modelDir, TrainingCheckpoint.Resumed<LmTrainingConfig> run,
                                     LmTrainer trainer) throws IOException {
        run.restore(trainer.optimizer);
        trainer.step = run.state().step();
        trainer.wallSeconds = run.state().wallSeconds();
        TrainingLog.rewind(modelDir.resolve(TrainingLog.FILE), trainer.step);   // steps it will do again
        return trainer;
    }

    private static double[] toDoubles(float[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i];
        }
        return d;
    }
}
