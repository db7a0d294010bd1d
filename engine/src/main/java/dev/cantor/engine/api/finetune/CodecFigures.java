package dev.cantor.engine.api.finetune;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How well a codec reconstructs the held-out files' clips, measured before and after it is
 * fine-tuned.
 *
 * @param clips        clips measured
 * @param siSnrDb      mean scale-invariant SNR (dB, higher is better)
 * @param melDistance  mean multi-scale log-mel L1 (lower is better)
 * @param stftDistance mean log-STFT L1 (lower is better)
 */
public record CodecFigures(
        @JsonProperty("clips") int clips,
        @JsonProperty("si_snr_db") double siSnrDb,
        @JsonProperty("mel_distance") double melDistance,
        @JsonProperty("stft_distance") double stftDistance) {
}
