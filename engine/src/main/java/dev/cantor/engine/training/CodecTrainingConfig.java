package dev.cantor.engine.training;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How a codec is trained. Saved in the checkpoint so that {@code --resume} continues with the
 * same settings.
 *
 * @param batchSize          crops per step
 * @param cropSeconds        length of each random crop (rounded to whole frames)
 * @param learningRate       Adam step size (1e-3 collapsed codebooks in our runs; 7e-4 works)
 * @param waveWeight         weight of L1 on the waveform
 * @param melWeight          weight of the multi-scale log-mel L1
 * @param commitmentWeight   weight of the RVQ commitment loss (1.0 collapsed the latent)
 * @param mmdWeight          weight of the independence-promoting MMD (0 disables)
 * @param quantizerDropout   share of steps that use a random number of codebooks 1..K
 * @param checkpointEvery    steps between checkpoints
 * @param seed               drives crops, dropout, permutations and initialisation
 * @param siSnrWeight        weight of the negative SI-SNR (dB) of the reconstruction (0 disables;
 *                           configs written before this field existed read as 0, and 0 is not
 *                           written, so their training_config.json is unchanged)
 * @param lrDecayFrom        step where a cosine decay of the learning rate begins (0: constant rate)
 * @param lrDecayUntil       step where it ends at {@link #LR_FINAL_FRACTION} of the rate, which it keeps
 *                           after (both 0 and unwritten when there is no decay)
 * @param decoderOnly        train the decoder alone: the encoder and quantizer run frozen, so
 *                           every clip keeps its tokens and a language model trained on them stays
 *                           valid (unwritten when false)
 * @param adversarial        the discriminator and the weights of its losses; null (and unwritten):
 *                           reconstruction losses only
 * @param spectrumWeight     weight of the long-term average spectrum L1
 *                           ({@link SpectralLoss#logAverageSpectrumL1}); 0 and unwritten: off
 */
public record CodecTrainingConfig(
        @JsonProperty("batch_size") int batchSize,
        @JsonProperty("crop_seconds") double cropSeconds,
        @JsonProperty("learning_rate") double learningRate,
        @JsonProperty("wave_weight") double waveWeight,
        @JsonProperty("mel_weight") double melWeight,
        @JsonProperty("commitment_weight") double commitmentWeight,
        @JsonProperty("mmd_weight") double mmdWeight,
        @JsonProperty("quantizer_dropout") double quantizerDropout,
        @JsonProperty("checkpoint_every") int checkpointEvery,
        @JsonProperty("seed") long seed,
        @JsonProperty("si_snr_weight") @JsonInclude(JsonInclude.Include.NON_DEFAULT) double siSnrWeight,
        @JsonProperty("lr_decay_from") @JsonInclude(JsonInclude.Include.NON_DEFAULT) long lrDecayFrom,
        @JsonProperty("lr_decay_until") @JsonInclude(JsonInclude.Include.NON_DEFAULT) long lrDecayUntil,
        @JsonProperty("decoder_only") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean decoderOnly,
        @JsonProperty("adversarial") @JsonInclude(JsonInclude.Include.NON_NULL) AdversarialConfig adversarial,
        @JsonProperty("spectrum_weight") @JsonInclude(JsonInclude.Include.NON_DEFAULT) double spectrumWeight) {

    /** Where a decay ends, as a share of the learning rate. */
    public static final double LR_FINAL_FRACTION = 0.1;

    public CodecTrainingConfig {
        require(batchSize >= 1 && batchSize <= 1024, "batch_size must be 1..1024");
        require(cropSeconds > 0 && cropSeconds <= 30, "crop_seconds must be in (0, 30]");
        require(learningRate > 0 && learningRate < 1, "learning_rate must be in (0, 1)");
        require(waveWeight >= 0 && melWeight >= 0 && commitmentWeight >= 0, "loss weights must be ≥ 0");
        require(mmdWeight >= 0 && Double.isFinite(mmdWeight), "mmd_weight must be ≥ 0");
        require(quantizerDropout >= 0 && quantizerDropout <= 1, "quantizer_dropout must be in [0, 1]");
        require(checkpointEvery >= 1, "checkpoint_every must be ≥ 1");
        require(siSnrWeight >= 0 && Double.isFinite(siSnrWeight), "si_snr_weight must be ≥ 0");
        require(spectrumWeight >= 0 && Double.isFinite(spectrumWeight), "spectrum_weight must be ≥ 0");
        require(lrDecayFrom >= 0 && (lrDecayUntil == 0 && lrDecayFrom == 0 || lrDecayUntil > lrDecayFrom),
                "lr_decay_until must come after lr_decay_from");
    }

    /** Default {@link #quantizerDropout}: EnCodec's variable-bandwidth training. */
    public static final double DEFAULT_QUANTIZER_DROPOUT = 0.25;

    /** The recipe measured on this CPU (see ARCHITECTURE.md). */
    public static CodecTrainingConfig defaults() {
        return new CodecTrainingConfig(8, 1.0, 7e-4, 10.0, 1.0, 0.05, 0.0, DEFAULT_QUANTIZER_DROPOUT, 100, 1, 0.0,
                0, 0, false, null, 0);
    }

    public CodecTrainingConfig withMmdWeight(double w) {
        Draft d = new Draft(this);
        d.mmdWeight = w;
        return d.build();
    }

    public CodecTrainingConfig withSiSnrWeight(double w) {
        Draft d = new Draft(this);
        d.siSnrWeight = w;
        return d.build();
    }

    /** A cosine decay of the learning rate from step {@code from} to {@code until} (then constant). */
    public CodecTrainingConfig withLrDecay(long from, long until) {
        Draft d = new Draft(this);
        d.lrDecayFrom = from;
        d.lrDecayUntil = until;
        return d.build();
    }

    public CodecTrainingConfig withQuantizerDropout(double share) {
        Draft d = new Draft(this);
        d.quantizerDropout = share;
        return d.build();
    }

    /** Trains the decoder alone (see {@link #decoderOnly}). */
    public CodecTrainingConfig withDecoderOnly(boolean only) {
        Draft d = new Draft(this);
        d.decoderOnly = only;
        return d.build();
    }

    /** Another weight for the long-term average spectrum L1 (0: off). */
    public CodecTrainingConfig withSpectrumWeight(double w) {
        Draft d = new Draft(this);
        d.spectrumWeight = w;
        return d.build();
    }

    /** Trains adversarially (null: reconstruction losses only). */
    public CodecTrainingConfig withAdversarial(AdversarialConfig a) {
        Draft d = new Draft(this);
        d.adversarial = a;
        return d.build();
    }

    /** The learning rate of step {@code step} (0-based). */
    public double learningRateAt(long step) {
        if (lrDecayUntil == 0 || step <= lrDecayFrom) {
            return learningRate;
        }
        double t = Math.min(1.0, (step - lrDecayFrom) / (double) (lrDecayUntil - lrDecayFrom));
        double cosine = 0.5 * (1 + Math.cos(Math.PI * t));
        return learningRate * (LR_FINAL_FRACTION + (1 - LR_FINAL_FRACTION) * cosine);
    }

    public CodecTrainingConfig withSeed(long s) {
        Draft d = new Draft(this);
        d.seed = s;
        return d.build();
    }

    public CodecTrainingConfig withBatch(int batch, double seconds) {
        Draft d = new Draft(this);
        d.batchSize = batch;
        d.cropSeconds = seconds;
        return d.build();
    }

    public CodecTrainingConfig withCheckpointEvery(int every) {
        Draft d = new Draft(this);
        d.checkpointEvery = every;
        return d.build();
    }

    /** Other weights for the waveform L1 and the multi-scale log-mel L1. */
    public CodecTrainingConfig withReconstructionWeights(double wave, double mel) {
        Draft d = new Draft(this);
        d.waveWeight = wave;
        d.melWeight = mel;
        return d.build();
    }

    public CodecTrainingConfig withLearningRate(double lr) {
        Draft d = new Draft(this);
        d.learningRate = lr;
        return d.build();
    }

    /**
     * A changeable copy of a recipe, so each {@code withX} says only what it changes; {@link #build}
     * validates the result through the record's constructor.
     */
    private static final class Draft {
        private int batchSize;
        private double cropSeconds;
        private double learningRate;
        private double waveWeight;
        private double melWeight;
        private final double commitmentWeight;
        private double mmdWeight;
        private double quantizerDropout;
        private int checkpointEvery;
        private long seed;
        private double siSnrWeight;
        private long lrDecayFrom;
        private long lrDecayUntil;
        private boolean decoderOnly;
        private AdversarialConfig adversarial;
        private double spectrumWeight;

        private Draft(CodecTrainingConfig c) {
            batchSize = c.batchSize;
            cropSeconds = c.cropSeconds;
            learningRate = c.learningRate;
            waveWeight = c.waveWeight;
            melWeight = c.melWeight;
            commitmentWeight = c.commitmentWeight;
            mmdWeight = c.mmdWeight;
            quantizerDropout = c.quantizerDropout;
            checkpointEvery = c.checkpointEvery;
            seed = c.seed;
            siSnrWeight = c.siSnrWeight;
            lrDecayFrom = c.lrDecayFrom;
            lrDecayUntil = c.lrDecayUntil;
            decoderOnly = c.decoderOnly;
            adversarial = c.adversarial;
            spectrumWeight = c.spectrumWeight;
        }

        private CodecTrainingConfig build() {
            return new CodecTrainingConfig(batchSize, cropSeconds, learningRate, waveWeight, melWeight,
                    commitmentWeight, mmdWeight, quantizerDropout, checkpointEvery, seed, siSnrWeight,
                    lrDecayFrom, lrDecayUntil, decoderOnly, adversarial, spectrumWeight);
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("invalid codec training config: " + message);
        }
    }
}
