package dev.cantor.engine.judge;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.GradientCollector;
import dev.cantor.engine.api.CancellationToken;
import dev.cantor.engine.api.CancelledException;
import dev.cantor.engine.api.ProgressListener;
import dev.cantor.engine.nn.ParameterStore;
import dev.cantor.engine.nn.TensorFile;
import dev.cantor.engine.training.AdamOptimizer;
import dev.cantor.engine.training.TrainingLoop;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Trains the {@link AudioJudge} on labelled clips: random crops of the log-mel frames, softmax
 * cross-entropy on the style plus binary cross-entropy on each instrument, Adam with a short
 * warm-up and cosine decay. The input normalisation (per-band mean and spread) is measured on
 * the training clips before the first step; the instrument head starts at the label priors, so
 * the first steps are not spent learning that most instruments are absent from most clips.
 */
public final class JudgeTrainer {

    /**
     * @param batchSize    crops per step
     * @param cropFrames   frames per crop (shorter clips are padded with silence)
     * @param dropout      dropout on the embedding in training
     */
    public record Options(int batchSize, double learningRate, int cropFrames, double dropout, long seed) {
        public Options {
            if (batchSize < 1 || !(learningRate > 0) || cropFrames < 8 || dropout < 0 || dropout >= 1) {
                throw new IllegalArgumentException("bad judge training options");
            }
        }

        /** Batch 32, learning rate 1e-3, crops of 80 % of the judge's window, dropout 0.2. */
        public static Options defaults(JudgeConfig config, long seed) {
            return new Options(32, 1e-3, Math.max(8, config.windowFrames() * 4 / 5), 0.2, seed);
        }
    }

    /** One step's figures. */
    public record StepLog(long step, double loss, double styleLoss, double instrumentLoss, double learningRate) {
    }

    /** Weight of the instrument loss (summed over instruments) against the style loss. */
    private static final float INSTRUMENT_WEIGHT = 0.3f;
    private static final int WARMUP_STEPS = 100;

    private final AudioJudge judge;
    private final List<JudgeData.Example> train;
    private final Options options;
    private final AdamOptimizer optimizer;
    private long step;

    public JudgeTrainer(AudioJudge judge, List<JudgeData.Example> train, Options options) {
        if (train.isEmpty()) {
            throw new IllegalArgumentException("no training clips");
        }
        this.judge = judge;
        this.train = JudgeData.sorted(train);
        this.options = options;
        this.optimizer = new AdamOptimizer(judge.parameters(), 0.9, 0.999, 1e-8, 5.0);
        initialise();
    }

    public long step() {
        return step;
    }

    private void initialise() {
        int m = judge.config().melBins();
        double[] sum = new double[m];
        double[] sq = new double[m];
        long n = 0;
        for (JudgeData.Example e : train) {
            for (int band = 0; band < m; band++) {
                for (int t = 0; t < e.frames(); t++) {
                    double v = e.features()[band * e.frames() + t];
                    sum[band] += v;
                    sq[band] += v * v;
                }
            }
            n += e.frames();
        }
        float[] mean = new float[m];
        float[] std = new float[m];
        for (int band = 0; band < m; band++) {
            mean[band] = (float) (sum[band] / n);
            std[band] = (float) Math.sqrt(Math.max(1e-6, sq[band] / n - mean[band] * (double) mean[band]));
        }
        judge.setNormalisation(mean, std);
        int k = judge.config().instruments().size();
        float[] prior = new float[k];
        for (int i = 0; i < k; i++) {
            int present = 0;
            for (JudgeData.Example e : train) {
                present += e.instruments()[i] ? 1 : 0;
            }
            double p = (present + 0.5) / (train.size() + 1.0);
            prior[i] = (float) Math.log(p / (1 - p));
        }
        NDArray bias = judge.parameters().parameter(judge.instrumentBiasName());
        try (NDArray values = judge.manager().create(prior)) {
            bias.muli(0).addi(values);
        }
    }

    /**
     * Learning rate at a step: linear warm-up (100 steps, or a tenth of a shorter run), then
     * cosine decay to a tenth over {@code total}.
     */
    private double learningRateAt(long s, long total) {
        long warmup = Math.max(1, Math.min(WARMUP_STEPS, total / 10));
        if (s < warmup) {
            return options.learningRate() * (s + 1) / warmup;
        }
        double progress = Math.min(1, (s - warmup) / (double) Math.max(1, total - warmup));
        return options.learningRate() * (0.1 + 0.9 * 0.5 * (1 + Math.cos(Math.PI * progress)));
    }

    /** Runs one optimisation step on a random batch of crops. */
    public StepLog trainStep(long totalSteps) {
        SplittableRandom rng = new SplittableRandom(options.seed() * 0x9E3779B97F4A7C15L + step);
        Engine.getEngine("PyTorch").setRandomSeed((int) (rng.nextLong() & 0x7fffffff));
        JudgeConfig c = judge.config();
        int b = options.batchSize();
        int m = c.melBins();
        int w = options.cropFrames();
        int s = c.styles().size();
        int k = c.instruments().size();
        float[] x = new float[b * m * w];
        Arrays.fill(x, AudioJudge.SILENCE);
        float[] styleOneHot = new float[b * s];
        float[] instruments = new float[b * k];
        for (int i = 0; i < b; i++) {
            JudgeData.Example e = train.get(rng.nextInt(train.size()));
            int offset = e.frames() > w ? rng.nextInt(e.frames() - w + 1) : 0;
            int n = Math.min(w, e.frames());
            for (int band = 0; band < m; band++) {
                System.arraycopy(e.features(), band * e.frames() + offset, x, (i * m + band) * w, n);
            }
            styleOneHot[i * s + e.style()] = 1f;
            for (int j = 0; j < k; j++) {
                instruments[i * k + j] = e.instruments()[j] ? 1f : 0f;
            }
        }
        double lr = learningRateAt(step, totalSteps);
        try (NDManager sm = judge.manager().newSubManager()) {
            NDArray loss;
            NDArray styleLoss;
            NDArray instrumentLoss;
            try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                ParameterStore.Bound p = judge.parameters().bind(sm);
                AudioJudge.Outputs out = judge.forward(p, sm.create(x, new Shape(b, m, w)), (float) options.dropout());
                styleLoss = out.styleLogits().logSoftmax(-1).mul(sm.create(styleOneHot, new Shape(b, s)))
                        .sum(new int[] {1}).neg().mean();
                // binary cross-entropy with logits: softplus(z) − y·z, softplus written to stay finite
                NDArray z = out.instrumentLogits();
                NDArray softplus = Activation.relu(z).add(z.abs().neg().exp().add(1f).log());
                instrumentLoss = softplus.sub(z.mul(sm.create(instruments, new Shape(b, k))))
                        .sum(new int[] {1}).mean();
                loss = styleLoss.add(instrumentLoss.mul(INSTRUMENT_WEIGHT));
                gc.backward(loss);
            }
            optimizer.step(sm, lr);
            step++;
            return new StepLog(step, loss.getFloat(), styleLoss.getFloat(), instrumentLoss.getFloat(), lr);
        }
    }

    /**
     * Trains until {@code totalSteps}, saving the judge to {@code out} every
     * {@code checkpointEvery} steps and at the end (float16 weights).
     *
     * @throws CancelledException when cancelled; the judge is saved first
     */
    public void train(Path out, long totalSteps, int checkpointEvery, ProgressListener progress,
                      CancellationToken cancel, Consumer<StepLog> onStep) throws IOException {
        TrainingLoop.Save save = () -> judge.save(out, TensorFile.Storage.FLOAT16);
        new TrainingLoop(totalSteps, checkpointEvery, progress, cancel).run(step, () -> {
            onStep.accept(trainStep(totalSteps));
            return step;
        }, save, save);
    }
}
