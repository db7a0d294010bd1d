package dev.cantor.engine.eval;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How close a codec's decodes are to the originals, averaged over clips: what the report gives
 * Cantor's codec and each anchor, so the rows compare directly.
 *
 * @param siSnrDb          mean SI-SNR over the clips that are not silent (NaN if all are)
 * @param logMelDistanceDb mean of {@link SpectralFigures.Comparison#logMelDistanceDb()}
 * @param bandLevelErrorDb mean level error per octave band, keyed by
 *                         {@link SpectralFigures#bandNames()} in that order (lowest first)
 * @param worstBandErrorDb mean over clips of each clip's worst band
 */
public record ReconstructionFigures(
        @JsonProperty("si_snr_db") double siSnrDb,
        @JsonProperty("log_mel_distance_db") double logMelDistanceDb,
        @JsonProperty("band_level_error_db") Map<String, Double> bandLevelErrorDb,
        @JsonProperty("worst_band_error_db") double worstBandErrorDb) {

    public ReconstructionFigures {
        if (bandLevelErrorDb == null || !List.copyOf(bandLevelErrorDb.keySet()).equals(SpectralFigures.bandNames())) {
            throw new IllegalArgumentException("band level errors must be keyed by the octave bands, lowest first, got "
                    + (bandLevelErrorDb == null ? null : bandLevelErrorDb.keySet()));
        }
        // a LinkedHashMap copy: Map.copyOf would lose the low-to-high order the JSON shows
        bandLevelErrorDb = Collections.unmodifiableMap(new LinkedHashMap<>(bandLevelErrorDb));
    }
}
