package dev.cantor.engine.audio;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test fixtures made on the spot: a stereo sine written with {@link WavWriter}, then encoded
 * with the reference command-line encoders (flac, lame, oggenc, opusenc, and FFmpeg's AAC
 * encoder for M4A), tags included. Nothing is
 * downloaded or committed. A missing encoder fails the test with the Debian package to install.
 * The encoders are public for the tests of other packages that read folders of recordings.
 */
public final class EncodedFixtures {

    static final int RATE = 44_100;
    static final double SECONDS = 1.5;
    static final int FRAMES = (int) (RATE * SECONDS);
    static final double FREQUENCY = 440;
    static final double LEFT = 0.6;
    static final double RIGHT = 0.2;

    static final String TITLE = "Sine for Tests";
    static final String ARTIST = "Cantor Test Band";
    static final String ALBUM = "Fixtures, Vol. 1";
    static final String GENRE = "Rock";
    static final String COMMENT = "made by EncodedFixtures";

    private EncodedFixtures() {
    }

    /** A 1.5 s 440 Hz stereo sine, left at 0.6 and right at 0.2 (so the mono mix is 0.4). */
    static Path sineWav(Path dir) throws IOException {
        float[] left = new float[FRAMES];
        float[] right = new float[FRAMES];
        for (int i = 0; i < FRAMES; i++) {
            double phase = 2 * Math.PI * FREQUENCY * i / RATE;
            left[i] = (float) (LEFT * Math.sin(phase));
            right[i] = (float) (RIGHT * Math.sin(phase));
        }
        Path wav = dir.resolve("sine.wav");
        WavWriter.write(wav, new float[][] {left, right}, RATE, SampleFormat.PCM_16);
        return wav;
    }

    /** A mono 44.1 kHz file: 0.25 s of silence, then a rising chirp; its onset shows any misalignment. */
    static Path chirpWav(Path dir) throws IOException {
        float[] x = new float[FRAMES];
        int start = RATE / 4;
        for (int i = start; i < FRAMES; i++) {
            double t = (i - start) / (double) RATE;
            x[i] = (float) (0.5 * Math.sin(2 * Math.PI * (200 * t + 1500 * t * t)));
        }
        Path wav = dir.resolve("chirp.wav");
        WavWriter.write(wav, new AudioClip(x, RATE), SampleFormat.PCM_16);
        return wav;
    }

    public static Path flac(Path wav, String name, boolean tagged) throws IOException {
        Path out = wav.resolveSibling(name);
        List<String> command = new ArrayList<>(List.of("flac", "--silent", "--force", "-o", out.toString()));
        if (tagged) {
            command.addAll(List.of("--tag=TITLE=" + TITLE, "--tag=ARTIST=" + ARTIST, "--tag=ALBUM=" + ALBUM,
                    "--tag=GENRE=" + GENRE, "--tag=COMMENT=" + COMMENT));
        }
        command.add(wav.toString());
        run(command, "flac");
        return out;
    }

    public static Path mp3(Path wav, String name, boolean tagged) throws IOException {
        Path out = wav.resolveSibling(name);
        List<String> command = new ArrayList<>(List.of("lame", "--quiet"));
        if (tagged) {
            command.addAll(List.of("--tt", TITLE, "--ta", ARTIST, "--tl", ALBUM, "--tg", GENRE, "--tc", COMMENT));
        }
        command.addAll(List.of(wav.toString(), out.toString()));
        run(command, "lame");
        return out;
    }

    public static Path ogg(Path wav, String name, boolean tagged) throws IOException {
        Path out = wav.resolveSibling(name);
        List<String> command = new ArrayList<>(List.of("oggenc", "--quiet", "-o", out.toString()));
        if (tagged) {
            command.addAll(List.of("-t", TITLE, "-a", ARTIST, "-l", ALBUM, "-G", GENRE, "-c", "COMMENT=" + COMMENT));
        }
        command.add(wav.toString());
        run(command, "vorbis-tools");
        return out;
    }

    public static Path opus(Path wav, String name, boolean tagged) throws IOException {
        Path out = wav.resolveSibling(name);
        List<String> command = new ArrayList<>(List.of("opusenc", "--quiet"));
        if (tagged) {
            command.addAll(List.of("--title", TITLE, "--artist", ARTIST, "--album", ALBUM, "--genre", GENRE,
                    "--comment", "COMMENT=" + COMMENT));
        }
        command.addAll(List.of(wav.toString(), out.toString()));
        run(command, "opus-tools");
        return out;
    }

    /** AAC in MP4 by FFmpeg's own encoder; {@code indexFirst} puts the 'moov' index before the audio. */
    public static Path m4a(Path wav, String name, boolean tagged, boolean indexFirst) throws IOException {
        Path out = wav.resolveSibling(name);
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-i",
                wav.toString(), "-c:a", "aac", "-b:a", "128k"));
        if (tagged) {
            command.addAll(List.of("-metadata", "title=" + TITLE, "-metadata", "artist=" + ARTIST, "-metadata",
                    "album=" + ALBUM, "-metadata", "genre=" + GENRE, "-metadata", "comment=" + COMMENT));
        }
        if (indexFirst) {
            command.addAll(List.of("-movflags", "+faststart"));
        }
        command.add(out.toString());
        run(command, "ffmpeg");
        return out;
    }

    /** Runs an encoder; a missing program fails the test naming the Debian package that provides it. */
    static void run(List<String> command, String debianPackage) throws IOException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            fail("the '" + command.get(0) + "' command is needed to make test files; install the Debian package "
                    + debianPackage + " (apt-get install " + debianPackage + ")", e);
            return;
        }
        try {
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail(command.get(0) + " did not finish within 60 s");
            }
            if (process.exitValue() != 0) {
                fail(String.join(" ", command) + " failed with exit code " + process.exitValue() + ":\n"
                        + new String(output, StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command.get(0), e);
        }
    }

    /** The frequency of the dominant tone, from the spacing of upward zero crossings (interpolated). */
    public static double frequency(float[] x, int from, int to, int rate) {
        double first = -1;
        double last = -1;
        int crossings = 0;
        for (int i = from + 1; i < to; i++) {
            if (x[i - 1] < 0 && x[i] >= 0) {
                double t = i - 1 + x[i - 1] / (double) (x[i - 1] - x[i]);
                if (first < 0) {
                    first = t;
                }
                last = t;
                crossings++;
            }
        }
        return (crossings - 1) / (last - first) * rate;
    }

    /** The amplitude of the {@code frequency} component over [from, to), which should hold whole periods. */
    static double amplitude(float[] x, int from, int to, double frequency, int rate) {
        double c = 0;
        double s = 0;
        for (int i = from; i < to; i++) {
            double phase = 2 * Math.PI * frequency * i / rate;
            c += x[i] * Math.cos(phase);
            s += x[i] * Math.sin(phase);
        }
        return 2 * Math.hypot(c, s) / (to - from);
    }

    /** The lag (in samples, within ±maxLag) at which {@code y} best matches {@code x}. */
    public static int bestLag(float[] x, float[] y, int maxLag) {
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int lag = -maxLag; lag <= maxLag; lag++) {
            double score = 0;
            for (int i = Math.max(0, -lag); i < x.length && i + lag < y.length; i++) {
                score += x[i] * (double) y[i + lag];
            }
            if (score > bestScore) {
                bestScore = score;
                best = lag;
            }
        }
        return best;
    }
}
