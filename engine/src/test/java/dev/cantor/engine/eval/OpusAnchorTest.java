package dev.cantor.engine.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cantor.engine.audio.EncodedFixtures;
import dev.cantor.engine.dsp.AudioMetrics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpusAnchorTest {

    private static final int RATE = 32_000;

    /** Two seconds of a chord with harmonics up to about 7 kHz, over quiet noise: music-like. */
    private static float[] chord(double cutoffHz) {
        Random random = new Random(5);
        float[] x = new float[2 * RATE];
        for (double root : new double[] {196, 247, 294}) {
            for (int h = 1; root * h < 7_000; h++) {
                if (root * h >= cutoffHz) {
                    continue;
                }
                double amplitude = 0.12 / h;
                for (int i = 0; i < x.length; i++) {
                    x[i] += (float) (amplitude * Math.sin(2 * Math.PI * root * h * i / RATE));
                }
            }
        }
        for (int i = 0; i < x.length; i++) {
            x[i] += (float) (0.002 * random.nextGaussian());
        }
        return x;
    }

    private static List<Path> leftoverTempDirs() throws IOException {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("cantor-opus-")).toList();
        }
    }

    @Test
    void twelveKilobitsAreAlignedAndCloserThanALowPassedCopy() throws IOException {
        List<OpusAnchor> anchors = OpusAnchor.standardOnPath();
        // .ci/run installs opus-tools, as EncodedFixtures' encoders: a missing tool fails and says what to install
        assertFalse(anchors.isEmpty(), "opusenc/opusdec are needed here: apt-get install opus-tools");
        OpusAnchor opus12 = anchors.stream().filter(a -> a.bitrateKbps() == 12).findFirst().orElseThrow();
        float[] clip = chord(Double.POSITIVE_INFINITY);
        List<Path> before = leftoverTempDirs();

        float[] decoded = opus12.roundTrip(clip, RATE);

        assertEquals(clip.length, decoded.length);
        assertEquals(0, EncodedFixtures.bestLag(clip, decoded, 200), "opusdec removes the pre-skip: no delay left");
        double siSnr = AudioMetrics.siSnrDb(clip, decoded);
        assertTrue(siSnr > 5, "a sensible SI-SNR for an aligned decode: " + siSnr);
        SpectralFigures figures = new SpectralFigures(RATE);
        SpectralFigures.Comparison opus = figures.compare(clip, decoded);
        SpectralFigures.Comparison lowPass = figures.compare(clip, chord(2_000));
        assertTrue(Double.isFinite(opus.logMelDistanceDb()) && Double.isFinite(opus.worstBandErrorDb()));
        assertTrue(opus.logMelDistanceDb() < lowPass.logMelDistanceDb() / 2,
                "Opus " + opus.logMelDistanceDb() + " dB against a 2 kHz low-pass " + lowPass.logMelDistanceDb() + " dB");
        assertEquals(before, leftoverTempDirs(), "temporary files removed");
    }

    @Test
    void aFailingEncoderGivesOneLineNamingItAndWhatItSaid(@TempDir Path dir) throws IOException {
        Path fake = dir.resolve("opusenc");
        Files.writeString(fake, "#!/bin/sh\necho 'Encoding...' \necho 'Error: cannot open input file' >&2\nexit 3\n",
                StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<Path> before = leftoverTempDirs();

        AnchorException e = assertThrows(AnchorException.class,
                () -> new OpusAnchor(fake, dir.resolve("opusdec"), 12).roundTrip(new float[RATE], RATE));

        assertEquals("opusenc failed (exit status 3): Error: cannot open input file", e.getMessage());
        assertEquals(before, leftoverTempDirs(), "temporary files removed after a failure too");

        AnchorException missing = assertThrows(AnchorException.class,
                () -> new OpusAnchor(dir.resolve("nowhere/opusenc"), fake, 6).roundTrip(new float[RATE], RATE));
        assertTrue(missing.getMessage().startsWith("cannot run opusenc (install the Debian package opus-tools)"),
                missing.getMessage());
        assertEquals(1, missing.getMessage().lines().count());
    }

    @Test
    void programsAreFoundOnlyAsExecutableFilesOnThePath(@TempDir Path dir) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path plain = Files.createDirectories(dir.resolve("plain"));
        Files.writeString(plain.resolve("opusenc"), "not executable");
        Files.writeString(bin.resolve("opusenc"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(bin.resolve("opusenc"), PosixFilePermissions.fromString("rwxr-xr-x"));

        assertEquals(bin.resolve("opusenc"), OpusAnchor.findProgram("opusenc", plain + ":" + bin).orElseThrow());
        assertTrue(OpusAnchor.findProgram("opusenc", plain.toString()).isEmpty());
        assertTrue(OpusAnchor.findProgram("opusdec", bin.toString()).isEmpty());
        assertTrue(OpusAnchor.findProgram("opusenc", null).isEmpty());
    }

    @Test
    void anAnchorIsNamedByItsBitrateWhichOpusMustSupport() {
        assertEquals("opus_12kbps", new OpusAnchor(Path.of("e"), Path.of("d"), 12).name());
        assertThrows(IllegalArgumentException.class, () -> new OpusAnchor(Path.of("e"), Path.of("d"), 5));
        assertEquals(List.of(6, 12), OpusAnchor.STANDARD_KBPS);
    }
}
