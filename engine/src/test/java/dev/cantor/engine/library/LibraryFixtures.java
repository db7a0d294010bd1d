package dev.cantor.engine.library;

import dev.cantor.engine.audio.AudioClip;
import dev.cantor.engine.audio.SampleFormat;
import dev.cantor.engine.audio.WavWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Little "songs" made in the tests: a tune over a pulse of noise hits, at a tempo and a pitch. */
public final class LibraryFixtures {

    public static final int RATE = 16000;

    private LibraryFixtures() {
    }

    /**
     * @param bpm     tempo of the hits
     * @param rootHz  the tune's tonic
     * @param drums   loudness of the noise hits (0 for none)
     */
    public static float[] song(double seconds, double bpm, double rootHz, double drums, long seed) {
        Random r = new Random(seed);
        float[] x = new float[(int) (seconds * RATE)];
        double beat = 60 / bpm;
        double[] scale = {1, 9 / 8.0, 5 / 4.0, 4 / 3.0, 3 / 2.0, 5 / 3.0, 15 / 8.0};
        double phase = 0;
        for (int i = 0; i < x.length; i++) {
            double t = i / (double) RATE;
            int b = (int) (t / beat);
            double hz = rootHz * scale[(int) ((b * 2654435761L + seed) % scale.length + scale.length) % scale.length];
            phase += 2 * Math.PI * hz / RATE;
            double inBeat = t - b * beat;
            double tone = 0.25 * Math.sin(phase) * Math.exp(-1.5 * inBeat);
            double hit = drums * (r.nextDouble() * 2 - 1) * Math.exp(-inBeat * 40);
            x[i] = (float) (tone + hit);
        }
        return x;
    }

    public static void wav(Path file, float[] x) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        WavWriter.write(file, new AudioClip(x, RATE), SampleFormat.PCM_16);
    }

    /** SHA-256 and modification time of every file under {@code dir}. */
    public static Map<String, String> checksums(Path dir) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                try (InputStream in = Files.newInputStream(p)) {
                    sha.update(in.readAllBytes());
                }
                out.put(dir.relativize(p).toString(), HexFormat.of().formatHex(sha.digest()) + " "
                        + Files.getLastModifiedTime(p).toMillis());
            }
        }
        return out;
    }
}
