package dev.cantor.engine.audio;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads the audio of MP4 files (M4A with AAC, or ALAC) by running FFmpeg, when it is installed:
 * no pure-Java AAC decoder is both maintained and GPL-compatible, and FFmpeg is one package away
 * on every Linux. Without it the file is refused with the words {@value #INSTALL_HINT}.
 *
 * <p>How FFmpeg is run, and why:
 * <ul>
 *   <li>as a program with its arguments (never through a shell), the input named as an absolute
 *       {@code file:} path and its demuxer forced to MP4's ({@code -f mov}), so no file name or
 *       content can make it read anything but that one local file;</li>
 *   <li>it writes only the first audio track, decoded to 32-bit float WAV, to its standard output;
 *       the WAV header tells the channel count and rate, and the channels are averaged here, as
 *       every other reader mixes down (FFmpeg's own mono mix weights them 0.71, not 0.5);</li>
 *   <li>{@code -xerror} makes a damaged frame end the run with an error, as a failed checksum
 *       does in the other readers, instead of FFmpeg's silent concealment;</li>
 *   <li>its diagnostics (standard error) are drained in the background, keeping the last few
 *       lines for the message;</li>
 *   <li>a watchdog kills it when it takes longer than a time that grows with the file, or when
 *       the reading thread is interrupted (a cancelled job); reading stops, and FFmpeg is killed,
 *       as soon as the length asked for is there.</li>
 * </ul>
 */
final class FfmpegDecoder {

    /** A system property naming the FFmpeg program to run, for an FFmpeg outside the PATH. */
    static final String PROGRAM_PROPERTY = "cantor.ffmpeg";
    /** What a refusal without FFmpeg says. */
    static final String INSTALL_HINT = "install ffmpeg to read M4A";
    /** Time for any file, plus a second per megabyte (FFmpeg decodes AAC at 100s of times real time). */
    static final Duration BASE_TIMEOUT = Duration.ofSeconds(60);
    private static final int MAX_CHANNELS = 64;
    private static final int CHUNK = 64 * 1024;
    /** Chunks before the data chunk that are skipped (FFmpeg writes a LIST chunk with its name). */
    private static final int MAX_SKIPPED_CHUNK = 1 << 20;
    /** How long FFmpeg may take to exit once its output has ended, or once it is killed. */
    private static final long EXIT_GRACE_SECONDS = 10;

    private final Path program;
    private final Duration baseTimeout;

    /**
     * @param program     the FFmpeg program, or null where none is installed
     * @param baseTimeout how long any file may take, before the allowance for its size
     */
    FfmpegDecoder(Path program, Duration baseTimeout) {
        this.program = program;
        this.baseTimeout = baseTimeout;
    }

    /** FFmpeg as {@value #PROGRAM_PROPERTY} names it, else the first {@code ffmpeg} on the PATH, else none. */
    static FfmpegDecoder onThisMachine() {
        String named = System.getProperty(PROGRAM_PROPERTY);
        if (named != null && !named.isBlank()) {
            Path p = Path.of(named);
            return new FfmpegDecoder(Files.isExecutable(p) ? p : null, BASE_TIMEOUT);
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                Path p = dir.isBlank() ? null : Path.of(dir, "ffmpeg");
                if (p != null && Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return new FfmpegDecoder(p, BASE_TIMEOUT);
                }
            }
        }
        return new FfmpegDecoder(null, BASE_TIMEOUT);
    }

    /** Whether there is an FFmpeg to run. */
    boolean installed() {
        return program != null;
    }

    /**
     * Decodes {@code file} from {@code startSeconds} on (≤ 0: the start), keeping at most
     * {@code maxSeconds} (≤ 0: all), as mono at the file's own rate.
     *
     * @throws AudioFileException     when FFmpeg is missing, or fails, or takes too long (the message says which)
     * @throws InterruptedIOException when the thread was interrupted meanwhile (FFmpeg is killed)
     */
    AudioClip read(Path file, String name, double startSeconds, double maxSeconds) throws IOException {
        if (program == null) {
            throw new AudioFileException("cannot read " + name + ": it is M4A/AAC audio, which Cantor decodes with"
                    + " FFmpeg; " + INSTALL_HINT + " (apt-get install ffmpeg)");
        }
        Duration timeout = baseTimeout.plusSeconds(Files.size(file) >> 20);
        Process process;
        try {
            process = new ProcessBuilder(command(file, startSeconds, maxSeconds)).start();
        } catch (IOException e) {
            throw new AudioFileException("cannot read " + name + ": FFmpeg (" + program + ") could not be started: "
                    + e.getMessage(), e);
        }
        process.getOutputStream().close();
        ErrorTail errors = ErrorTail.drain(process.getErrorStream());
        Watchdog watchdog = Watchdog.watch(process, Thread.currentThread(), timeout);
        MonoSink sink = null;
        boolean readToEnd = false;
        try (InputStream pcm = process.getInputStream()) {
            WavStreamHeader header = WavStreamHeader.read(pcm, MAX_SKIPPED_CHUNK);
            if (header != null) {
                checkHeader(header, name);
                // FFmpeg has already skipped to the start (-ss): the sink only keeps the length
                sink = new MonoSink(name, header.sampleRate(), 0, maxSeconds, -1);
                mixDown(pcm, header.channels(), sink, name);
            }
            readToEnd = sink == null || !sink.full();
        } catch (IOException e) {
            if (watchdog.reason() == null) {
                throw e;
            }
        } finally {
            try {
                stop(process, readToEnd);
            } finally {
                watchdog.stop();
                errors.finish();
            }
        }
        String stopped = watchdog.reason();
        if (Watchdog.INTERRUPTED.equals(stopped)) {
            throw new InterruptedIOException("stopped reading " + name);
        }
        if (Watchdog.TIMED_OUT.equals(stopped)) {
            throw new AudioFileException("cannot read " + name + ": FFmpeg did not finish decoding it within "
                    + timeout.toSeconds() + " s; stopped it");
        }
        if (sink != null && sink.limited()) {
            return sink.toClip();
        }
        if (process.isAlive() || process.exitValue() != 0) {
            throw failure(name, errors.text(), errors.lastLine().replace("file:" + file.toAbsolutePath(), name));
        }
        if (sink == null) {
            throw new AudioFileException("cannot read " + name + ": FFmpeg decoded no audio from it");
        }
        if (sink.length() == 0 && startSeconds > 0) {
            throw MonoSink.endsBefore(name, startSeconds);
        }
        return sink.toClip();
    }

    /**
     * Ends the process: after the last byte it is left a moment to exit by itself, so its exit
     * status tells whether decoding went well; when reading stopped early it is killed at once.
     */
    private static void stop(Process process, boolean readToEnd) throws InterruptedIOException {
        try {
            if (!readToEnd || !process.waitFor(EXIT_GRACE_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(EXIT_GRACE_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while stopping FFmpeg");
        }
    }

    /** The FFmpeg command line: one local file in, its first audio track out as float WAV on stdout. */
    List<String> command(Path file, double startSeconds, double maxSeconds) {
        List<String> c = new ArrayList<>(List.of(program.toString(), "-nostdin", "-hide_banner", "-nostats",
                "-loglevel", "error", "-xerror", "-protocol_whitelist", "file", "-f", "mov"));
        if (startSeconds > 0) {
            c.addAll(List.of("-ss", seconds(startSeconds)));      // before -i: seeks in the input
        }
        c.addAll(List.of("-i", "file:" + file.toAbsolutePath()));
        if (maxSeconds > 0 && Double.isFinite(maxSeconds)) {
            c.addAll(List.of("-t", seconds(maxSeconds)));
        }
        c.addAll(List.of("-map", "0:a:0", "-vn", "-sn", "-dn", "-c:a", "pcm_f32le", "-f", "wav", "pipe:1"));
        return c;
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.6f", s);
    }

    private static void checkHeader(WavStreamHeader header, String name) throws AudioFileException {
        if (header.channels() < 1 || header.channels() > MAX_CHANNELS || !header.floating() || header.bitsPerSample() != 32
                || header.sampleRate() < 1 || header.sampleRate() > WavReader.MAX_SAMPLE_RATE) {
            throw new AudioFileException("cannot read " + name + ": FFmpeg decoded it to " + header.channels()
                    + " channels of " + header.bitsPerSample() + "-bit audio at " + header.sampleRate()
                    + " Hz, which Cantor does not take");
        }
    }

    /** Reads interleaved 32-bit float frames to the end (or until the sink is full), one mean per frame. */
    private static void mixDown(InputStream pcm, int channels, MonoSink sink, String name) throws IOException {
        int frameBytes = 4 * channels;
        byte[] buffer = new byte[Math.max(frameBytes, CHUNK / frameBytes * frameBytes)];
        ByteBuffer view = ByteBuffer.wrap(buffer).order(ByteOrder.LITTLE_ENDIAN);
        float scale = 1f / channels;
        int filled = 0;
        while (!sink.full()) {
            int n = pcm.read(buffer, filled, buffer.length - filled);
            if (n < 0) {
                break;
            }
            filled += n;
            int whole = filled / frameBytes * frameBytes;
            for (int at = 0; at < whole && !sink.full(); at += frameBytes) {
                float sum = 0;
                for (int c = 0; c < channels; c++) {
                    sum += view.getFloat(at + 4 * c);
                }
                if (!Float.isFinite(sum)) {
                    throw new AudioFileException("cannot read " + name + ": the M4A/AAC data is damaged (it decodes"
                            + " to values that are not numbers)");
                }
                sink.put(sum * scale);
            }
            System.arraycopy(buffer, whole, buffer, 0, filled - whole);
            filled -= whole;
        }
    }

    /** A refusal from what FFmpeg printed: its known complaints in Cantor's words, else its last line quoted. */
    private static AudioFileException failure(String name, String ffmpegPrinted, String ffmpegSays) {
        if (ffmpegPrinted.contains("matches no streams")) {
            return new AudioFileException("cannot read " + name + ": it has no audio track");
        }
        if (ffmpegPrinted.contains("moov atom not found")) {
            return new AudioFileException("cannot read " + name + ": the file is cut short or damaged (its MP4 index,"
                    + " the 'moov' box, is missing)");
        }
        return new AudioFileException("cannot read " + name + ": the M4A/AAC data is damaged (copy or export the file"
                + " again)" + (ffmpegSays.isEmpty() ? "" : "; FFmpeg says: " + ffmpegSays));
    }

    /** Kills the process when it runs past its time or the thread reading it is interrupted. */
    private static final class Watchdog {
        static final String TIMED_OUT = "timed out";
        static final String INTERRUPTED = "interrupted";
        private static final long POLL_MILLIS = 100;

        private final AtomicReference<String> reason = new AtomicReference<>();
        private final Thread thread;

        private Watchdog(Process process, Thread reader, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            this.thread = new Thread(() -> {
                try {
                    while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                        String why = reader.isInterrupted() ? INTERRUPTED
                                : System.nanoTime() - deadline > 0 ? TIMED_OUT : null;
                        if (why != null) {
                            reason.compareAndSet(null, why);
                            process.destroyForcibly();
                            return;
                        }
                    }
                } catch (InterruptedException stop) {
                    // stop() was called: the reader is done with the process
                }
            }, "cantor-ffmpeg-watchdog");
            thread.setDaemon(true);
        }

        static Watchdog watch(Process process, Thread reader, Duration timeout) {
            Watchdog w = new Watchdog(process, reader, timeout);
            w.thread.start();
            return w;
        }

        String reason() {
            return reason.get();
        }

        void stop() {
            thread.interrupt();
        }
    }
}
