package dev.cantor.engine.finetune;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cantor.engine.api.finetune.CodecFigures;
import dev.cantor.engine.api.finetune.FineTuneRequest;

/**
 * The codec's part of a fine-tune (saved in {@code finetune/job.json}): its budget, its progress,
 * and how well it reconstructs the held-out files before and after.
 *
 * @param steps        codec steps to run, or 0 under a time budget
 * @param minutes      codec training minutes (its share of the time budget), or 0 under a step budget
 * @param learningRate Adam step size
 * @param stepsDone    steps done so far
 * @param trainMinutes minutes spent training the codec so far
 * @param before       the base codec on the held-out files, or null before it is measured
 * @param after        the tuned codec on the held-out files, or null until its training ends
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CodecTuning(
        @JsonProperty("steps") long steps,
        @JsonProperty("minutes") double minutes,
        @JsonProperty("learning_rate") double learningRate,
        @JsonProperty("steps_done") long stepsDone,
        @JsonProperty("train_minutes") double trainMinutes,
        @JsonProperty("before") CodecFigures before,
        @JsonProperty("after") CodecFigures after) {

    static final double LEARNING_RATE = 2e-4;

    /** The codec's budget within a fine-tune of {@code steps} steps or {@code minutes} minutes. */
    static CodecTuning budget(long steps, double minutes) {
        return new CodecTuning(steps, minutes * FineTuneRequest.CODEC_TIME_SHARE, LEARNING_RATE, 0, 0, null, null);
    }

    /** True once the tuned codec is measured and saved. */
    public boolean finished() {
        return after != null;
    }

    CodecTuning withBefore(CodecFigures figures) {
        return new CodecTuning(steps, minutes, learningRate, stepsDone, trainMinutes, figures, after);
    }

    CodecTuning withProgress(long done, double trainedMinutes) {
        return new CodecTuning(steps, minutes, learningRate, done, trainedMinutes, before, after);
    }

    CodecTuning finishedWith(CodecFigures figures) {
        return new CodecTuning(steps, minutes, learningRate, stepsDone, trainMinutes, before, figures);
    }
}
