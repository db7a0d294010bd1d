package dev.cantor.engine.training;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.GradientCollector;
import dev.cantor.engine.api.CancellationToken;
import dev.cantor.engine.api.CancelledException;
import dev.cantor.engine.api.ProgressListener;
import dev.cantor.engine.data.TokenClip;
import dev.cantor.engine.io.AtomicFiles;
import dev.cantor.engine.lm.LmCondition;
import dev.cantor.engine.lm.LmConfig;
import dev.cantor.engine.lm.TransformerLm;
import dev.cantor.engine.nn.ParameterStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
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

    private static final String OPTIMIZER_FILE = "optimizer.cntr";
    private static final String LOG_FILE = "log.jsonl";
    private static final int MAX_NON_FINITE_IN_A_ROW = 20;
    private static final com.fasterxml.jackson.databind.ObjectWriter LOG_LINE = TrainingCheckpoint.JSON.writer()
            .without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);

    private final TransformerLm model;
    private final LmTrainingConfig config;
    private final List<TokenClip> train;
    private final List<TokenClip> validation;
    private final AdamOptimizer optimizer;
    private final int windowFrames;
    private long step;
    private double wallSeconds;
    private int nonFiniteInARow;

    /** One step's figures; {@code perCodebook} is the cross-entropy (nats) of each codebook. */
    public record StepLog(long step, double loss, double[] perCodebook, double rr, double gradNorm,
                          double learningRate) {
    }

    /** Validation cross-entropy per codebook (nats) and its mean, with every condition given. */
    public record ValidationLog(long step, double mean, double[] perCodebook, int windows) {
    }

    public LmTrainer(TransformerLm model, LmTrainingConfig config, List<TokenClip> clips) {
        this.model = model;
        this.config = config;
        LmConfig c = model.config();
        int shortest = clips.stream().mapToInt(TokenClip::frames).min().orElse(0);
        if (clips.isEmpty() || shortest < 2) {
            throw new IllegalArgumentException("no usable token clips (need at least one clip of 2+ frames)");
        }
        this.windowFrames = Math.min(c.maxFrames(), shortest);
        this.validation = heldOut(clips, config.validationClips());
        List<TokenClip> t = new ArrayList<>(clips);
        t.removeAll(validation);
        this.train = t;
        this.optimizer = new AdamOptimizer(model.parameters(), 0.9, 0.95, 1e-8, 1.0);
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

    /** Runs one optimisation step. */
    public StepLog trainStep() {
        SplittableRandom rng = new SplittableRandom(config.seed() * 0x9E3779B97F4A7C15L + step);
        Engine.getEngine("PyTorch").setRandomSeed((int) (rng.nextLong() & 0x7fffffff));
        LmBatch batch = sampleBatch(rng);
        double lr = config.learningRateAt(step);
        try (NDManager stepManager = model.manager().newSubManager()) {
            LmLoss.Result losses;
            NDArray rr = null;
            NDArray loss;
            try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                ParameterStore.Bound p = model.parameters().bind(stepManager);
                losses = LmLoss.forward(model, p, stepManager, batch, (float) model.config().dropout());
                loss = losses.mean();
                if (config.rrWeight() > 0 && batch.unconditioned() >= 2) {
                    NDArray rows = losses.hidden().get(new NDIndex("0:{}", batch.unconditioned()));
                    rr = RepresentationRegularizer.loss(rows,
                            RepresentationRegularizer.textSimilarities(batch.texts()));
                    loss = loss.add(rr.mul((float) config.rrWeight()));
                }
                gc.backward(loss);
            }
            double gradNorm = optimizer.step(stepManager, lr);
            nonFiniteInARow = Double.isFinite(gradNorm) ? 0 : nonFiniteInARow + 1;
            if (nonFiniteInARow >= MAX_NON_FINITE_IN_A_ROW) {
                throw new IllegalStateException("training diverged: " + nonFiniteInARow
                        + " steps in a row had a non-finite gradient (try a lower learning rate)");
            }
            step++;
            return new StepLog(step, loss.getFloat(), toDoubles(losses.perCodebook().toFloatArray()),
                    rr == null ? 0 : rr.getFloat(), gradNorm, lr);
        }
    }

    /** Cross-entropy on the held-out clips (first window of each), every condition given. */
    public ValidationLog validate() {
        double[] per = LmLoss.evaluate(model, validation, windowFrames, config.batchSize());
        return new ValidationLog(step, LmLoss.mean(per), per, validation.size());
    }

    private LmBatch sampleBatch(SplittableRandom rng) {
        int b = config.batchSize();
        int unconditioned = (int) Math.round(config.cfgDropout() * b);
        List<TokenClip> clips = new ArrayList<>(b);
        int[] offsets = new int[b];
        List<LmCondition> conditions = new ArrayList<>(b);
        for (int row = 0; row < b; row++) {
            TokenClip clip = train.get(rng.nextInt(train.size()));
            clips.add(clip);
            offsets[row] = rng.nextInt(clip.frames() - windowFrames + 1);
            LmCondition full = LmBatch.fullCondition(clip, offsets[row], windowFrames);
            conditions.add(row < unconditioned ? LmCondition.NONE : dropParts(full, rng));
        }
        return LmBatch.of(model.config(), clips, offsets, windowFrames, conditions, unconditioned);
    }

    private LmCondition dropParts(LmCondition c, SplittableRandom rng) {
        double p = config.attributeDropout();
        return new LmCondition(
                rng.nextDouble() < p ? null : c.text(),
                rng.nextDouble() < p ? null : c.tempoBpm(),
                rng.nextDouble() < p ? null : c.keyRoot(),
                rng.nextDouble() < p ? null : c.mode(),
                rng.nextDouble() < config.melodyDropout() ? null : c.melody());
    }

    /**
     * Trains until {@code targetSteps}, checkpointing (with a validation pass) every
     * {@link LmTrainingConfig#checkpointEvery()} steps, at the end and when cancelled.
     */
    public void train(Path modelDir, long targetSteps, ProgressListener progress, CancellationToken cancel,
                      Consumer<StepLog> onStep, Consumer<ValidationLog> onValidation) throws IOException {
        long started = System.nanoTime();
        double wallAtStart = wallSeconds;
        try {
            while (step < targetSteps) {
                cancel.throwIfCancelled();
                StepLog log = trainStep();
                wallSeconds = wallAtStart + (System.nanoTime() - started) / 1e9;
                appendLog(modelDir, log);
                onStep.accept(log);
                progress.onProgress(step, targetSteps, "training");
                if (step % config.checkpointEvery() == 0 && step < targetSteps) {
                    validateAndLog(modelDir, onValidation);
                    save(modelDir);
                }
            }
        } catch (CancelledException e) {
            save(modelDir);
            throw e;
        }
        validateAndLog(modelDir, onValidation);
        save(modelDir);
    }

    private void validateAndLog(Path modelDir, Consumer<ValidationLog> onValidation) throws IOException {
        if (validation.isEmpty()) {
            return;
        }
        ValidationLog v = validate();
        appendLog(modelDir, v);
        onValidation.accept(v);
    }

    /** Writes the usable model and the resumable training state. */
    public void save(Path modelDir) throws IOException {
        model.save(modelDir);
        TrainingCheckpoint.save(modelDir, new TrainingCheckpoint.State(step, wallSeconds, "lm"), dir -> {
            model.save(dir);
            optimizer.save(dir.resolve(OPTIMIZER_FILE));
            AtomicFiles.writeString(dir.resolve("training_config.json"),
                    TrainingCheckpoint.JSON.writeValueAsString(config));
        });
    }

    /** Resumes the run saved in {@code modelDir} on the same clips. */
    public static LmTrainer resume(Path modelDir, List<TokenClip> clips) throws IOException {
        Path dir = TrainingCheckpoint.latest(modelDir);
        if (dir == null) {
            throw new IOException("nothing to resume in " + modelDir + " (no training checkpoint)");
        }
        TrainingCheckpoint.State state = TrainingCheckpoint.readState(dir);
        LmTrainingConfig config = TrainingCheckpoint.JSON.readValue(
                dir.resolve("training_config.json").toFile(), LmTrainingConfig.class);
        TransformerLm model = TransformerLm.load(dir);
        LmTrainer trainer = new LmTrainer(model, config, clips);
        trainer.optimizer.load(dir.resolve(OPTIMIZER_FILE));
        trainer.step = state.step();
        trainer.wallSeconds = state.wallSeconds();
        return trainer;
    }

    private static void appendLog(Path modelDir, Object line) throws IOException {
        Files.createDirectories(modelDir);
        Files.writeString(modelDir.resolve(LOG_FILE), LOG_LINE.writeValueAsString(line) + "\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static double[] toDoubles(float[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i];
        }
        return d;
    }
}
