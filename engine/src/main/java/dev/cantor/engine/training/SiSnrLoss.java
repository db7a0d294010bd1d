package dev.cantor.engine.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Negative scale-invariant signal-to-noise ratio in dB, averaged over a batch: the figure the
 * codec is judged by, as a loss. Log-mel and L1 terms leave the phase of each partial nearly
 * free, so a codec trained on them alone reaches a good spectrogram long before it matches the
 * waveform; this term pulls the decoder towards the waveform itself (Conv-TasNet trains on it).
 */
public final class SiSnrLoss {

    /** Keeps silent crops finite: both energies get this, so silence scores 0 dB, not NaN. */
    private static final float EPS = 1e-8f;
    private static final float DB_PER_NEPER = (float) (10 / Math.log(10));

    private SiSnrLoss() {
    }

    /**
     * @param estimate  [B, 1, T] reconstruction (receives the gradient)
     * @param reference [B, 1, T] original audio
     * @return scalar: −mean over the batch of SI-SNR(reference, estimate) in dB
     */
    public static NDArray negativeDb(NDArray estimate, NDArray reference) {
        long batch = reference.getShape().get(0);
        long samples = reference.getShape().get(2);
        Shape rows = new Shape(batch, samples);
        NDArray x = centred(reference.reshape(rows));
        NDArray y = centred(estimate.reshape(rows));
        NDArray scale = x.mul(y).sum(new int[] {1}, true).div(x.square().sum(new int[] {1}, true).add(EPS));
        NDArray target = x.mul(scale);
        NDArray noise = y.sub(target);
        NDArray ratio = target.square().sum(new int[] {1}).add(EPS).div(noise.square().sum(new int[] {1}).add(EPS));
        return ratio.log().mul(-DB_PER_NEPER).mean();
    }

    private static NDArray centred(NDArray rows) {
        return rows.sub(rows.mean(new int[] {1}, true));
    }
}
