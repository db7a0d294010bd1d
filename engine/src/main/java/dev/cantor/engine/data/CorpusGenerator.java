package dev.cantor.engine.data;

import dev.cantor.engine.api.CancellationToken;
import dev.cantor.engine.api.ProgressListener;
import dev.cantor.engine.api.ProgressStage;
import dev.cantor.engine.audio.AudioClip;
import dev.cantor.engine.audio.SampleFormat;
import dev.cantor.engine.audio.WavWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * Makes a synthetic, fully labelled training corpus: for each clip, draw its labels
 * ({@link SpecSampler}), compose it ({@link Composer}), caption it ({@link Captioner}), render
 * it ({@link GervillRenderer}) and write {@code 00000.wav ...} (16-bit mono) plus, at the end,
 * {@code manifest.jsonl}.
 *
 * <p>Clip {@code i} depends only on the seed and {@code i}: the same seed gives byte-identical
 * files whatever the number of clips or worker threads. Each WAV is written atomically and the
 * manifest last, so an interrupted run leaves no manifest (and no half-written file). A folder
 * that already holds clips or a manifest is refused unless {@code force} is set, so two corpora
 * are never silently mixed.
 */
public final class CorpusGenerator {

    /** Default output rate: the codec's 32 kHz. */
    public static final int DEFAULT_SAMPLE_RATE = 32_000;

    private static final Pattern OWN_FILE = Pattern.compile("\\d{5,}\\.wav|" + Pattern.quote(Manifest.FILE_NAME)
            + "|\\..*\\.tmp");

    /**
     * What to make.
     *
     * @param threads worker threads (each with its own synthesizer); at most the clip count
     * @param force   replace an existing corpus in {@code outDir}
     */
    public record Config(Path outDir, int clips, double seconds, long seed, int sampleRate, Soundfont soundfont,
            int threads, boolean force) {

        public Config {
            Objects.requireNonNull(outDir, "outDir");
            Objects.requireNonNull(soundfont, "soundfont");
            if (clips < 1) {
                throw new IllegalArgumentException("need at least one clip, got " + clips);
            }
            if (!(seconds > 0 && seconds <= 600)) {
                throw new IllegalArgumentException("clip length must be in (0, 600] seconds, got " + seconds);
            }
            if (sampleRate < 8000 || sampleRate > 96_000) {
                throw new IllegalArgumentException("sample rate must be 8000..96000 Hz, got " + sampleRate);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("need at least one thread");
            }
        }
    }

    /** What was made, and how fast. */
    public record Result(Path outDir, int clips, double clipSeconds, double wallSeconds, String soundfont) {

        /** Seconds of audio made per second of wall-clock time. */
        public double realtimeFactor() {
            return clips * clipSeconds / Math.max(1e-9, wallSeconds);
        }
    }

    private CorpusGenerator() {
    }

    /** File name of clip {@code index}: five-digit zero-padded, e.g. {@code 00042.wav}. */
    public static String fileName(int index) {
        return String.format("%05d.wav", index);
    }

    /**
     * Generates the corpus.
     *
     * @throws CorpusFolderException when {@code outDir} holds a corpus and {@code force} is off
     * @throws dev.cantor.engine.api.CancelledException when cancelled (no manifest is written)
     */
    public static Result generate(Config config, ProgressListener progress, CancellationToken cancel)
            throws IOException {
        long start = System.nanoTime();
        prepareFolder(config.outDir(), config.force());
        SpecSampler sampler = new SpecSampler(config.soundfont()::hasProgram, config.soundfont()::hasDrumKit);
        ManifestEntry[] entries = new ManifestEntry[config.clips()];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        progress.onProgress(0, config.clips(), ProgressStage.RENDERING);

        Runnable worker = () -> {
            try (GervillRenderer renderer = new GervillRenderer(config.soundfont(), config.sampleRate())) {
                Composer composer = new Composer();
                Captioner captioner = new Captioner();
                for (int i = next.getAndIncrement(); i < config.clips(); i = next.getAndIncrement()) {
                    if (cancel.isCancelled() || failure.get() != null) {
                        return;
                    }
                    entries[i] = makeClip(config, i, sampler, composer, captioner, renderer);
                    progress.onProgress(done.incrementAndGet(), config.clips(), ProgressStage.RENDERING);
                }
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            }
        };
        runWorkers(worker, Math.min(config.threads(), config.clips()));

        Throwable t = failure.get();
        if (t instanceof IOException e) {
            throw e;
        } else if (t instanceof UncheckedIOException e) {
            throw e.getCause();
        } else if (t instanceof RuntimeException e) {
            throw e;
        } else if (t instanceof Error e) {
            throw e;
        }
        cancel.throwIfCancelled();
        Manifest.write(config.outDir(), Arrays.asList(entries));
        double wall = (System.nanoTime() - start) / 1e9;
        return new Result(config.outDir(), config.clips(), config.seconds(), wall, config.soundfont().name());
    }

    private static ManifestEntry makeClip(Config config, int index, SpecSampler sampler, Composer composer,
            Captioner captioner, GervillRenderer renderer) {
        PieceSpec spec = sampler.sample(config.seed(), index, config.seconds());
        Score score = composer.compose(spec);
        AudioClip audio = renderer.render(score);
        String file = fileName(index);
        try {
            WavWriter.write(config.outDir().resolve(file), audio, SampleFormat.PCM_16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + config.outDir().resolve(file) + ": " + e.getMessage(), e);
        }
        return ManifestEntry.of(file, captioner.caption(spec), spec, score, config.sampleRate(),
                config.soundfont().name());
    }

    private static void runWorkers(Runnable worker, int threads) {
        List<Thread> started = new ArrayList<>();
        for (int i = 1; i < threads; i++) {
            Thread thread = new Thread(worker, "cantor-synth-" + i);
            thread.setDaemon(true);
            thread.start();
            started.add(thread);
        }
        worker.run(); // the calling thread is worker 0
        for (Thread thread : started) {
            boolean interrupted = false;
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Creates {@code dir}, or checks that it holds no corpus. With {@code force}, removes the
     * clips, manifest and temporary files of a previous corpus (and nothing else).
     */
    private static void prepareFolder(Path dir, boolean force) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new CorpusFolderException(dir + " exists and is not a folder");
        }
        Files.createDirectories(dir);
        List<Path> own = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                if (OWN_FILE.matcher(p.getFileName().toString()).matches()) {
                    own.add(p);
                }
            }
        }
        if (own.isEmpty()) {
            return;
        }
        if (!force) {
            boolean hasManifest = Files.exists(Manifest.path(dir));
            throw new CorpusFolderException(dir + (hasManifest ? " already holds a corpus (" + Manifest.FILE_NAME + ")"
                    : " already holds clips from an earlier (unfinished) run")
                    + "; choose another folder or use --force to replace it");
        }
        for (Path p : own) {
            Files.deleteIfExists(p);
        }
    }
}
