package dev.cantor.engine.finetune;

import dev.cantor.engine.api.CancellationToken;
import dev.cantor.engine.api.CancelledException;
import dev.cantor.engine.api.ProgressListener;
import dev.cantor.engine.api.ProgressStage;
import dev.cantor.engine.api.finetune.CodecFigures;
import dev.cantor.engine.api.finetune.FineTuneListener;
import dev.cantor.engine.api.finetune.LibraryTrack;
import dev.cantor.engine.api.finetune.TrainingLibrary;
import dev.cantor.engine.audio.AudioFiles;
import dev.cantor.engine.codec.CodecModel;
import dev.cantor.engine.eval.CodecEvaluator;
import dev.cantor.engine.generation.MusicModel;
import dev.cantor.engine.library.LibraryScanner;
import dev.cantor.engine.training.CodecTrainer;
import dev.cantor.engine.training.CodecTrainingConfig;
import dev.cantor.engine.training.TrainingCheckpoint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The codec's part of a fine-tune: the base codec is trained further on the library's audio (for
 * timbres unlike Cantor's synthetic corpus) with the same trainer, losses (including the MMD
 * independence loss) and checkpoints as {@code cantor train-codec}, and measured on the held-out
 * files before and after. It runs before the language model's part, which then learns the tuned
 * codec's tokens. Checkpoints go to {@code codec/training}; a paused or killed run resumes there.
 */
final class CodecFineTune {

    /** Steps between codec checkpoints: at most this much work is lost in a crash. */
    static final int CHECKPOINT_EVERY = 50;
    /** Most audio the codec trains on (memory: 4 bytes a sample); a larger library is sampled evenly. */
    static final double MAX_TRAIN_SECONDS = 45 * 60;
    /** Most audio the before/after figures are measured on. */
    static final double MAX_VALIDATION_SECONDS = 200;

    private CodecFineTune() {
    }

    /** Trains (or goes on training) the codec of the fine-tune in {@code out}; returns the state with its figures. */
    static FineTuneState run(Path out, FineTuneState state, TrainingLibrary library, ProgressListener progress,
                             CancellationToken cancel, FineTuneListener listener) throws IOException {
        Path codecDir = out.resolve(MusicModel.CODEC_DIR);
        Path baseCodec = Path.of(state.baseModel()).resolve(MusicModel.CODEC_DIR);
        CodecTuning tuning = state.codec();
        listener.onPhase("reading the library for the codec");
        int rate = CodecModel.readConfig(baseCodec).sampleRate();
        Path root = Path.of(library.root());
        List<float[]> train = clips(root, library.training(), rate, state.clipSeconds(), MAX_TRAIN_SECONDS,
                progress, cancel);
        List<float[]> validation = clips(root, library.validation(), rate, state.clipSeconds(),
                MAX_VALIDATION_SECONDS, progress, cancel);
        if (train.isEmpty() || validation.isEmpty()) {
            throw new IOException("the library gave no " + (train.isEmpty() ? "training" : "validation")
                    + " clips (are its files silent?)");
        }
        if (tuning.before() == null) {
            listener.onPhase("measuring the codec");
            try (CodecModel base = CodecModel.load(baseCodec)) {
                tuning = tuning.withBefore(measure(base, validation, progress, cancel));
            }
            listener.onCodecFigures(false, tuning.before());
            state = state.withCodec(tuning);
            FineTuneJob.writeState(out, state);
        }
        CodecTrainer trainer = TrainingCheckpoint.latest(codecDir) != null
                ? CodecTrainer.resume(codecDir, train)
                : new CodecTrainer(CodecModel.load(baseCodec), recipe(state), train);
        try (CodecModel model = trainer.model()) {
            listener.onPhase("tuning the codec");
            TrainingBudget budget = new TrainingBudget(tuning.steps(), tuning.minutes() * 60, trainer::wallSeconds,
                    progress, cancel);
            try {
                if (!budget.spent()) {
                    trainer.train(codecDir, budget.targetSteps(), budget.stepProgress(), budget.stop(), log -> {
                        listener.onCodecStep(log.step(), log.loss(), log.batchSiSnrDb());
                        budget.afterStep();
                    });
                }
            } catch (CancelledException e) {
                state = state.withCodec(tuning.withProgress(trainer.step(), trainer.wallSeconds() / 60));
                FineTuneJob.writeState(out, state);
                if (budget.cancelledByUser()) {
                    throw e;
                }
            }
            tuning = tuning.withProgress(trainer.step(), trainer.wallSeconds() / 60);
            listener.onPhase("measuring the tuned codec");
            tuning = tuning.finishedWith(measure(model, validation, progress, cancel));
            listener.onCodecFigures(true, tuning.after());
            model.save(codecDir);                        // the tuned codec, float32 (its checkpoint goes at the end)
        }
        state = state.withCodec(tuning);
        FineTuneJob.writeState(out, state);
        return state;
    }

    private static CodecTrainingConfig recipe(FineTuneState s) {
        return CodecTrainingConfig.defaults().withMmdWeight(1.0).withSiSnrWeight(0.1)
                .withLearningRate(s.codec().learningRate()).withCheckpointEvery(CHECKPOINT_EVERY).withSeed(s.seed());
    }

    private static CodecFigures measure(CodecModel codec, List<float[]> clips, ProgressListener progress,
                                               CancellationToken cancel) {
        CodecEvaluator.Report r = CodecEvaluator.evaluate(codec, clips, progress, cancel);
        return new CodecFigures(r.clips(), r.siSnrDb(), r.melDistance(), r.stftDistance());
    }

    /**
     * The non-silent clips of {@code tracks}, at most {@code maxSeconds} of them: every k-th clip of
     * every track when the tracks are longer (the same choice every time, so a resumed run trains on
     * the same clips).
     */
    static List<float[]> clips(Path root, List<LibraryTrack> tracks, int rate, double clipSeconds, double maxSeconds,
                               ProgressListener progress, CancellationToken cancel) throws IOException {
        double total = tracks.stream().mapToDouble(LibraryTrack::seconds).sum();
        int every = Math.max(1, (int) Math.ceil(total / maxSeconds));
        List<float[]> out = new ArrayList<>();
        for (int i = 0; i < tracks.size(); i++) {
            cancel.throwIfCancelled();
            float[] mono = AudioFiles.readMono(root.resolve(tracks.get(i).path()), rate,
                    LibraryScanner.MAX_TRACK_SECONDS).samples();
            List<float[]> cut = LibraryTokenizer.cut(mono, rate, clipSeconds);
            for (int c = (i % every) % Math.max(1, cut.size()); c < cut.size(); c += every) {
                out.add(cut.get(c));
            }
            progress.onProgress(i + 1, tracks.size(), ProgressStage.READING);
        }
        return out;
    }
}
