package dev.cantor.engine.finetune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cantor.engine.api.CancellationToken;
import dev.cantor.engine.api.CancelledException;
import dev.cantor.engine.api.ProgressListener;
import dev.cantor.engine.api.finetune.CodecFigures;
import dev.cantor.engine.api.finetune.FineTuneListener;
import dev.cantor.engine.api.finetune.FineTuneRequest;
import dev.cantor.engine.api.finetune.TrainingLibrary;
import dev.cantor.engine.codec.CodecConfig;
import dev.cantor.engine.codec.CodecModel;
import dev.cantor.engine.generation.MusicModel;
import dev.cantor.engine.library.LibraryFixtures;
import dev.cantor.engine.library.LibraryScanner;
import dev.cantor.engine.lm.LmConfig;
import dev.cantor.engine.lm.TransformerLm;
import dev.cantor.engine.nn.ModelFolder;
import dev.cantor.engine.nn.TensorFile;
import dev.cantor.engine.training.CodecTrainer;
import dev.cantor.engine.training.CodecTrainingConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FineTuneJobTest {

    @TempDir
    static Path dir;
    static Path base;
    static Path trainedBase;
    static Path library;
    static TrainingLibrary scanned;

    @BeforeAll
    static void tinyModelAndLibrary() throws Exception {
        base = dir.resolve("base");
        CodecConfig codecConfig = CodecConfig.tiny();
        try (CodecModel codec = CodecModel.create(codecConfig, 1)) {
            codec.save(base.resolve(MusicModel.CODEC_DIR));
        }
        try (TransformerLm lm = TransformerLm.create(LmConfig.tiny(codecConfig.numCodebooks(),
                codecConfig.codebookSize()), 1)) {
            lm.save(base.resolve(MusicModel.LM_DIR));
        }
        // a base whose codec has begun to learn other music (low, percussive) than the library's: the
        // codec fine-tune starts from there
        trainedBase = dir.resolve("trained-base");
        List<float[]> other = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            other.add(resample(LibraryFixtures.song(4, 130, 70 + 10 * i, 0.9, 50 + i)));
        }
        try (CodecModel codec = CodecModel.create(codecConfig, 1)) {
            CodecTrainer pretrain = new CodecTrainer(codec, CodecTrainingConfig.defaults().withMmdWeight(1.0), other);
            for (int i = 0; i < 10; i++) {
                pretrain.trainStep();
            }
            codec.save(trainedBase.resolve(MusicModel.CODEC_DIR));
        }
        ModelFolder.copy(base.resolve(MusicModel.LM_DIR), trainedBase.resolve(MusicModel.LM_DIR));
        library = dir.resolve("library");
        for (int i = 0; i < 7; i++) {
            LibraryFixtures.wav(library.resolve("song" + i + ".wav"), LibraryFixtures.song(7, 100, 220 + 30 * i, 0.3, i));
        }
        scanned = LibraryScanner.scan(library, null, ProgressListener.NONE, CancellationToken.NEVER);
    }

    /** The fixtures' rate to the codec's, by linear interpolation (good enough for pretraining audio). */
    private static float[] resample(float[] x) {
        int factor = CodecConfig.tiny().sampleRate() / LibraryFixtures.RATE;
        float[] y = new float[x.length * factor];
        for (int i = 0; i < y.length; i++) {
            int j = i / factor;
            float frac = (i % factor) / (float) factor;
            y[i] = x[j] * (1 - frac) + (j + 1 < x.length ? x[j + 1] : 0) * frac;
        }
        return y;
    }

    @Test
    void aFineTuneLowersValidationLossAndLeavesTheLibraryAlone() throws Exception {
        Map<String, String> before = LibraryFixtures.checksums(library);
        Path out = dir.resolve("models/mine");
        FineTuneJob.create(new FineTuneRequest(scanned, base, out, 30, 0, 1, false));
        List<String> phases = new ArrayList<>();
        FineTuneState done = FineTuneJob.run(out, ProgressListener.NONE, CancellationToken.NEVER,
                new FineTuneListener() {
                    @Override
                    public void onPhase(String phase) {
                        phases.add(phase);
                    }
                });
        assertTrue(done.finished());
        assertEquals(30, done.stepsDone());
        assertTrue(done.valLossAfter() < done.valLossBefore() - 0.05,
                "validation loss fell: " + done.valLossBefore() + " → " + done.valLossAfter());
        assertEquals(List.of("tokenizing", "measuring the base model", "training", "measuring the result"), phases);
        assertTrue(MusicModel.looksLikeModel(out));
        try (MusicModel model = MusicModel.load(out)) {
            assertEquals(base.resolve("codec/config.json").toFile().length(),
                    out.resolve("codec/config.json").toFile().length());
        }
        String card = Files.readString(out.resolve(ModelCardWriter.FILE));
        assertTrue(card.contains(String.format(java.util.Locale.ROOT, "%.4f", done.valLossAfter())), card);
        assertFalse(Files.exists(out.resolve("lm/training")), "checkpoints go once the model is complete");
        assertEquals(before, LibraryFixtures.checksums(library), "the musician's files are unchanged");
    }

    @Test
    void aPausedFineTuneResumesExactly() throws Exception {
        Path straight = dir.resolve("straight");
        FineTuneJob.create(new FineTuneRequest(scanned, base, straight, 12, 0, 5, false));
        FineTuneState whole = FineTuneJob.run(straight, ProgressListener.NONE, CancellationToken.NEVER,
                FineTuneListener.NONE);

        Path paused = dir.resolve("paused");
        FineTuneJob.create(new FineTuneRequest(scanned, base, paused, 12, 0, 5, false));
        CancellationToken pause = new CancellationToken();
        assertThrows(CancelledException.class, () -> FineTuneJob.run(paused, ProgressListener.NONE, pause,
                new FineTuneListener() {
                    @Override
                    public void onStep(long step, double loss) {
                        if (step == 5) {
                            pause.cancel();
                        }
                    }
                }));
        assertEquals(5, FineTuneJob.state(paused).stepsDone());
        FineTuneState resumed = FineTuneJob.run(paused, ProgressListener.NONE, CancellationToken.NEVER,
                FineTuneListener.NONE);
        assertEquals(12, resumed.stepsDone());
        assertEquals(whole.valLossBefore(), resumed.valLossBefore());
        // Equal to float rounding, not bit for bit: on some CPUs the BLAS kernels round differently
        // with the buffers' alignment, which changes from run to run (CI once saw 1.5e-6 in this loss).
        // A resume that loses the optimizer's moments misses by 1.3e-4 in the loss and more in the weights.
        double rounding = 1e-5;
        assertEquals(whole.valLossAfter(), resumed.valLossAfter(), rounding);
        float differs = largestDifference(straight.resolve("lm/weights.cntr"), paused.resolve("lm/weights.cntr"));
        assertTrue(differs < rounding, "the resumed run ends with the same weights (largest difference " + differs + ")");
        float moved = largestDifference(base.resolve("lm/weights.cntr"), straight.resolve("lm/weights.cntr"));
        assertTrue(moved > 10 * rounding, "training moved the weights by more than rounding: " + moved);
    }

    private static float largestDifference(Path a, Path b) throws java.io.IOException {
        Map<String, TensorFile.Entry> x = TensorFile.read(a);
        Map<String, TensorFile.Entry> y = TensorFile.read(b);
        assertEquals(x.keySet(), y.keySet());
        float largest = 0;
        for (Map.Entry<String, TensorFile.Entry> e : x.entrySet()) {
            float[] u = e.getValue().values();
            float[] v = y.get(e.getKey()).values();
            assertEquals(u.length, v.length, e.getKey());
            for (int i = 0; i < u.length; i++) {
                largest = Math.max(largest, Math.abs(u[i] - v[i]));
            }
        }
        return largest;
    }

    @Test
    void aCodecFineTuneIsMeasuredBeforeAndAfterAndItsTokensTeachTheLm() throws Exception {
        Map<String, String> before = LibraryFixtures.checksums(library);
        Path out = dir.resolve("models/with-codec");
        FineTuneJob.create(new FineTuneRequest(scanned, trainedBase, out, 60, 0, 3, true));
        List<String> phases = new ArrayList<>();
        List<Double> batchSnr = new ArrayList<>();
        List<CodecFigures> figures = new ArrayList<>();
        FineTuneState done = FineTuneJob.run(out, ProgressListener.NONE, CancellationToken.NEVER,
                new FineTuneListener() {
                    @Override
                    public void onPhase(String phase) {
                        phases.add(phase);
                    }

                    @Override
                    public void onCodecStep(long step, double loss, double batchSiSnrDb) {
                        batchSnr.add(batchSiSnrDb);
                    }

                    @Override
                    public void onCodecFigures(boolean after, CodecFigures f) {
                        figures.add(f);
                    }
                });
        assertEquals(List.of("reading the library for the codec", "measuring the codec", "tuning the codec",
                "measuring the tuned codec", "tokenizing", "measuring the base model", "training",
                "measuring the result"), phases);
        CodecTuning codec = done.codec();
        assertEquals(60, codec.stepsDone());
        assertEquals(60, batchSnr.size());
        assertEquals(List.of(codec.before(), codec.after()), figures);
        assertTrue(codec.after().melDistance() < codec.before().melDistance() - 0.05,
                "the tuned codec reconstructs the held-out files better: log-mel " + codec.before().melDistance()
                        + " → " + codec.after().melDistance());
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(trainedBase.resolve("codec/weights.cntr")),
                Files.readAllBytes(out.resolve("codec/weights.cntr"))), "the model has its own codec");
        assertEquals(60, done.stepsDone());
        assertTrue(done.valLossAfter() < done.valLossBefore(), done.valLossBefore() + " → " + done.valLossAfter());
        String card = Files.readString(out.resolve(ModelCardWriter.FILE));
        assertTrue(card.contains(String.format(java.util.Locale.ROOT, "| fine-tuned | %.2f |",
                codec.after().siSnrDb())), card);
        assertFalse(Files.exists(out.resolve("codec/training")), "codec checkpoints go once the model is complete");
        try (MusicModel model = MusicModel.load(out)) {
            assertEquals(CodecConfig.tiny().sampleRate(), model.codec().config().sampleRate());
        }
        assertEquals(before, LibraryFixtures.checksums(library), "the musician's files are unchanged");
    }

    @Test
    void aFineTunePausedWhileTuningTheCodecContinuesWhereItStopped() throws Exception {
        Path straight = dir.resolve("codec-straight");
        FineTuneJob.create(new FineTuneRequest(scanned, trainedBase, straight, 8, 0, 4, true));
        FineTuneState whole = FineTuneJob.run(straight, ProgressListener.NONE, CancellationToken.NEVER,
                FineTuneListener.NONE);

        Path paused = dir.resolve("codec-paused");
        FineTuneJob.create(new FineTuneRequest(scanned, trainedBase, paused, 8, 0, 4, true));
        CancellationToken pause = new CancellationToken();
        assertThrows(CancelledException.class, () -> FineTuneJob.run(paused, ProgressListener.NONE, pause,
                new FineTuneListener() {
                    @Override
                    public void onCodecStep(long step, double loss, double batchSiSnrDb) {
                        if (step == 3) {
                            pause.cancel();
                        }
                    }
                }));
        FineTuneState atPause = FineTuneJob.state(paused);
        assertEquals(3, atPause.codec().stepsDone());
        assertTrue(Files.isDirectory(paused.resolve("codec/training")), "the pause left a codec checkpoint");
        List<String> phases = new ArrayList<>();
        FineTuneState resumed = FineTuneJob.run(paused, ProgressListener.NONE, CancellationToken.NEVER,
                new FineTuneListener() {
                    @Override
                    public void onPhase(String phase) {
                        phases.add(phase);
                    }
                });
        assertEquals(List.of("reading the library for the codec", "tuning the codec", "measuring the tuned codec",
                "tokenizing", "measuring the base model", "training", "measuring the result"), phases,
                "the base codec is not measured again");
        assertEquals(atPause.codec().before(), resumed.codec().before());
        assertEquals(whole.codec().before(), resumed.codec().before());
        assertEquals(8, resumed.codec().stepsDone());
        List<Long> logged = Files.readAllLines(paused.resolve("codec/log.jsonl")).stream()
                .map(l -> Long.parseLong(l.replaceAll(".*\"step\":(\\d+).*", "$1"))).toList();
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L), logged, "steps 4..8 continue the paused run");
        assertEquals(8, resumed.stepsDone());
        assertTrue(resumed.finished());
    }

    @Test
    void badRequestsAreRefusedWithAReason() throws Exception {
        Path out = dir.resolve("refused");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FineTuneJob.create(
                new FineTuneRequest(scanned, base, out, 10, 5, 1, false)));
        assertTrue(e.getMessage().contains("steps or minutes (one of them)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FineTuneJob.create(
                new FineTuneRequest(scanned, base, out, -3, 5, 1, false)));
        assertTrue(e.getMessage().contains("more than 0"), e.getMessage());
        assertEquals("the budget must be more than 0", FineTuneJob.budgetProblem(0, Double.NaN));
        assertNull(FineTuneJob.budgetProblem(0, 0.5));
        assertNull(FineTuneJob.budgetProblem(200, 0));
        Files.createDirectories(out);
        Files.writeString(out.resolve("keep.txt"), "mine");
        e = assertThrows(IllegalArgumentException.class, () -> FineTuneJob.create(
                new FineTuneRequest(scanned, base, out, 10, 0, 1, false)));
        assertTrue(e.getMessage().contains("not empty"), e.getMessage());
        assertEquals("mine", Files.readString(out.resolve("keep.txt")));
    }

    @Test
    void aFineTuneRunsOnAnyThread() throws Exception {
        // PyTorch's grad mode is per thread and on by default where the engine was not loaded: the
        // studio runs fine-tunes on a thread of its own
        Path out = dir.resolve("threaded");
        FineTuneJob.create(new FineTuneRequest(scanned, base, out, 3, 0, 2, false));
        java.util.concurrent.atomic.AtomicReference<Object> result = new java.util.concurrent.atomic.AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                result.set(FineTuneJob.run(out, ProgressListener.NONE, CancellationToken.NEVER,
                        FineTuneListener.NONE));
            } catch (Throwable e) {
                result.set(e);
            }
        });
        t.start();
        t.join();
        assertTrue(result.get() instanceof FineTuneState s && s.finished(), String.valueOf(result.get()));
    }
}
