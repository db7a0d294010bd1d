package dev.cantor.engine.api.finetune;

import java.nio.file.Path;

/**
 * What to fine-tune.
 *
 * @param library   the imported library (with its captions and split)
 * @param baseModel the model folder to start from
 * @param out       the new model's folder (empty or missing)
 * @param steps     training steps, or 0 to use {@code minutes}
 * @param minutes   training minutes, or 0 to use {@code steps}
 * @param seed      seed of the run
 * @param tuneCodec also fine-tune the codec, first ({@link #CODEC_TIME_SHARE} of a time budget;
 *                  under a step budget, as many codec steps as LM steps)
 */
public record FineTuneRequest(TrainingLibrary library, Path baseModel, Path out, long steps, double minutes, long seed,
                              boolean tuneCodec) {

    /** The share of a time budget the codec gets when it is tuned too (the language model gets the rest). */
    public static final double CODEC_TIME_SHARE = 0.3;
}
