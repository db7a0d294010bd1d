package dev.cantor.engine.api.finetune;

/** What a running fine-tune reports besides progress (called on its thread; keep it cheap). */
public interface FineTuneListener {

    FineTuneListener NONE = new FineTuneListener() { };

    /** A new phase: "tokenizing", "measuring the base model", "training", "measuring the result". */
    default void onPhase(String phase) {
    }

    default void onStep(long step, double loss) {
    }

    default void onValidation(long step, double loss) {
    }

    /** A codec training step: its loss and the batch's reconstruction SI-SNR (dB). */
    default void onCodecStep(long step, double loss, double batchSiSnrDb) {
    }

    /** The codec measured on the held-out files, before ({@code after} false) or after its training. */
    default void onCodecFigures(boolean after, CodecFigures figures) {
    }
}
