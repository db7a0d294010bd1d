package dev.cantor.engine.finetune;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cantor.engine.api.CancellationToken;
import dev.cantor.engine.api.CancelledException;
import dev.cantor.engine.api.ProgressListener;
import dev.cantor.engine.api.finetune.FineTuneListener;
import dev.cantor.engine.api.finetune.FineTuneRequest;
import dev.cantor.engine.api.finetune.TrainingLibrary;
import dev.cantor.engine.codec.CodecModel;
import dev.cantor.engine.conditioning.TextEncoder;
import dev.cantor.engine.data.TokenCache;
import dev.cantor.engine.data.TokenClip;
import dev.cantor.engine.generation.MusicModel;
import dev.cantor.engine.io.AtomicFiles;
import dev.cantor.engine.io.JsonProblems;
import dev.cantor.engine.library.TrainingLibraries;
import dev.cantor.engine.lm.TransformerLm;
import dev.cantor.engine.nn.ModelFolder;
import dev.cantor.engine.runtime.NoGrad;
import dev.cantor.engine.training.LmTrainer;
import dev.cantor.engine.training.LmTrainingConfig;
import dev.cantor.engine.training.TrainingCheckpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Fine-tunes a model's language model on a musician's library, in a new model folder that is
 * complete (codec/, lm/, model card) when it ends and resumable until then: its settings and
 * progress are in {@code finetune/job.json}, the library as imported in {@code finetune/library.json},
 * the clips' tokens in {@code finetune/tokens-*}, and the LM's checkpoints in {@code lm/training}.
 * Cancelling (pause) saves a checkpoint first; {@link #run} then continues where it stopped.
 * The library's files are only read.
 */
public final class FineTuneJob {

    public static final String WORK_DIR = "finetune";
    public static final String STATE_FILE = "job.json";
    public static final String LIBRARY_FILE = "library.json";
    /** Steps between checkpoints (each with a validation pass): at most this much work is lost in a crash. */
    static final int CHECKPOINT_EVERY = 50;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private FineTuneJob() {
    }

    /** True when {@code out} holds a fine-tune (finished or not). */
    public static boolean exists(Path out) {
        return Files.isRegularFile(out.resolve(WORK_DIR).resolve(STATE_FILE));
    }

    /** The fine-tune's state as saved in {@code out}. */
    public static FineTuneState state(Path out) throws IOException {
        Path file = out.resolve(WORK_DIR).resolve(STATE_FILE);
        try {
            return JSON.readValue(file.toFile(), FineTuneState.class);
        } catch (JsonProcessingException e) {
            throw new IOException("damaged fine-tune state " + file + ": " + JsonProblems.describe(e), e);
        }
    }

    /**
     * Why a training budget cannot be used, or null when it can: exactly one of {@code steps}
     * (at least 1) and {@code minutes} (more than 0), the other 0. Callers check it before the
     * slow library scan, and {@link #create} again.
     */
    public static String budgetProblem(long steps, double minutes) {
        if (steps < 0 || !(minutes >= 0) || Double.isInfinite(minutes)) {
            return "the budget must be more than 0";
        }
        if ((steps > 0) == (minutes > 0)) {
            return "give a budget of more than 0 steps or minutes (one of them)";
        }
        return null;
    }

    /**
     * Sets up a new fine-tune in {@code r.out()} (nothing is trained yet).
     *
     * @throws IllegalArgumentException when the library is too small, the budget is not one of
     *                                  steps or minutes, or {@code out} is not free
     */
    public static FineTuneState create(FineTuneRequest r) throws IOException {
        String small = r.library().tooSmall();
        if (small != null) {
            throw new IllegalArgumentException(small);
        }
        String budget = budgetProblem(r.steps(), r.minutes());
        if (budget != null) {
            throw new IllegalArgumentException(budget);
        }
        if (!MusicModel.looksLikeModel(r.baseModel())) {
            throw new IllegalArgumentException(r.baseModel() + " is not a model folder (it needs codec/ and lm/)");
        }
        if (Files.exists(r.out()) && (!Files.isDirectory(r.out()) || hasFiles(r.out()))) {
            throw new IllegalArgumentException(r.out() + " is not empty; choose a new folder for the model");
        }
        FineTuneState state = new FineTuneState(FineTuneState.FORMAT, FineTuneState.VERSION, r.library().root(),
                r.baseModel().toAbsolutePath().normalize().toString(), r.steps(), r.minutes(), 10, 1e-4, 8, r.seed(),
                r.library().training().size(), r.library().validation().size(), r.library().skipped().size(), 0, 0,
                null, null, 0, 0, false, r.tuneCodec() ? CodecTuning.budget(r.steps(), r.minutes()) : null);
        Path work = r.out().resolve(WORK_DIR);
        Files.createDirectories(work);
        TrainingLibraries.write(work.resolve(LIBRARY_FILE), r.library());
        writeState(r.out(), state);
        return state;
    }

    /**
     * Runs the fine-tune in {@code out} to its end, or continues one that was paused or killed.
     *
     * @throws CancelledException when cancelled (after saving a checkpoint: run again to resume)
     */
    public static FineTuneState run(Path out, ProgressListener progress, CancellationToken cancel,
                                    FineTuneListener listener) throws IOException {
        // any thread may run a fine-tune (the studio's training thread): autograd is off except
        // inside the training steps, which turn it on for themselves
        try (NoGrad off = NoGrad.begin()) {
            return runWithoutGrad(out, progress, cancel, listener);
        }
    }

    private static FineTuneState runWithoutGrad(Path out, ProgressListener progress, CancellationToken cancel,
                                                FineTuneListener listener) throws IOException {
        FineTuneState state = state(out);
        if (state.finished()) {
            return state;
        }
        TrainingLibrary library = TrainingLibraries.read(out.resolve(WORK_DIR).resolve(LIBRARY_FILE));
        Path base = Path.of(state.baseModel());
        Path codecDir = out.resolve(MusicModel.CODEC_DIR);
        if (state.tunesCodec()) {
            if (!state.codec().finished()) {
                state = CodecFineTune.run(out, state, library, progress, cancel, listener);
            }
        } else if (!Files.isRegularFile(codecDir.resolve(CodecModel.WEIGHTS_FILE))) {
            ModelFolder.copy(base.resolve(MusicModel.CODEC_DIR), codecDir);
        }
        List<TokenClip> train;
        List<TokenClip> validation;
        Path trainTokens = out.resolve(WORK_DIR).resolve("tokens-train");
        Path validationTokens = out.resolve(WORK_DIR).resolve("tokens-validation");
        if (!Files.isRegularFile(validationTokens.resolve(TokenCache.META_FILE))) {
            listener.onPhase("tokenizing");
            try (CodecModel codec = CodecModel.load(codecDir);
                 TextEncoder text = TextEncoder.open()) {
                LibraryTokenizer tokenizer = new LibraryTokenizer(codec, text);
                Path root = Path.of(library.root());
                train = tokenizer.tokenize(root, library.training(), state.clipSeconds(), progress, cancel);
                validation = tokenizer.tokenize(root, library.validation(), state.clipSeconds(), progress, cancel);
                String codecName = codecDir.toAbsolutePath().normalize().toString();
                writeTokens(trainTokens, codecName, codec, train);
                writeTokens(validationTokens, codecName, codec, validation);
            }
            state = state.withClips(train.size(), validation.size());
            writeState(out, state);
        } else {
            train = TokenCache.read(trainTokens).clips();
            validation = TokenCache.read(validationTokens).clips();
        }
        if (train.isEmpty() || validation.isEmpty()) {
            throw new IOException("the library gave no " + (train.isEmpty() ? "training" : "validation")
                    + " clips (are its files silent?)");
        }
        Path lmDir = out.resolve(MusicModel.LM_DIR);
        LmTrainer trainer = TrainingCheckpoint.latest(lmDir) != null     // also a checkpoint a crash left mid-swap
                ? LmTrainer.resume(lmDir, train, validation)
                : new LmTrainer(TransformerLm.load(base.resolve(MusicModel.LM_DIR)), recipe(state), train, validation);
        try (TransformerLm model = trainer.model()) {
            if (state.valLossBefore() == null) {
                listener.onPhase("measuring the base model");
                state = state.withBefore(trainer.validate().mean());
                writeState(out, state);
                trainer.save(lmDir);
            }
            listener.onPhase("training");
            state = train(out, state, trainer, progress, cancel, listener);
            listener.onPhase("measuring the result");
            double after = trainer.validate().mean();
            state = state.finishedWith(after);
            ModelCardWriter.write(out, state, library);
            writeState(out, state);
            removeWorkFiles(out);
            return state;
        }
    }

    private static FineTuneState train(Path out, FineTuneState state, LmTrainer trainer, ProgressListener progress,
                                       CancellationToken cancel, FineTuneListener listener) throws IOException {
        TrainingBudget budget = new TrainingBudget(state.steps(), state.lmBudgetSeconds(), trainer::wallSeconds,
                progress, cancel);
        Path lmDir = out.resolve(MusicModel.LM_DIR);
        try {
            if (!budget.spent()) {
                trainer.train(lmDir, budget.targetSteps(), budget.stepProgress(), budget.stop(), log -> {
                    listener.onStep(log.step(), log.loss());
                    budget.afterStep();
                }, v -> listener.onValidation(v.step(), v.mean()));
            }
        } catch (CancelledException e) {
            FineTuneState paused = state.withProgress(trainer.step(), trainer.wallSeconds() / 60);
            writeState(out, paused);
            if (budget.cancelledByUser()) {
                throw e;
            }
            return paused;                       // the time budget is spent: a finished run
        }
        FineTuneState done = state.withProgress(trainer.step(), trainer.wallSeconds() / 60);
        writeState(out, done);
        return done;
    }

    private static LmTrainingConfig recipe(FineTuneState s) {
        long steps = s.steps() > 0 ? s.steps() : TrainingBudget.openEnded();
        int warmup = (int) Math.min(50, Math.max(1, steps / 10));
        return LmTrainingConfig.defaults(steps).withBatchSize(s.batchSize()).withLearningRate(s.learningRate())
                .withWarmupSteps(warmup).withCheckpointEvery(CHECKPOINT_EVERY).withSeed(s.seed());
    }

    private static void writeTokens(Path dir, String codecName, CodecModel codec, List<TokenClip> clips)
            throws IOException {
        TokenCache.Meta meta = TokenCache.Meta.of(codecName, codec.config().numCodebooks(),
                codec.config().codebookSize(), codec.config().frameRate(), TextEncoder.MODEL_NAME, TextEncoder.DIM,
                clips);
        TokenCache.write(dir, meta, clips);
    }

    static void writeState(Path out, FineTuneState state) throws IOException {
        AtomicFiles.writeString(out.resolve(WORK_DIR).resolve(STATE_FILE), JSON.writeValueAsString(state));
    }

    /** A finished model keeps its job and library records, not the checkpoints and token caches. */
    private static void removeWorkFiles(Path out) throws IOException {
        for (Path dir : List.of(out.resolve(MusicModel.LM_DIR).resolve(TrainingCheckpoint.DIR),
                out.resolve(MusicModel.CODEC_DIR).resolve(TrainingCheckpoint.DIR),
                out.resolve(WORK_DIR).resolve("tokens-train"), out.resolve(WORK_DIR).resolve("tokens-validation"))) {
            if (Files.isDirectory(dir)) {
                try (var files = Files.walk(dir)) {
                    for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        }
    }

    private static boolean hasFiles(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.findAny().isPresent();
        }
    }
}
