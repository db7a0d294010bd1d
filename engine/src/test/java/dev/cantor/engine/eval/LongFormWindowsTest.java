package dev.cantor.engine.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cantor.engine.audio.AudioClip;
import dev.cantor.engine.data.BassStyle;
import dev.cantor.engine.data.ChordSymbol;
import dev.cantor.engine.data.CompStyle;
import dev.cantor.engine.data.Composer;
import dev.cantor.engine.data.DrumPattern;
import dev.cantor.engine.data.GervillRenderer;
import dev.cantor.engine.data.PieceSpec;
import dev.cantor.engine.data.Soundfont;
import dev.cantor.engine.dsp.SpectralFlatness;
import dev.cantor.engine.music.Key;
import dev.cantor.engine.music.Mode;
import dev.cantor.engine.music.Mood;
import dev.cantor.engine.music.Style;
import dev.cantor.engine.music.Tonality;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LongFormWindowsTest {

    private static final int RATE = 32_000;
    private static final Tonality C_MAJOR = new Tonality(Key.ofPitchClass(0), Mode.MAJOR);

    /** I–IV–V–I in C major, a chord a bar (2 s at 120 bpm), with a kick-like thump on every beat. */
    static float[] cMajorAt120(double seconds) {
        int[][] chords = {{48, 60, 64, 67}, {53, 60, 65, 69}, {55, 59, 62, 67}, {48, 60, 64, 67}};
        float[] x = new float[(int) (seconds * RATE)];
        int bar = 2 * RATE;
        for (int i = 0; i < x.length; i++) {
            int[] chord = chords[(i / bar) % chords.length];
            double t = i / (double) RATE;
            double v = 0;
            for (int pitch : chord) {
                double hz = 440 * Math.pow(2, (pitch - 69) / 12.0);
                v += Math.sin(2 * Math.PI * hz * t) + 0.3 * Math.sin(4 * Math.PI * hz * t);
            }
            double sinceBeat = (i % (RATE / 2)) / (double) RATE;    // a beat every 0.5 s
            double beat = Math.exp(-sinceBeat * 30) * Math.sin(2 * Math.PI * 60 * sinceBeat);
            x[i] = (float) (0.04 * v + 0.4 * beat);
        }
        return x;
    }

    private static float[] whiteNoise(double seconds, double level) {
        Random r = new Random(5);
        float[] x = new float[(int) (seconds * RATE)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (level * r.nextGaussian());
        }
        return x;
    }

    /** Noise with its power falling 6 dB an octave: the colour music's average spectrum has. */
    private static float[] brownNoise(double seconds) {
        Random r = new Random(6);
        float[] x = new float[(int) (seconds * RATE)];
        double b = 0;
        for (int i = 0; i < x.length; i++) {
            b = 0.995 * b + 0.02 * r.nextGaussian();
            x[i] = (float) b;
        }
        return x;
    }

    @Test
    void aSteadyPieceInCMajorAt120BpmAgreesInEveryWindowAndDoesNotCollapse() {
        List<LongFormWindows.Window> windows = LongFormWindows.score(new AudioClip(cMajorAt120(30), RATE), 10, 120,
                C_MAJOR);
        assertEquals(3, windows.size());
        for (LongFormWindows.Window w : windows) {
            assertEquals("C major", w.estimatedKey(), w.toString());
            assertTrue(w.keyAgrees() && w.tempoAgrees(), w.toString());
            assertEquals(120, w.estimatedBpm(), 120 * ConditionScores.TEMPO_TOLERANCE, w.toString());
            assertNull(w.collapse(), w.toString());
        }
        assertEquals(20.0, windows.get(2).startSeconds(), 1e-9);
        // the same music scored against another key and tempo agrees nowhere
        for (LongFormWindows.Window w : LongFormWindows.score(new AudioClip(cMajorAt120(20), RATE), 10, 90,
                new Tonality(Key.ofPitchClass(0), Mode.MINOR))) {
            assertTrue(!w.keyAgrees() && !w.tempoAgrees(), w.toString());
        }
    }

    @Test
    void aRenderedPopPieceInCMajorAt120BpmAgreesInEveryWindow() {
        PieceSpec spec = new PieceSpec(7, 0, Style.POP, Mood.HAPPY, C_MAJOR, 120, 20, 0, 0, 33, -1, 0,
                DrumPattern.ROCK, CompStyle.BLOCK_BEATS, BassStyle.ROOT_BEATS,
                ChordSymbol.parseAll(Mode.MAJOR, "I IV V I").get(0), 4, false);
        AudioClip clip;
        try (GervillRenderer renderer = new GervillRenderer(Soundfont.builtIn(), RATE)) {
            clip = renderer.render(new Composer().compose(spec));
        }
        List<LongFormWindows.Window> windows = LongFormWindows.score(clip, 10, 120, C_MAJOR);
        assertEquals(2, windows.size());
        for (LongFormWindows.Window w : windows) {
            assertTrue(w.keyAgrees() && w.tempoAgrees() && !w.collapsed(), w.toString());
            assertTrue(w.flatness() < LongFormWindows.NOISE_FLATNESS - 0.2, "music is far from noise: " + w);
        }
    }

    @Test
    void noiseOfAnyColourCollapsesAsNoise() {
        for (float[] noise : new float[][] {whiteNoise(20, 0.1), brownNoise(20)}) {
            List<LongFormWindows.Window> windows = LongFormWindows.score(new AudioClip(noise, RATE), 10, 120,
                    C_MAJOR);
            assertEquals(2, windows.size());
            for (LongFormWindows.Window w : windows) {
                assertEquals("noise", w.collapse(), w.toString());
                assertTrue(w.rmsDbfs() > LongFormWindows.SILENCE_DBFS, w.toString());
            }
        }
    }

    @Test
    void silenceAndAVeryQuietHissCollapseAsSilence() {
        for (float[] quiet : new float[][] {new float[20 * RATE], whiteNoise(20, 1e-4)}) {
            for (LongFormWindows.Window w : LongFormWindows.score(new AudioClip(quiet, RATE), 10, 120, C_MAJOR)) {
                assertEquals("silence", w.collapse(), w.toString());
                assertTrue(!w.keyAgrees() && !w.tempoAgrees(), "silence agrees with nothing: " + w);
                assertNull(w.estimatedBpm());
            }
        }
    }

    @Test
    void aPieceThatFallsSilentHalfwayCollapsesInItsLastWindowsOnly() {
        float[] x = cMajorAt120(40);
        java.util.Arrays.fill(x, 20 * RATE, x.length, 0f);
        List<LongFormWindows.Window> windows = LongFormWindows.score(new AudioClip(x, RATE), 10, 120, C_MAJOR);
        assertEquals(List.of(false, false, true, true), windows.stream().map(LongFormWindows.Window::collapsed)
                .toList());
    }

    @Test
    void windowsRoundToTheNearestCountAndTheLastTakesTheRest() {
        float[] x = new float[(int) (59.9 * RATE)];
        List<LongFormWindows.Window> windows = LongFormWindows.score(new AudioClip(x, RATE), 10, 120, C_MAJOR);
        assertEquals(6, windows.size());
        assertEquals(9.9, windows.get(5).seconds(), 1e-6);
        assertEquals(1, LongFormWindows.score(new AudioClip(new float[RATE], RATE), 10, 120, C_MAJOR).size(),
                "a piece shorter than a window is one window");
        assertThrows(IllegalArgumentException.class,
                () -> LongFormWindows.score(new AudioClip(x, RATE), 0, 120, C_MAJOR));
    }

    @Test
    void flatnessThresholdsAreTheDocumentedOnes() {
        assertEquals(LongFormWindows.Collapse.SILENCE, LongFormWindows.collapse(-50.1, 0.1));
        assertEquals(LongFormWindows.Collapse.NOISE, LongFormWindows.collapse(-20, 0.9));
        assertNull(LongFormWindows.collapse(-49.9, 0.89));
        assertEquals(0, SpectralFlatness.of(new float[RATE], RATE), "digital silence is not noise");
    }
}
