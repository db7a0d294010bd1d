package dev.cantor.app;

import dev.cantor.engine.api.CancellationToken;
import dev.cantor.engine.api.CancelledException;
import dev.cantor.engine.data.ManifestEntry;
import dev.cantor.engine.data.ManifestException;
import dev.cantor.engine.io.AtomicFiles;
import dev.cantor.engine.judge.AudioJudge;
import dev.cantor.engine.judge.JudgeConfig;
import dev.cantor.engine.judge.JudgeData;
import dev.cantor.engine.judge.JudgeScore;
import dev.cantor.engine.judge.JudgeTrainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cantor train-judge}: trains the audio classifier that {@code cantor eval} uses to hear
 * style and instruments, on a labelled corpus from {@code cantor synth}.
 */
@Command(name = "train-judge", mixinStandardHelpOptions = true,
        description = "Train the evaluation judge (style and instrument classifier) on a labelled synth corpus.")
final class TrainJudgeCommand implements Callable<Integer> {

    /** Written beside the judge: what it was trained on and how well it does. */
    static final String REPORT_FILE = "report.json";

    @Option(names = "--data", required = true, description = "Training corpus (made by 'cantor synth').")
    Path data;

    @Option(names = "--out", required = true, description = "Folder to write the judge to.")
    Path out;

    @Option(names = "--steps", required = true, description = "Optimisation steps.")
    long steps;

    @Option(names = "--heldout", description = "Held-out corpus to report the judge's accuracy on.")
    Path heldout;

    @Option(names = "--config", defaultValue = "standard", description = "Judge size: tiny or standard (default: ${DEFAULT-VALUE}).")
    String configName;

    @Option(names = "--batch", defaultValue = "32", description = "Crops per step (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--lr", defaultValue = "1e-3", description = "Peak learning rate (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--min-instrument-clips", defaultValue = "5",
            description = "Instruments labelled on fewer training clips are not learned (default: ${DEFAULT-VALUE}).")
    int minInstrumentClips;

    @Mixin
    SeedOption seed = new SeedOption();

    @Option(names = "--checkpoint-every", defaultValue = "500", description = "Steps between saves (default: ${DEFAULT-VALUE}).")
    int checkpointEvery;

    @Mixin
    ForceOption force = new ForceOption();

    @Mixin
    JsonOption json = new JsonOption();

    @Override
    public Integer call() throws Exception {
        if (steps < 1) {
            throw new UserInputException("--steps must be at least 1");
        }
        if (Files.exists(out.resolve(AudioJudge.WEIGHTS_FILE)) && !force.given()) {
            throw new UserInputException(out + " already holds a judge; pass --force to replace it");
        }
        OutputFiles.checkFolderWritable(out);
        List<ManifestEntry> entries = readManifest(data);
        if (heldout != null) {
            readManifest(heldout);
        }
        List<String> vocabulary = JudgeData.instrumentVocabulary(entries, minInstrumentClips);
        if (vocabulary.isEmpty()) {
            throw new UserInputException("no instrument is labelled on " + minInstrumentClips + " or more clips of "
                    + data + "; lower --min-instrument-clips or use a bigger corpus");
        }
        JudgeConfig config;
        JudgeTrainer.Options options;
        try {
            config = JudgeConfig.preset(configName, vocabulary);
            options = new JudgeTrainer.Options(batch, learningRate,
                    JudgeTrainer.Options.defaults(config, seed.value()).cropFrames(), 0.2, seed.value());
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
        long t0 = System.nanoTime();
        TrainingReporter reporter = new TrainingReporter(100, 0.02);
        ConsoleProgress progress = reporter.progress();
        CancellationToken cancel = new CancellationToken();
        try (AudioJudge judge = AudioJudge.create(config, seed.value());
             ShutdownGuard guard = new ShutdownGuard(cancel)) {
            List<JudgeData.Example> train = JudgeData.load(data, judge, progress, cancel);
            List<JudgeData.Example> held = heldout == null ? List.of()
                    : JudgeData.load(heldout, judge, progress, cancel);
            JudgeTrainer trainer = new JudgeTrainer(judge, train, options);
            reporter.note(String.format("judge %,d parameters; %d training clips, %d styles, %d instruments",
                    judge.parameters().parameterCount(), train.size(), config.styles().size(),
                    config.instruments().size()));
            try {
                trainer.train(out, steps, checkpointEvery, progress, cancel, log -> {
                    double average = reporter.average(log.loss());
                    reporter.step(log.step(), () -> String.format(Locale.ROOT,
                            "step %d  loss %.4f (avg %.4f)  style %.4f  instruments %.4f  lr %.2e", log.step(),
                            log.loss(), average, log.styleLoss(), log.instrumentLoss(), log.learningRate()));
                });
            } catch (CancelledException e) {
                reporter.stopped(trainer.step(), "the judge so far is saved in " + out);
                throw e;
            }
            progress.finishLine();
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("judge", out.toString());
            report.put("data", data.toString());
            report.put("steps", trainer.step());
            report.put("parameters", judge.parameters().parameterCount());
            report.put("train_clips", train.size());
            report.put("instruments", config.instruments().size());
            report.put("wall_seconds", Math.round((System.nanoTime() - t0) / 1e8) / 10.0);
            report.put("train_loss_avg", reporter.average());
            JudgeScore onTrain = JudgeData.score(judge, train);
            report.put("train_style_accuracy", onTrain.styleAccuracy());
            report.put("train_instrument_f1", onTrain.instrumentF1());
            if (heldout != null) {
                JudgeScore onHeld = JudgeData.score(judge, held);
                report.put("heldout", heldout.toString());
                report.put("heldout_clips", held.size());
                report.put("heldout_style_accuracy", onHeld.styleAccuracy());
                report.put("heldout_instrument_f1", onHeld.instrumentF1());
            }
            AtomicFiles.writeString(out.resolve(REPORT_FILE), JsonOutput.toJson(report));
            reporter.finished(json, report, String.format(Locale.ROOT, "trained %s for %d steps; training style "
                    + "accuracy %.3f%s", out, trainer.step(), onTrain.styleAccuracy(), heldout == null ? ""
                            : String.format(Locale.ROOT, "; held-out style accuracy %.3f, instrument F1 %.3f",
                                    report.get("heldout_style_accuracy"), report.get("heldout_instrument_f1"))));
        }
        return 0;
    }

    private static List<ManifestEntry> readManifest(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UserInputException("corpus folder not found: " + dir);
        }
        try {
            return JudgeData.entries(dir);
        } catch (ManifestException e) {
            throw new UserInputException(e.getMessage());
        } catch (java.io.IOException e) {
            throw new UserInputException("cannot read the corpus " + dir + ": " + e.getMessage());
        }
    }
}
