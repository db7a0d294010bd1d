package dev.cantor.engine.eval;

import dev.cantor.engine.dsp.AudioMetrics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds up SI-SNR and the {@link SpectralFigures} of decoded clips, one pair at a time, for their
 * means. Every figure is NaN while no clip is added (a mean of nothing), and the spectral ones
 * stay NaN at sample rates below 30 kHz, where the mel bands' 15 kHz top does not exist: a
 * number computed on other bands would not compare with anyone else's.
 */
public final class ReconstructionMeans {

    /** Null when the rate is too low for the spectral figures. */
    private final SpectralFigures spectral;
    private double siSnrSum;
    private int siSnrCount;
    private double logMelSum;
    private final double[] bandSums = new double[SpectralFigures.OCTAVE_BANDS];
    private double worstSum;
    private int clips;

    /** @param sampleRate of the clips that will be added */
    public ReconstructionMeans(int sampleRate) {
        this.spectral = SpectralFigures.supports(sampleRate) ? new SpectralFigures(sampleRate) : null;
    }

    /** Measures one decoded clip against its original (same length). */
    public void add(float[] original, float[] decoded) {
        double snr = AudioMetrics.siSnrDb(original, decoded);
        if (!Double.isNaN(snr)) {
            siSnrSum += snr;
            siSnrCount++;
        }
        clips++;
        if (spectral == null) {
            return;
        }
        SpectralFigures.Comparison c = spectral.compare(original, decoded);
        logMelSum += c.logMelDistanceDb();
        double[] bands = c.bandLevelErrorDb();
        for (int k = 0; k < bands.length; k++) {
            bandSums[k] += bands[k];
        }
        worstSum += c.worstBandErrorDb();
    }

    /** Clips added so far. */
    public int clips() {
        return clips;
    }

    /** The means so far. */
    public ReconstructionFigures figures() {
        // 0/0 gives the NaN documented above, both before the first clip and without spectral figures
        double spectralClips = spectral == null ? 0 : clips;
        List<String> names = SpectralFigures.bandNames();
        Map<String, Double> bands = new LinkedHashMap<>();
        for (int k = 0; k < names.size(); k++) {
            bands.put(names.get(k), bandSums[k] / spectralClips);
        }
        return new ReconstructionFigures(siSnrCount == 0 ? Double.NaN : siSnrSum / siSnrCount,
                logMelSum / spectralClips, bands, worstSum / spectralClips);
    }
}
