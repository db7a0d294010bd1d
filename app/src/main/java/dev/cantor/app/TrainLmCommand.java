package dev.cantor.app;

import dev.cantor.engine.api.CancellationToken;
import dev.cantor.engine.api.CancelledException;
import dev.cantor.engine.codec.CodecConfig;
import dev.cantor.engine.codec.CodecModel;
import dev.cantor.engine.data.TokenCache;
import dev.cantor.engine.generation.MusicModel;
import dev.cantor.engine.lm.LmConfig;
import dev.cantor.engine.lm.TransformerLm;
import dev.cantor.engine.nn.ModelFolder;
import dev.cantor.engine.training.LmTrainer;
import dev.cantor.engine.training.LmTrainingConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cantor train-lm}: trains (or resumes) the language model on a token cache. The result
 * is a complete model folder: {@code lm/} plus a copy of the codec that made the tokens.
 */
@Command(name = "train-lm", mixinStandardHelpOptions = true,
        description = "Train the token language model on a token cache (from 'cantor tokenize').")
final class TrainLmCommand implements Callable<Integer> {

    @Option(names = "--tokens", required = true, description = "Token cache folder.")
    Path tokens;

    @Option(names = "--out", required = true, description = "Model folder to write (codec/ and lm/).")
    Path out;

    @Option(names = "--config", defaultValue = "small", description = "LM size: tiny, small, medium or base (default: ${DEFAULT-VALUE}).")
    String configName;

    @Option(names = "--cfg-dropout", defaultValue = "0.15", description = "Share of rows trained with no condition (default: ${DEFAULT-VALUE}).")
    double cfgDropout;

    @Option(names = "--cfg-whole-batch",
            description = "Drop the conditions of whole steps (--cfg-dropout of them) instead of rows in every step, so that small batches give the representation regularizer rows to compare.")
    boolean cfgWholeBatch;

    @Option(names = "--rr-weight", defaultValue = "" + LmTrainingConfig.DEFAULT_RR_WEIGHT, description = "Weight of the representation regularizer; 0 disables (default: ${DEFAULT-VALUE}).")
    double rrWeight;

    @Option(names = "--from", paramLabel = "MODELDIR",
            description = "Start from this model's LM weights instead of a fresh initialisation (its shape replaces --config; parameters it lacks, for --frame-condition or --music-attributes, start at zero). Its codec should be the one that made the tokens.")
    Path from;

    @Option(names = "--frame-condition", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Also add the conditions to every frame: a projection of the prefix and a beat clock at the prompt's tempo (default: ${DEFAULT-VALUE}; --no-frame-condition keeps them in the prefix only).")
    boolean frameCondition;

    @Option(names = "--music-attributes", negatable = true,
            description = "Condition on the style, mood and instruments the caption names, each a condition of its own (default: yes for a new model; with --from, as the base has it — --music-attributes adds them to a base trained without, keeping what it learned).")
    Boolean musicAttributes;

    @Option(names = "--window", paramLabel = "FRAMES",
            description = "Frames in a training window, and how far back a step attends (default: the --config preset's, or the base's; 750 frames is 15 s at 50 frames per second). Clips shorter than this shorten it. With --from, needs rotary positions.")
    Integer window;

    @Option(names = "--positions", paramLabel = "learned|rotary",
            description = "Position scheme: rotary (default for a new model) lets generation run past the window with a full window of context at every frame; learned is the table of the models up to v0.4. With --from, the base's unless 'rotary' turns its table into rotary positions.")
    String positions;

    @Option(names = "--batch", defaultValue = "16", description = "Windows per step (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--lr", defaultValue = "5e-4", description = "Peak learning rate (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--short-windows", paramLabel = "SHARE:FRAMES",
            description = "Train a share of the steps on short windows, as many tokens as a full step (e.g. 0.5:150): each window start is where the model must make music from its conditions alone, and long windows have few of them (default: none).")
    String shortWindows;

    @Option(names = "--key-contrast", paramLabel = "WEIGHT:MARGIN:FRAMES",
            description = "Also train a quarter of each step's rows that have a key (and no melody) to find their first FRAMES frames less likely under a wrong key, until the gap reaches MARGIN nats per token (e.g. 0.5:0.15:100): a model that learns the key from its own audio ignores the label, and generation starts with no audio (default: off).")
    String keyContrast;

    @Option(names = "--tempo-contrast", paramLabel = "WEIGHT:MARGIN:FRAMES",
            description = "The same for the tempo: a quarter of the rows that have a tempo (and no melody) learn to find their first FRAMES frames less likely at 3/2 or 2/3 of it, the misses our evaluations show (e.g. 1:0.2:100) (default: off).")
    String tempoContrast;

    @Option(names = "--style-contrast", paramLabel = "WEIGHT:MARGIN:FRAMES",
            description = "The same for the style the prompt names: a quarter of the rows that name one learn to find their first FRAMES frames less likely under another of the corpus's styles (e.g. 1:0.2:100) (default: off).")
    String styleContrast;

    @Option(names = "--instrument-contrast", paramLabel = "WEIGHT:MARGIN:FRAMES",
            description = "The same for the instruments the prompt names, against another set of instruments the corpus has (e.g. 1:0.2:100) (default: off).")
    String instrumentContrast;

    @Option(names = "--checkpoint-every", defaultValue = "250", description = "Steps between checkpoints and validation (default: ${DEFAULT-VALUE}).")
    int checkpointEvery;

    @Mixin
    TrainingRunOptions run;

    /**
     * The shape with or without music attributes: a new model has them unless told not to; a
     * base keeps its own unless {@code --music-attributes} adds them (they cannot be taken away).
     */
    private LmConfig withMusicAttributes(LmConfig config, boolean fromBase) {
        if (!fromBase) {
            return Boolean.FALSE.equals(musicAttributes) ? config : config.withMusicAttributes();
        }
        if (Boolean.FALSE.equals(musicAttributes) && config.musicAttributes()) {
            throw new UserInputException("the base model conditions on style, mood and instruments;"
                    + " --no-music-attributes cannot take them away (train a new model instead)");
        }
        return Boolean.TRUE.equals(musicAttributes) ? config.withMusicAttributes() : config;
    }

    /**
     * --window and --positions. A base keeps its shape, except that learned positions can be
     * turned into rotary ones, and a rotary model's window can change (it has no position table).
     */
    private LmConfig withShapeOptions(LmConfig config, boolean fromBase) {
        String scheme = positions == null ? (fromBase && !config.rotaryPositions() ? "learned" : "rotary") : positions;
        if (fromBase && config.rotaryPositions() && scheme.equals("learned")) {
            throw new UserInputException("the base model has rotary positions; they cannot be turned back into a table");
        }
        if (fromBase && window != null && scheme.equals("learned")) {
            throw new UserInputException("--window needs rotary positions with --from (a learned table has the"
                    + " base's length); add --positions rotary");
        }
        config = switch (scheme) {
            case "rotary" -> config.withRotaryPositions();
            case "learned" -> config;
            default -> throw new UserInputException("--positions must be learned or rotary, got '" + positions + "'");
        };
        return window == null ? config : config.withMaxFrames(window);
    }

    /** "SHARE:FRAMES" → the short-window setting; null → none. */
    static LmTrainingConfig.ShortWindows parseShortWindows(String value) {
        return value == null ? LmTrainingConfig.ShortWindows.NONE
                : colonSeparated("--short-windows", "SHARE:FRAMES, e.g. 0.5:150", value, 2,
                        p -> new LmTrainingConfig.ShortWindows(Double.parseDouble(p[0]), Integer.parseInt(p[1])));
    }

    /** "WEIGHT:MARGIN:FRAMES" of {@code option} → a contrast term; null → none. */
    static LmTrainingConfig.Contrast parseContrast(String option, String value) {
        return value == null ? LmTrainingConfig.Contrast.NONE
                : colonSeparated(option, "WEIGHT:MARGIN:FRAMES, e.g. 0.5:0.15:100", value, 3,
                        p -> new LmTrainingConfig.Contrast(Double.parseDouble(p[0]), Double.parseDouble(p[1]),
                                Integer.parseInt(p[2])));
    }

    private static void printContrast(String label, LmTrainingConfig.Contrast contrast) {
        if (contrast.enabled()) {
            System.err.printf(Locale.ROOT, "%s contrast: weight %s, margin %s nats, over the first %d frames%n",
                    label, contrast.weight(), contrast.margin(), contrast.frames());
        }
    }

    /** A contrast's gap for the step line; nothing in a step without it. */
    private static String gap(String label, Double gap) {
        return gap == null ? "" : String.format(Locale.ROOT, "  %s gap %.4f", label, gap);
    }

    /**
     * An option of {@code count} colon-separated numbers, made into a setting by {@code make};
     * a malformed value or one the setting refuses is a one-line error naming the option.
     */
    private static <T> T colonSeparated(String option, String form, String value, int count,
                                        java.util.function.Function<String[], T> make) {
        String[] parts = value.split(":", -1);
        if (parts.length == count) {
            for (int i = 0; i < count; i++) {
                parts[i] = parts[i].trim();
            }
            try {
                return make.apply(parts);
            } catch (NumberFormatException e) {
                // falls through to the one-line error below
            } catch (IllegalArgumentException e) {
                throw new UserInputException(option + ": " + e.getMessage());
            }
        }
        throw new UserInputException(option + " takes " + form + ", got '" + value + "'");
    }

    private static LmConfig readBaseConfig(Path baseLm) {
        try {
            return TransformerLm.readConfig(baseLm);
        } catch (IOException e) {
            throw new UserInputException("cannot start from " + baseLm + ": " + e.getMessage());
        }
    }

    @Mixin
    DeviceOption device = new DeviceOption();

    @Override
    public Integer call() throws Exception {
        device.apply();
        run.checkSteps();
        Path lmDir = out.resolve(MusicModel.LM_DIR);
        run.checkTarget(out, lmDir, TransformerLm.WEIGHTS_FILE, "LM training checkpoint", "a language model");
        TokenCache.Contents cache;
        try {
            cache = TokenCache.read(tokens);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UserInputException(tokens + " is not a token cache (make one with 'cantor tokenize')");
        }
        LmTrainer trainer;
        if (run.resume) {
            String recipeOption = shortWindows != null ? "--short-windows" : keyContrast != null ? "--key-contrast"
                    : tempoContrast != null ? "--tempo-contrast" : styleContrast != null ? "--style-contrast"
                    : instrumentContrast != null ? "--instrument-contrast" : null;
            if (recipeOption != null) {
                throw new UserInputException(recipeOption + " is part of the recipe a run started with; --resume continues it unchanged (start a new"
                        + " run with --from to change it)");
            }
            trainer = LmTrainer.resume(lmDir, cache.clips());
            System.err.printf("resuming at step %d of %d%n", trainer.step(), run.steps);
            LmTrainingConfig recipe = trainer.config();
            if (recipe.rrWeight() > 0 && !recipe.regularizerCanRun(trainer.windowFrames())) {
                System.err.printf("note: this run's representation regularizer never runs (%d row(s) without text"
                        + " per step; it compares two)%n", recipe.unconditionedRows());
            }
        } else {
            LmConfig config;
            LmTrainingConfig recipe;
            Path baseLm = from == null ? null : from.resolve(MusicModel.LM_DIR);
            try {
                config = baseLm == null
                        ? LmConfig.preset(configName, cache.meta().numCodebooks(), cache.meta().codebookSize())
                        : readBaseConfig(baseLm);
                if (frameCondition) {
                    config = config.withFrameCondition(cache.meta().frameRate());
                }
                config = withMusicAttributes(config, baseLm != null);
                config = withShapeOptions(config, baseLm != null);
                recipe = LmTrainingConfig.defaults(run.steps).withBatchSize(batch).withLearningRate(learningRate)
                        .withCfgDropout(cfgDropout).withRrWeight(rrWeight).withSeed(run.seed.value())
                        .withCheckpointEvery(checkpointEvery).withCfgWholeBatch(cfgWholeBatch)
                        .withShortWindows(parseShortWindows(shortWindows))
                        .withKeyContrast(parseContrast("--key-contrast", keyContrast))
                        .withTempoContrast(parseContrast("--tempo-contrast", tempoContrast))
                        .withStyleContrast(parseContrast("--style-contrast", styleContrast))
                        .withInstrumentContrast(parseContrast("--instrument-contrast", instrumentContrast));
                if (recipe.rrWeight() > 0 && !recipe.regularizerCanRun(config.maxFrames())) {
                    throw new UserInputException(String.format(Locale.ROOT, "the representation regularizer would"
                            + " never run: --batch %d with --cfg-dropout %s leaves %d row(s) without text per step and"
                            + " it compares two; add --cfg-whole-batch or --short-windows, raise --batch, or set"
                            + " --rr-weight 0",
                            batch, cfgDropout, recipe.unconditionedRows()));
                }
            } catch (IllegalArgumentException e) {
                throw new UserInputException(e.getMessage());
            }
            TransformerLm model;
            if (baseLm == null) {
                model = TransformerLm.create(config, run.seed.value());
            } else {
                List<String> added = new ArrayList<>();
                try {
                    model = TransformerLm.startFrom(baseLm, config, run.seed.value(), added);
                } catch (IOException e) {
                    throw new UserInputException(e.getMessage());
                }
                System.err.printf("starting from %s%s%n", baseLm, added.isEmpty() ? "" : "; new: " + added);
            }
            try {
                trainer = new LmTrainer(model, recipe, cache.clips());
            } catch (IllegalArgumentException e) {
                model.close();
                throw new UserInputException(e.getMessage());
            }
        }
        // Only once the run is known to start: a refused one leaves nothing behind.
        copyCodec(Path.of(cache.meta().codec()), out.resolve(MusicModel.CODEC_DIR));
        System.err.printf("LM %s, %,d parameters; %d training clips, %d held out; windows of %d frames%n",
                trainer.model().config(), trainer.model().parameters().parameterCount(), trainer.trainClips(),
                trainer.validationClips(), trainer.windowFrames());
        LmTrainingConfig.ShortWindows shortSteps = trainer.config().shortWindows();
        if (shortSteps.shortens(trainer.windowFrames())) {
            System.err.printf(Locale.ROOT, "%.0f%% of steps on windows of %d frames, %d rows each%n",
                    100 * shortSteps.share(), shortSteps.frames(),
                    shortSteps.rows(trainer.config().batchSize(), trainer.windowFrames()));
        }
        printContrast("key", trainer.config().keyContrast());
        printContrast("tempo", trainer.config().tempoContrast());
        printContrast("style", trainer.config().styleContrast());
        printContrast("instrument", trainer.config().instrumentContrast());
        TrainingReporter report = new TrainingReporter(25, 0.05);
        CancellationToken cancel = new CancellationToken();
        long startStep = trainer.step();
        LmTrainer.ValidationLog[] lastValidation = new LmTrainer.ValidationLog[1];
        try (TransformerLm model = trainer.model(); ShutdownGuard guard = new ShutdownGuard(cancel)) {
            trainer.train(lmDir, run.steps, report.progress(), cancel, log -> {
                double average = report.average(log.loss());
                report.step(log.step(), () -> String.format(Locale.ROOT,
                        "step %d  loss %.4f (avg %.4f)  per codebook %s  rr %.4f%s  lr %.2e", log.step(), log.loss(),
                        average, format(log.perCodebook()), log.rr(),
                        gap("key", log.keyGap()) + gap("tempo", log.tempoGap()) + gap("style", log.styleGap())
                                + gap("instrument", log.instrumentGap()),
                        log.learningRate()));
            }, v -> {
                lastValidation[0] = v;
                report.note(String.format(Locale.ROOT, "validation at step %d: cross-entropy %.4f  per codebook %s  "
                        + "(%d windows)", v.step(), v.mean(), format(v.perCodebook()), v.windows()));
            });
            Map<String, Object> result = TrainingReporter.result(out, startStep, trainer.step(),
                    trainer.wallSeconds());
            result.put("train_loss_avg", report.average());
            if (lastValidation[0] != null) {
                result.put("val_loss", lastValidation[0].mean());
                result.put("val_loss_per_codebook", lastValidation[0].perCodebook());
            }
            run.print(report, result, out, trainer.step(), trainer.wallSeconds());
            return 0;
        } catch (CancelledException e) {
            TrainingRunOptions.reportStopped(report, trainer.step(), out);
            throw e;
        }
    }

    /** Puts the tokens' codec beside the LM so the folder is a complete model; refuses a different one. */
    private static void copyCodec(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            throw new UserInputException("the codec that made these tokens is gone: " + from);
        }
        CodecConfig source = CodecModel.readConfig(from);
        if (Files.isRegularFile(to.resolve(CodecModel.WEIGHTS_FILE))) {
            if (!CodecModel.readConfig(to).equals(source)
                    || Files.mismatch(from.resolve(CodecModel.WEIGHTS_FILE), to.resolve(CodecModel.WEIGHTS_FILE)) != -1) {
                throw new UserInputException(to + " holds a different codec than the one that made the tokens ("
                        + from + ")");
            }
            return;
        }
        ModelFolder.copy(from, to);
    }

    private static String format(double[] values) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            b.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.3f", values[i]));
        }
        return b.append(']').toString();
    }
}
