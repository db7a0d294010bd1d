package dev.cantor.engine.eval;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What the long-form evaluation measured: over every window of every long piece, the share whose
 * key and tempo still agree with the prompt and the share that collapsed into silence or noise
 * (definitions and thresholds in {@link LongFormWindows}, given again here so a report explains
 * itself). Rates are null when there were no windows.
 *
 * @param pieces               long pieces generated
 * @param pieceSeconds         the length asked for each
 * @param windowSeconds        the length of the windows they are cut into
 * @param windows              windows scored, over all pieces
 * @param longKeyAgreement     share of windows whose estimated tonic and mode are the prompt's
 * @param longTempoAgreement   share whose estimated tempo is within ±{@code tempoTolerance} of the prompt's
 * @param longCollapseRate     share that are silence or noise
 * @param silenceRate          share that are silence
 * @param noiseRate            share that are noise
 * @param silenceDbfs          a window below this RMS level is silence
 * @param noiseFlatness        a window at or above this spectral flatness is noise
 * @param tempoTolerance       the tempo tolerance (a ratio), the same as {@code tempo_hit_rate}'s
 * @param rtf                  wall seconds of generation per second of audio
 * @param perPiece             each piece with its windows
 */
public record LongFormReport(
        @JsonProperty("pieces") int pieces,
        @JsonProperty("piece_seconds") double pieceSeconds,
        @JsonProperty("window_seconds") double windowSeconds,
        @JsonProperty("windows") int windows,
        @JsonProperty("long_key_agreement") Double longKeyAgreement,
        @JsonProperty("long_tempo_agreement") Double longTempoAgreement,
        @JsonProperty("long_collapse_rate") Double longCollapseRate,
        @JsonProperty("silence_rate") Double silenceRate,
        @JsonProperty("noise_rate") Double noiseRate,
        @JsonProperty("silence_dbfs") double silenceDbfs,
        @JsonProperty("noise_flatness") double noiseFlatness,
        @JsonProperty("tempo_tolerance") double tempoTolerance,
        @JsonProperty("rtf") Double rtf,
        @JsonProperty("per_piece") List<Piece> perPiece) {

    /**
     * One long piece.
     *
     * @param id              the evaluation prompt it was made from
     * @param prompt          its text (states the tempo and key)
     * @param tempoBpm        the prompt's tempo
     * @param key             the prompt's key, e.g. "F# minor"
     * @param seed            the sampling seed
     * @param seconds         the length made
     * @param keyAgreement    share of its windows in the prompt's key
     * @param tempoAgreement  share at the prompt's tempo
     * @param collapseRate    share that are silence or noise
     * @param windows         each window's figures
     */
    public record Piece(@JsonProperty("id") String id,
                        @JsonProperty("prompt") String prompt,
                        @JsonProperty("tempo_bpm") int tempoBpm,
                        @JsonProperty("key") String key,
                        @JsonProperty("seed") long seed,
                        @JsonProperty("seconds") double seconds,
                        @JsonProperty("key_agreement") Double keyAgreement,
                        @JsonProperty("tempo_agreement") Double tempoAgreement,
                        @JsonProperty("collapse_rate") Double collapseRate,
                        @JsonProperty("windows") List<LongFormWindows.Window> windows) {
    }
}
