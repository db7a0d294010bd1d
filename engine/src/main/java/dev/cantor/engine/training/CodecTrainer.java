package dev.cantor.engine.training;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.cantor.engine.api.CancellationToken;
import dev.cantor.engine.api.ProgressListener;
import dev.cantor.engine.codec.CodecConfig;
import dev.cantor.engine.codec.CodecModel;
import dev.cantor.engine.dsp.AudioMetrics;
import dev.cantor.engine.nn.ParameterStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Trains a {@link CodecModel}: random crops of the clips, loss = wave L1 + multi-scale log-mel
 * L1 + commitment + (optionally) negative SI-SNR and the independence-promoting MMD, and, with
 * {@link CodecTrainingConfig#adversarial()}, a discriminator's hinge and feature-matching losses
 * ({@link Adversary}); Adam, periodic checkpoints.
 * A factorized quantizer adds its codebook loss with weight 1 (only its codebooks receive that
 * gradient, and Adam scales each parameter's steps itself, so the weight hardly matters).
 *
 * <p>Every random choice of step s (crops, quantizer dropout, MMD permutations, dead-code
 * replacement, the window the discriminator judges) comes from a generator seeded by (seed, s),
 * so a resumed run repeats exactly what an uninterrupted one would have done.
 */
public final class CodecTrainer {

    private final CodecModel model;
    private final CodecTrainingConfig config;
    private final List<float[]> clips;
    private final SpectralLoss spectral;
    private final AdamOptimizer optimizer;
    private final int cropSamples;
    private long step;
    private double wallSeconds;
    private final DivergenceGuard divergence = new DivergenceGuard();
    /** The discriminator and its optimizer, when training adversarially; else null. */
    private final Adversary adversary;

    /** One step's figures (the adversarial ones are 0 before the discriminator joins, or without one). */
    public record StepLog(long step, double loss, double wave, double mel, double commitment, double mmd,
                          double gradNorm, int stagesUsed, int replacedCodes, double batchSiSnrDb,
                          double codebook, double adversarial, double featureMatching, double discriminator) {
    }

    public CodecTrainer(CodecModel model, CodecTrainingConfig config, List<float[]> clips) {
        if (clips.isEmpty()) {
            throw new IllegalArgumentException("no training clips");
        }
        this.model = model;
        this.config = config;
        this.clips = clips;
        CodecConfig c = model.config();
        this.spectral = SpectralLoss.standard(c.sampleRate());
        this.optimizer = new AdamOptimizer(model.parameters(), 0.9, 0.999, 1e-8, 10.0);
        this.adversary = config.adversarial() == null ? null
                : new Adversary(model.manager(), config.adversarial(), config.seed());
        int hop = c.hopLength();
        this.cropSamples = Math.max(hop * (c.numCodebooks() + 2),
                (int) Math.round(config.cropSeconds() * c.sampleRate() / hop) * hop);
        if (adversary != null) {
            int judged = adversary.judgedSamples(c.sampleRate());
            int seen = judged <= 0 ? cropSamples : Math.min(judged, cropSamples);
            if (seen < adversary.minimumSamples()) {
                throw new IllegalArgumentException("the discriminator needs at least " + adversary.minimumSamples()
                        + " samples to judge, but gets " + seen + " (raise judge_seconds or crop_seconds)");
            }
        }
    }

    public long step() {
        return step;
    }

    public CodecTrainingConfig config() {
        return config;
    }

    /** Parameters of the discriminator (0 without adversarial training). */
    public long discriminatorParameterCount() {
        return adversary == null ? 0 : adversary.parameterCount();
    }

    /** The decoder's (generator's) pass of one step: its loss and the figures logged. */
    private record GeneratorPass(NDArray loss, NDArray reconstruction, NDArray wave, NDArray mel, NDArray commitment,
                                 NDArray mmd, NDArray codebook, int replacedCodes) {
    }

    /** Runs one optimisation step and returns its figures. */
    public StepLog trainStep() {
        SplittableRandom rng = new SplittableRandom(config.seed() * 0x9E3779B97F4A7C15L + step);
        float[] batch = sampleBatch(rng);
        int k = model.config().numCodebooks();
        int stagesUsed = rng.nextDouble() < config.quantizerDropout() ? 1 + rng.nextInt(k) : k;
        boolean adversarial = adversary != null && adversary.activeAt(step);
        try (NDManager stepManager = model.manager().newSubManager()) {
            NDArray audio = stepManager.create(batch, new Shape(config.batchSize(), 1, cropSamples));
            GeneratorPass g;
            NDArray loss;
            Adversary.GeneratorTerms terms = null;
            String judged = null;
            try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                var p = model.parameters().bind(stepManager);
                g = config.decoderOnly() ? decoderPass(p, audio, stagesUsed, rng) : codecPass(p, audio, stagesUsed, rng);
                loss = g.loss();
                if (adversarial) {
                    judged = judgedWindow(rng);
                    terms = adversary.generatorTerms(stepManager, g.reconstruction().get(judged), audio.get(judged));
                    loss = loss.add(terms.loss());
                }
                gc.backward(loss);
            }
            double gradNorm = optimizer.step(stepManager, config.learningRateAt(step));
            if (!config.decoderOnly()) {
                model.applyQuantizerUpdates();
            }
            divergence.check(gradNorm);
            double discriminatorLoss = adversarial
                    ? adversary.discriminatorStep(stepManager, audio.get(judged), g.reconstruction().get(judged)) : 0;
            step++;
            float[] recon = g.reconstruction().toFloatArray();
            return new StepLog(step, loss.getFloat(), g.wave().getFloat(), g.mel().getFloat(), valueOf(g.commitment()),
                    valueOf(g.mmd()), gradNorm, stagesUsed, g.replacedCodes(),
                    AudioMetrics.meanSiSnrDb(batch, recon, config.batchSize()), valueOf(g.codebook()),
                    terms == null ? 0 : terms.hinge().getFloat(), terms == null ? 0 : terms.features().getFloat(),
                    discriminatorLoss);
        }
    }

    /** The part of every crop the discriminator judges this step, as an index ([B, 1, T] → [B, 1, T']). */
    private String judgedWindow(SplittableRandom rng) {
        int length = adversary.judgedSamples(model.config().sampleRate());
        if (length <= 0 || length >= cropSamples) {
            return ":, :, :";
        }
        int offset = rng.nextInt(cropSamples - length + 1);
        return ":, :, " + offset + ":" + (offset + length);
    }

    /** The whole codec's losses: reconstruction, commitment, codebook and (optionally) MMD. */
    private GeneratorPass codecPass(ParameterStore.Bound p, NDArray audio, int stagesUsed, SplittableRandom rng) {
        CodecModel.TrainingForward f = model.trainingForward(p, audio, stagesUsed, rng);
        NDArray wave = f.reconstruction().sub(audio).abs().mean();
        NDArray mel = spectral.logMelL1(f.reconstruction(), audio);
        NDArray commit = f.quantizer().commitmentLoss();
        NDArray loss = reconstructionLoss(f.reconstruction(), audio, wave, mel)
                .add(commit.mul((float) config.commitmentWeight()));
        NDArray codebook = f.quantizer().codebookLoss();                  // null for EMA codebooks
        if (codebook != null) {
            loss = loss.add(codebook);
        }
        NDArray mmd = null;
        if (config.mmdWeight() > 0 && stagesUsed >= 2) {
            var stages = f.quantizer().stageOutputs();
            mmd = MmdLoss.aligned(stages, rng).add(MmdLoss.delayed(stages, config.batchSize(), rng)).div(2f);
            loss = loss.add(mmd.mul((float) config.mmdWeight()));
        }
        return new GeneratorPass(loss, f.reconstruction(), wave, mel, commit, mmd, codebook,
                f.quantizer().replacedCodes());
    }

    /**
     * A pass of {@link CodecTrainingConfig#decoderOnly} training: reconstruction losses only (the
     * commitment, codebook and MMD terms concern the frozen parts). The encoder's and quantizer's
     * parameters get no gradient, so Adam leaves them exactly as they were.
     */
    private GeneratorPass decoderPass(ParameterStore.Bound p, NDArray audio, int stagesUsed, SplittableRandom rng) {
        NDArray reconstruction = model.decoderTrainingForward(p, audio, stagesUsed, rng);
        NDArray wave = reconstruction.sub(audio).abs().mean();
        NDArray mel = spectral.logMelL1(reconstruction, audio);
        return new GeneratorPass(reconstructionLoss(reconstruction, audio, wave, mel), reconstruction, wave, mel,
                null, null, null, 0);
    }

    private NDArray reconstructionLoss(NDArray reconstruction, NDArray audio, NDArray wave, NDArray mel) {
        NDArray loss = wave.mul((float) config.waveWeight()).add(mel.mul((float) config.melWeight()));
        if (config.siSnrWeight() > 0) {
            loss = loss.add(SiSnrLoss.negativeDb(reconstruction, audio).mul((float) config.siSnrWeight()));
        }
        if (config.spectrumWeight() > 0) {
            loss = loss.add(spectral.logAverageSpectrumL1(reconstruction, audio).mul((float) config.spectrumWeight()));
        }
        return loss;
    }

    private static double valueOf(NDArray scalar) {
        return scalar == null ? 0 : scalar.getFloat();
    }

    /**
     * Trains until {@code targetSteps} total steps, checkpointing every
     * {@link CodecTrainingConfig#checkpointEvery()} steps, at the end, and when cancelled.
     */
    public void train(Path modelDir, long targetSteps, ProgressListener progress, CancellationToken cancel,
                      Consumer<StepLog> onStep) throws IOException {
        long started = System.nanoTime();
        double wallAtStart = wallSeconds;
        TrainingLoop.Save save = () -> save(modelDir);
        new TrainingLoop(targetSteps, config.checkpointEvery(), progress, cancel).run(step, () -> {
            StepLog log = trainStep();
            wallSeconds = wallAtStart + (System.nanoTime() - started) / 1e9;
            TrainingLog.append(modelDir, log);
            onStep.accept(log);
            return step;
        }, save, save);
    }

    /** Writes the usable model (config + weights) and the resumable training state. */
    public void save(Path modelDir) throws IOException {
        model.save(modelDir);
        TrainingCheckpoint.saveRun(modelDir, new TrainingCheckpoint.State(step, wallSeconds, "codec"), dir -> {
            model.save(dir);
            if (adversary != null) {
                adversary.save(dir);
            }
        }, optimizer, config);
    }

    /**
     * Resumes from {@code modelDir}: loads the model, optimizer and step of its latest checkpoint.
     * The clips must be the same as before for the run to continue exactly.
     */
    public static CodecTrainer resume(Path modelDir, List<float[]> clips) throws IOException {
        return resume(modelDir, clips, UnaryOperator.identity());
    }

    /**
     * Resumes with the saved recipe changed by {@code change} — e.g. a learning-rate decay decided
     * once the curve flattens; the changed recipe is saved with the next checkpoint.
     */
    public static CodecTrainer resume(Path modelDir, List<float[]> clips, UnaryOperator<CodecTrainingConfig> change)
            throws IOException {
        TrainingCheckpoint.Resumed<CodecTrainingConfig> run = TrainingCheckpoint.resume(modelDir,
                CodecTrainingConfig.class);
        CodecModel model = CodecModel.load(run.dir());
        CodecTrainer trainer;
        try {
            trainer = new CodecTrainer(model, change.apply(run.config()), clips);
            run.restore(trainer.optimizer);
            if (trainer.adversary != null) {
                trainer.adversary.load(run.dir());
            }
        } catch (IOException | RuntimeException e) {
            model.close();                  // a half-restored run must not keep the model's native memory
            throw e;
        }
        trainer.step = run.state().step();
        trainer.wallSeconds = run.state().wallSeconds();
        TrainingLog.rewind(modelDir.resolve(TrainingLog.FILE), trainer.step);   // steps it will do again
        return trainer;
    }

    public CodecModel model() {
        return model;
    }

    public double wallSeconds() {
        return wallSeconds;
    }

    private float[] sampleBatch(SplittableRandom rng) {
        float[] batch = new float[config.batchSize() * cropSamples];
        for (int b = 0; b < config.batchSize(); b++) {
            float[] clip = clips.get(rng.nextInt(clips.size()));
            int offset = clip.length > cropSamples ? rng.nextInt(clip.length - cropSamples + 1) : 0;
            System.arraycopy(clip, offset, batch, b * cropSamples, Math.min(cropSamples, clip.length));
        }
        return batch;
    }
}
