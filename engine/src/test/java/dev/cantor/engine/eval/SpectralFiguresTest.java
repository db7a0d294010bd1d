package dev.cantor.engine.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpectralFiguresTest {

    private static final int RATE = 32_000;
    private static final int SAMPLES = 2 * RATE;
    private static final double BIN_HZ = RATE / (double) SpectralFigures.FFT_SIZE;
    private static final double CUT_DB = 12;

    private final SpectralFigures figures = new SpectralFigures(RATE);

    /**
     * A test signal with a known spectrum: a dozen louder tones from 100 Hz to 7 kHz plus a
     * random-phase multisine on every fourth FFT bin from 78 Hz to 7.5 kHz (noise, spectrally).
     * Every partial sits on a bin centre at least one bin inside its octave band, so its Hann
     * main lobe (three bins) stays in that band and a per-band gain is exact.
     *
     * @param gain the linear gain of a partial at the given frequency
     */
    private static float[] render(DoubleUnaryOperator gain) {
        Random random = new Random(7);
        double[] x = new double[SAMPLES];
        for (int bin = 5; bin * BIN_HZ < 7_500; bin++) {
            double hz = bin * BIN_HZ;
            if (!insideBand(bin)) {
                continue;
            }
            boolean tone = bin % 37 == 0 && hz >= 100;
            if (!tone && bin % 4 != 0 && bin > 8) {
                continue;
            }
            double amplitude = (tone ? 0.04 : 0.004) * gain.applyAsDouble(hz);
            double phase = random.nextDouble() * 2 * Math.PI;
            for (int i = 0; i < SAMPLES; i++) {
                x[i] += amplitude * Math.sin(2 * Math.PI * hz * i / RATE + phase);
            }
        }
        float[] out = new float[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            out[i] = (float) x[i];
        }
        return out;
    }

    /** Whether the bin's main lobe (bin - 1 .. bin + 1) lies inside one octave band [edge, next edge). */
    private static boolean insideBand(int bin) {
        for (int k = 0; k <= SpectralFigures.OCTAVE_BANDS; k++) {
            double edge = lowEdge(k) / BIN_HZ; // a whole bin at 32 kHz: 4, 8, ..., 512
            if (bin == edge || bin == edge - 1) {
                return false;
            }
        }
        return true;
    }

    private static double lowEdge(int band) {
        return SpectralFigures.LOWEST_OCTAVE_HZ * (1 << band);
    }

    @Test
    void aClipAgainstItselfGivesZeroEverywhere() {
        float[] clip = render(hz -> 1);
        SpectralFigures.Comparison c = figures.compare(clip, clip.clone());
        assertEquals(0.0, c.logMelDistanceDb());
        assertEquals(0.0, c.worstBandErrorDb());
        for (double e : c.bandLevelErrorDb()) {
            assertEquals(0.0, e);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3, 5, 6})
    void cuttingOneOctaveBy12DbShowsInThatBandAlone(int band) {
        double lo = lowEdge(band);
        float[] original = render(hz -> 1);
        float[] cut = render(hz -> hz >= lo && hz < 2 * lo ? Math.pow(10, -CUT_DB / 20) : 1);
        SpectralFigures.Comparison c = figures.compare(original, cut);
        double[] errors = c.bandLevelErrorDb();
        for (int k = 0; k < errors.length; k++) {
            if (k == band) {
                assertEquals(CUT_DB, errors[k], 0.5, "the cut band " + SpectralFigures.bandNames().get(k));
            } else {
                assertTrue(errors[k] < 0.5, SpectralFigures.bandNames().get(k) + " untouched: " + Arrays.toString(errors));
            }
        }
        assertEquals(errors[band], c.worstBandErrorDb(), 0.0, "one clip's worst band is its largest band error");
        assertTrue(c.logMelDistanceDb() > 0.3 && c.logMelDistanceDb() < CUT_DB, "some mel bands moved: "
                + c.logMelDistanceDb());
    }

    /**
     * Two tones per octave band on the bins nearest its edges (the main lobe touching the edge
     * bin from inside), those of {@code scaledBand} at half amplitude: a band edge placed one
     * bin off moves a tone's energy into the neighbour band.
     */
    private static float[] edgeTones(int scaledBand) {
        float[] x = new float[SAMPLES];
        for (int k = 0; k < SpectralFigures.OCTAVE_BANDS; k++) {
            int first = (int) (lowEdge(k) / BIN_HZ);
            double amplitude = k == scaledBand ? 0.05 : 0.1;
            for (int bin : new int[] {first + 1, 2 * first - 2}) {
                for (int i = 0; i < x.length; i++) {
                    x[i] += (float) (amplitude * Math.sin(2 * Math.PI * bin * BIN_HZ * i / RATE + k));
                }
            }
        }
        return x;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6})
    void eachBandHoldsExactlyTheBinsFromItsLowerEdgeUpToItsUpperEdge(int band) {
        double[] errors = figures.compare(edgeTones(-1), edgeTones(band)).bandLevelErrorDb();
        for (int k = 0; k < errors.length; k++) {
            // 0.1 dB: the mirrored edge frames smear the tones a little
            assertEquals(k == band ? 20 * Math.log10(2) : 0, errors[k], 0.1,
                    SpectralFigures.bandNames().get(k) + ": " + Arrays.toString(errors));
        }
    }

    @Test
    void theCutIsMeasuredTheSameWhicheverClipIsLouder() {
        float[] original = render(hz -> 1);
        float[] boosted = render(hz -> hz >= 2000 && hz < 4000 ? Math.pow(10, CUT_DB / 20) : 1);
        assertEquals(CUT_DB, figures.compare(original, boosted).bandLevelErrorDb()[5], 0.5);
    }

    /** The test signal plus white noise, so every mel band holds sound (the multisine leaves gaps between bins). */
    private static float[] renderNoisy() {
        float[] clip = render(hz -> 1);
        Random random = new Random(11);
        for (int i = 0; i < clip.length; i++) {
            clip[i] += (float) (0.002 * random.nextGaussian());
        }
        return clip;
    }

    @Test
    void aNoisyClipAgainstItselfGivesZeroToo() {
        float[] clip = renderNoisy();
        SpectralFigures.Comparison c = figures.compare(clip, clip.clone());
        assertEquals(0.0, c.logMelDistanceDb());
        assertEquals(0.0, c.worstBandErrorDb());
    }

    @Test
    void halfTheAmplitudeIsSixDecibelsInEveryMelBandAndOctave() {
        float[] clip = renderNoisy();
        float[] half = new float[clip.length];
        for (int i = 0; i < clip.length; i++) {
            half[i] = clip[i] * 0.5f;
        }
        SpectralFigures.Comparison c = figures.compare(clip, half);
        double sixDb = 20 * Math.log10(2);
        assertEquals(sixDb, c.logMelDistanceDb(), 0.01);
        for (double e : c.bandLevelErrorDb()) {
            assertEquals(sixDb, e, 0.01);
        }
    }

    @Test
    void silenceGivesZeroAndSoundWhereTheOriginalIsSilentGivesALargeFiniteError() {
        float[] silence = new float[RATE];
        SpectralFigures.Comparison both = figures.compare(silence, silence.clone());
        assertEquals(0.0, both.logMelDistanceDb());
        assertEquals(0.0, both.worstBandErrorDb());

        float[] hum = new float[RATE];
        for (int i = 0; i < hum.length; i++) {
            hum[i] = (float) (0.01 * Math.sin(2 * Math.PI * 1500 * i / RATE));
        }
        SpectralFigures.Comparison added = figures.compare(silence, hum);
        double[] errors = added.bandLevelErrorDb();
        assertTrue(Double.isFinite(added.logMelDistanceDb()) && added.logMelDistanceDb() > 1,
                "" + added.logMelDistanceDb());
        // the 1000-2000 band: the hum's level above the 1e-10 floor, about 10·log10(0.01²·(N/4)²·frames / 1e-10)
        assertTrue(errors[4] > 120 && Double.isFinite(errors[4]), "the 1000-2000 band: " + Arrays.toString(errors));
        assertEquals(errors[4], added.worstBandErrorDb());
    }

    @Test
    void bandsAreNamedLowestFirst() {
        List<String> names = SpectralFigures.bandNames();
        assertEquals(SpectralFigures.OCTAVE_BANDS, names.size());
        assertEquals("62.5-125", names.get(0));
        assertEquals("2000-4000", names.get(5));
        assertEquals("4000-8000", names.get(6));
    }

    @Test
    void framesMirrorAtBothEnds() {
        assertEquals(3, SpectralFigures.reflect(-3, 10));
        assertEquals(0, SpectralFigures.reflect(0, 10));
        assertEquals(8, SpectralFigures.reflect(10, 10));
        assertEquals(1, SpectralFigures.reflect(-1, 3), "a clip shorter than half a window mirrors again");
        assertEquals(1, SpectralFigures.reflect(5, 3));
        assertEquals(0, SpectralFigures.reflect(-7, 1));
        float[] tiny = {0.5f, -0.25f, 0.125f};
        assertEquals(0.0, figures.compare(tiny, tiny.clone()).logMelDistanceDb());
    }

    @Test
    void refusesMismatchedClipsAndRatesWithoutTheTopMelBand() {
        assertThrows(IllegalArgumentException.class, () -> figures.compare(new float[10], new float[11]));
        assertThrows(IllegalArgumentException.class, () -> figures.compare(new float[0], new float[0]));
        assertThrows(IllegalArgumentException.class, () -> new SpectralFigures(24_000));
        assertTrue(SpectralFigures.supports(32_000));
        assertTrue(!SpectralFigures.supports(24_000));
    }
}
