package dev.cantor.engine.finetune;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A fine-tune's settings and progress, kept in the new model's folder ({@code finetune/job.json})
 * so it can be resumed after a pause, a crash or a kill, and so its model card can tell how it
 * was made.
 *
 * @param format         always "cantor-finetune"
 * @param version        schema version
 * @param library        the library folder
 * @param baseModel      the model it started from
 * @param steps          training steps to run, or 0 when a time budget is set
 * @param minutes        training minutes to run, or 0 when a step count is set
 * @param clipSeconds    length of the clips the library is cut into
 * @param learningRate   peak learning rate
 * @param batchSize      windows per step
 * @param seed           seed of the run
 * @param trainFiles     files learned from
 * @param validationFiles files held out
 * @param skippedFiles   files not used (unreadable, too short, duplicates)
 * @param trainClips     clips learned from
 * @param validationClips clips held out
 * @param valLossBefore  validation cross-entropy of the base model (nats), or null before it is measured
 * @param valLossAfter   validation cross-entropy after the fine-tune, or null until it ends
 * @param stepsDone      steps done so far
 * @param trainMinutes   minutes spent training so far
 * @param finished       true once the model is complete
 * @param codec          the codec's own fine-tune, or null when the base codec is kept unchanged
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FineTuneState(
        @JsonProperty("format") String format,
        @JsonProperty("version") int version,
        @JsonProperty("library") String library,
        @JsonProperty("base_model") String baseModel,
        @JsonProperty("steps") long steps,
        @JsonProperty("minutes") double minutes,
        @JsonProperty("clip_seconds") double clipSeconds,
        @JsonProperty("learning_rate") double learningRate,
        @JsonProperty("batch_size") int batchSize,
        @JsonProperty("seed") long seed,
        @JsonProperty("train_files") int trainFiles,
        @JsonProperty("validation_files") int validationFiles,
        @JsonProperty("skipped_files") int skippedFiles,
        @JsonProperty("train_clips") int trainClips,
        @JsonProperty("validation_clips") int validationClips,
        @JsonProperty("val_loss_before") Double valLossBefore,
        @JsonProperty("val_loss_after") Double valLossAfter,
        @JsonProperty("steps_done") long stepsDone,
        @JsonProperty("train_minutes") double trainMinutes,
        @JsonProperty("finished") boolean finished,
        @JsonProperty("codec") CodecTuning codec) {

    public static final String FORMAT = "cantor-finetune";
    public static final int VERSION = 1;

    FineTuneState withClips(int trainClipCount, int validationClipCount) {
        return new FineTuneState(format, version, library, baseModel, steps, minutes, clipSeconds, learningRate,
                batchSize, seed, trainFiles, validationFiles, skippedFiles, trainClipCount, validationClipCount,
                valLossBefore, valLossAfter, stepsDone, trainMinutes, finished, codec);
    }

    FineTuneState withBefore(double loss) {
        return new FineTuneState(format, version, library, baseModel, steps, minutes, clipSeconds, learningRate,
                batchSize, seed, trainFiles, validationFiles, skippedFiles, trainClips, validationClips, loss,
                valLossAfter, stepsDone, trainMinutes, finished, codec);
    }

    FineTuneState withProgress(long done, double trainedMinutes) {
        return new FineTuneState(format, version, library, baseModel, steps, minutes, clipSeconds, learningRate,
                batchSize, seed, trainFiles, validationFiles, skippedFiles, trainClips, validationClips, valLossBefore,
                valLossAfter, done, trainedMinutes, finished, codec);
    }

    FineTuneState withCodec(CodecTuning tuning) {
        return new FineTuneState(format, version, library, baseModel, steps, minutes, clipSeconds, learningRate,
                batchSize, seed, trainFiles, validationFiles, skippedFiles, trainClips, validationClips, valLossBefore,
                valLossAfter, stepsDone, trainMinutes, finished, tuning);
    }

    /** True when the codec is fine-tuned too. */
    public boolean tunesCodec() {
        return codec != null;
    }

    /** Seconds of training the language model may use under a time budget (the codec's share taken off). */
    double lmBudgetSeconds() {
        return (minutes - (codec == null ? 0 : codec.minutes())) * 60;
    }

    FineTuneState finishedWith(double lossAfter) {
        return new FineTuneState(format, version, library, baseModel, steps, minutes, clipSeconds, learningRate,
                batchSize, seed, trainFiles, validationFiles, skippedFiles, trainClips, validationClips, valLossBefore,
                lossAfter, stepsDone, trainMinutes, true, codec);
    }
}
