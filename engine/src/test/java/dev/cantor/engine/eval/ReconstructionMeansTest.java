package dev.cantor.engine.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReconstructionMeansTest {

    private static final int RATE = 32_000;

    /** One bin-centred tone in the middle of each octave band; band {@code quieter} at {@code gainDb}. */
    private static float[] bandTones(int quieter, double gainDb) {
        float[] x = new float[RATE];
        double binHz = RATE / (double) SpectralFigures.FFT_SIZE;
        for (int k = 0; k < SpectralFigures.OCTAVE_BANDS; k++) {
            int bin = (int) Math.round(SpectralFigures.LOWEST_OCTAVE_HZ * (1 << k) * 1.5 / binHz);
            double amplitude = 0.1 * (k == quieter ? Math.pow(10, gainDb / 20) : 1);
            for (int i = 0; i < x.length; i++) {
                x[i] += (float) (amplitude * Math.sin(2 * Math.PI * bin * binHz * i / RATE + k));
            }
        }
        return x;
    }

    @Test
    void theWorstBandIsAveragedPerClipNotTakenFromTheBandMeans() {
        ReconstructionMeans means = new ReconstructionMeans(RATE);
        means.add(bandTones(-1, 0), bandTones(5, -12));
        means.add(bandTones(-1, 0), bandTones(2, -6));

        ReconstructionFigures f = means.figures();

        assertEquals(2, means.clips());
        assertEquals(SpectralFigures.bandNames(), List.copyOf(f.bandLevelErrorDb().keySet()), "lowest band first");
        assertEquals(6, f.bandLevelErrorDb().get("2000-4000"), 0.1);
        assertEquals(3, f.bandLevelErrorDb().get("250-500"), 0.1);
        assertEquals(0, f.bandLevelErrorDb().get("62.5-125"), 0.1);
        assertEquals(9, f.worstBandErrorDb(), 0.1, "(12 + 6) / 2, not the largest band mean (6)");
        assertTrue(f.siSnrDb() > 0 && f.logMelDistanceDb() > 0, f.toString());
    }

    @Test
    void figuresAreNaNWithoutClipsAndTheSpectralOnesBelowThirtyKilohertz() {
        ReconstructionFigures none = new ReconstructionMeans(RATE).figures();
        assertTrue(Double.isNaN(none.siSnrDb()) && Double.isNaN(none.logMelDistanceDb())
                && Double.isNaN(none.worstBandErrorDb()), none.toString());

        ReconstructionMeans low = new ReconstructionMeans(24_000);
        float[] clip = bandTones(-1, 0);
        low.add(clip, clip.clone());
        ReconstructionFigures f = low.figures();
        assertTrue(f.siSnrDb() > 100, "SI-SNR is still measured: " + f.siSnrDb());
        assertTrue(Double.isNaN(f.logMelDistanceDb()) && Double.isNaN(f.bandLevelErrorDb().get("62.5-125")));
    }

    @Test
    void bandErrorsMustBeKeyedByTheOctaveBandsInOrder() {
        Map<String, Double> reversed = new LinkedHashMap<>();
        SpectralFigures.bandNames().reversed().forEach(name -> reversed.put(name, 0.0));
        assertThrows(IllegalArgumentException.class, () -> new ReconstructionFigures(0, 0, reversed, 0));
    }
}
