package dev.cantor.app;

import dev.cantor.engine.adversarial.DiscriminatorConfig;
import dev.cantor.engine.api.CancellationToken;
import dev.cantor.engine.api.CancelledException;
import dev.cantor.engine.codec.CodecConfig;
import dev.cantor.engine.codec.CodecModel;
import dev.cantor.engine.codec.FrameDecoderConfig;
import dev.cantor.engine.generation.MusicModel;
import dev.cantor.engine.training.AdversarialConfig;
import dev.cantor.engine.training.AudioFolder;
import dev.cantor.engine.training.CodecTrainer;
import dev.cantor.engine.training.CodecTrainingConfig;
import dev.cantor.engine.training.TrainingCheckpoint;
import dev.cantor.engine.training.TrainingLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cantor train-codec}: trains (or resumes training) a neural audio codec. */
@Command(name = "train-codec", mixinStandardHelpOptions = true,
        description = "Train the neural audio codec (tokenizer) on a folder of clips.")
final class TrainCodecCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, description = "Folder of training clips (a synth corpus or WAVs).")
    Path data;

    @Option(names = "--out", required = true, description = "Model folder to write (config, weights, checkpoints).")
    Path out;

    @Option(names = "--config", defaultValue = "small", description = "Codec size: tiny, small or base, or tiny-fvq / small-fvq with factorized 8-d codes (default: ${DEFAULT-VALUE}).")
    String configName;

    @Option(names = "--code-dim", description = "Quantizer of a new run, overriding the preset's: 0 = EMA codebooks in the full latent, n > 0 = factorized codes of n dimensions (e.g. 8).")
    Integer codeDim;

    @Option(names = "--mmd-weight", defaultValue = "0", description = "Weight of the independence-promoting MMD loss; 0 disables (default: ${DEFAULT-VALUE}).")
    double mmdWeight;

    @Option(names = "--si-snr-weight", defaultValue = "0", description = "Weight of the negative SI-SNR (dB) of the reconstruction; 0 disables (default: ${DEFAULT-VALUE}).")
    double siSnrWeight;

    @Option(names = "--lr-decay-from", paramLabel = "STEP",
            description = "Decay the learning rate from this step to 10 %% at --steps (cosine); default: constant. With --resume it replaces the run's schedule.")
    Long lrDecayFrom;

    @Option(names = "--batch", defaultValue = "8", description = "Crops per step (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--crop-seconds", defaultValue = "1.0", description = "Seconds per crop (default: ${DEFAULT-VALUE}).")
    double cropSeconds;

    @Option(names = "--quantizer-dropout", paramLabel = "P", defaultValue = "" + CodecTrainingConfig.DEFAULT_QUANTIZER_DROPOUT,
            description = "Share of steps that decode from a random number of codebooks 1..K instead of all K (default: ${DEFAULT-VALUE}). Cantor always decodes all K, so a --decoder-only run may set 0.")
    double quantizerDropout;

    @Option(names = "--lr", defaultValue = "7e-4", description = "Learning rate (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--checkpoint-every", defaultValue = "100", description = "Steps between checkpoints (default: ${DEFAULT-VALUE}).")
    int checkpointEvery;

    @Option(names = "--from", paramLabel = "DIR", description = "Start from this codec's weights (a codec folder, or a model folder with codec/) instead of a new codec; its size and quantizer are kept.")
    Path from;

    @Option(names = "--frame-decoder", paramLabel = "SIZE",
            description = "Use the frame-rate decoder (ConvNeXt at the token rate, inverse-STFT head) of this size: tiny, standard, wide or deep. With --from it replaces that codec's decoder with a fresh one and keeps its encoder and quantizer (so its tokens).")
    String frameDecoder;

    @Option(names = "--wave-weight", defaultValue = "10", description = "Weight of the L1 waveform loss (default: ${DEFAULT-VALUE}).")
    double waveWeight;

    @Option(names = "--mel-weight", defaultValue = "1", description = "Weight of the multi-scale log-mel L1 loss (default: ${DEFAULT-VALUE}).")
    double melWeight;

    @Option(names = "--spectrum-weight", defaultValue = "0", description = "Weight of the long-term average spectrum loss (each mel band's power over the crop, log L1), which keeps the tonal balance; 0 disables (default: ${DEFAULT-VALUE}).")
    double spectrumWeight;

    @Option(names = "--adversarial", description = "Train adversarially: a multi-scale STFT discriminator (hinge loss) and feature matching on top of the reconstruction losses.")
    boolean adversarial;

    @Option(names = "--adversarial-weight", defaultValue = "2", description = "With --adversarial: weight of the generator's hinge loss (default: ${DEFAULT-VALUE}).")
    double adversarialWeight;

    @Option(names = "--feature-weight", defaultValue = "4", description = "With --adversarial: weight of the feature-matching loss (default: ${DEFAULT-VALUE}).")
    double featureWeight;

    @Option(names = "--adversarial-from", paramLabel = "STEP", defaultValue = "0", description = "With --adversarial: train on reconstruction alone until this step (default: ${DEFAULT-VALUE}).")
    long adversarialFrom;

    @Option(names = "--discriminator-channels", defaultValue = "16", description = "With --adversarial: width of the discriminator's convolutions (default: ${DEFAULT-VALUE}).")
    int discriminatorChannels;

    @Option(names = "--judge-seconds", defaultValue = "0.5", description = "With --adversarial: the discriminator judges a window of this many seconds from each crop; 0 = all of it (default: ${DEFAULT-VALUE}).")
    double judgeSeconds;

    @Option(names = "--heldout", paramLabel = "DIR", description = "Measure the codec on these held-out clips at every checkpoint (log-mel distance, octave-band level errors, SI-SNR): printed and appended to MODELDIR/validation.jsonl.")
    Path heldout;

    @Option(names = "--heldout-clips", defaultValue = "8", description = "With --heldout: how many of its clips (default: ${DEFAULT-VALUE}).")
    int heldoutClips;

    @Option(names = "--decoder-only", description = "Train the decoder alone (needs --from): the encoder and quantizer stay frozen, so every clip keeps its tokens and a language model trained on them stays valid.")
    boolean decoderOnly;

    @Mixin
    TrainingRunOptions run;

    @Spec
    CommandSpec spec;

    /**
     * Options that set a run's recipe or its codec's shape. A resumed run continues the recipe
     * saved in its checkpoint (only --lr-decay-from can change it), so these are refused with
     * --resume rather than ignored.
     */
    private static final List<String> RECIPE_OPTIONS = List.of("--config", "--code-dim", "--mmd-weight",
            "--si-snr-weight", "--batch", "--crop-seconds", "--quantizer-dropout", "--lr", "--checkpoint-every",
            "--from", "--frame-decoder", "--wave-weight", "--mel-weight", "--spectrum-weight", "--adversarial",
            "--adversarial-weight", "--feature-weight", "--adversarial-from", "--discriminator-channels",
            "--judge-seconds", "--decoder-only");

    @Mixin
    DeviceOption device = new DeviceOption();

    @Override
    public Integer call() throws Exception {
        device.apply();
        run.checkSteps();
        if (!Files.isDirectory(data)) {
            throw new UserInputException("training data folder not found: " + data);
        }
        run.checkTarget(out, out, CodecModel.WEIGHTS_FILE, "training checkpoint", "a model");
        if (heldoutClips < 1) {
            throw new UserInputException("--heldout-clips must be at least 1");
        }
        if (heldout != null && !Files.isDirectory(heldout)) {
            throw new UserInputException("held-out folder not found: " + heldout);
        }
        if (run.resume) {
            for (String option : RECIPE_OPTIONS) {
                if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                    throw new UserInputException(option + " cannot change a run being resumed: --resume continues"
                            + " the recipe saved with it (only --lr-decay-from may be added)");
                }
            }
        }
        TrainingReporter report = new TrainingReporter(25, 0.05);
        ConsoleProgress progress = report.progress();
        CodecTrainer trainer;
        if (run.resume) {
            UnaryOperator<CodecTrainingConfig> schedule = UnaryOperator.identity();
            if (lrDecayFrom != null) {
                if (lrDecayFrom >= run.steps) {
                    throw new UserInputException("--lr-decay-from (" + lrDecayFrom + ") must be below --steps ("
                            + run.steps + ")");
                }
                schedule = c -> c.withLrDecay(lrDecayFrom, run.steps);
            }
            int rate = CodecModel.readConfig(TrainingCheckpoint.latest(out)).sampleRate();
            List<float[]> clips = AudioFolder.load(data, rate, progress);
            trainer = CodecTrainer.resume(out, clips, schedule);
            TrainingLog.rewind(out.resolve(CodecValidation.FILE), trainer.step());
            System.err.printf("resuming at step %d of %d%n", trainer.step(), run.steps);
        } else {
            if (decoderOnly && from == null) {
                throw new UserInputException("--decoder-only trains an existing codec's decoder: give it with --from DIR");
            }
            if (from != null && codeDim != null) {
                throw new UserInputException("--code-dim sets a new codec's quantizer; --from keeps the one it has");
            }
            CodecConfig codecConfig;
            CodecTrainingConfig recipe;
            FrameDecoderConfig newDecoder = null;
            try {
                codecConfig = from != null ? CodecModel.readConfig(codecFolder(from)) : CodecConfig.preset(configName);
                if (codeDim != null) {
                    codecConfig = codecConfig.withCodeDim(codeDim);
                }
                if (frameDecoder != null) {
                    newDecoder = FrameDecoderConfig.preset(frameDecoder);
                    codecConfig = codecConfig.withFrameDecoder(newDecoder);
                }
                recipe = CodecTrainingConfig.defaults().withBatch(batch, cropSeconds).withLearningRate(learningRate)
                        .withMmdWeight(mmdWeight).withSiSnrWeight(siSnrWeight).withSeed(run.seed.value())
                        .withLrDecay(lrDecayFrom == null ? 0 : lrDecayFrom, lrDecayFrom == null ? 0 : run.steps)
                        .withCheckpointEvery(checkpointEvery).withDecoderOnly(decoderOnly)
                        .withQuantizerDropout(quantizerDropout).withReconstructionWeights(waveWeight, melWeight)
                        .withSpectrumWeight(spectrumWeight);
                if (adversarial) {
                    AdversarialConfig standard = AdversarialConfig.standard();
                    recipe = recipe.withAdversarial(new AdversarialConfig(adversarialWeight, featureWeight,
                            standard.learningRate(), adversarialFrom, new DiscriminatorConfig(discriminatorChannels,
                                    standard.discriminator().fftSizes()), judgeSeconds));
                }
            } catch (IllegalArgumentException e) {
                throw new UserInputException(e.getMessage());
            }
            List<float[]> clips = AudioFolder.load(data, codecConfig.sampleRate(), progress);
            CodecModel start;
            if (from == null) {
                start = CodecModel.create(codecConfig, run.seed.value());
            } else if (newDecoder != null) {
                start = CodecModel.withNewDecoder(codecFolder(from), newDecoder, run.seed.value());
            } else {
                start = CodecModels.open(codecFolder(from));
            }
            trainer = new CodecTrainer(start, recipe, clips);
        }
        report.note(String.format("codec %s, %,d parameters, %s", trainer.model().config(),
                trainer.model().parameters().parameterCount(), trainer.config()));
        if (trainer.discriminatorParameterCount() > 0) {
            report.note(String.format("discriminator: %,d parameters", trainer.discriminatorParameterCount()));
        }
        int every = trainer.config().checkpointEvery();
        CancellationToken cancel = new CancellationToken();
        long startStep = trainer.step();
        CodecTrainer.StepLog[] last = new CodecTrainer.StepLog[1];
        try (CodecModel model = trainer.model(); ShutdownGuard guard = new ShutdownGuard(cancel)) {
            CodecValidation validation = heldout == null ? null
                    : CodecValidation.load(heldout, model.config().sampleRate(), heldoutClips, out);
            trainer.train(out, run.steps, progress, cancel, log -> {
                last[0] = log;
                if (validation != null && (log.step() % every == 0 || log.step() == run.steps)) {
                    try {
                        validation.measure(trainer.model(), log.step(), trainer.wallSeconds());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                double snr = report.average(log.batchSiSnrDb());
                report.step(log.step(), () -> String.format(
                        "step %d  loss %.4f  wave %.4f  mel %.4f  commit %.4f  mmd %.5f  si-snr(avg) %.2f dB%s",
                        log.step(), log.loss(), log.wave(), log.mel(), log.commitment(), log.mmd(), snr,
                        log.discriminator() == 0 ? "" : String.format("  adv %.3f  feat %.3f  disc %.3f",
                                log.adversarial(), log.featureMatching(), log.discriminator())));
            });
            Map<String, Object> result = TrainingReporter.result(out, startStep, trainer.step(),
                    trainer.wallSeconds());
            if (last[0] != null) {
                result.put("loss", last[0].loss());
                result.put("mel", last[0].mel());
                result.put("batch_si_snr_db_avg", report.average());
            }
            run.print(report, result, out, trainer.step(), trainer.wallSeconds());
            return 0;
        } catch (CancelledException e) {
            TrainingRunOptions.reportStopped(report, trainer.step(), out);
            throw e;
        }
    }

    /** A codec folder as given, or the codec/ folder of a model. */
    private static Path codecFolder(Path dir) {
        Path inside = dir.resolve(MusicModel.CODEC_DIR);
        return Files.isDirectory(inside) ? inside : dir;
    }
}
