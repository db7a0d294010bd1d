package dev.cantor.engine.api;

import dev.cantor.engine.audio.AudioClip;
import dev.cantor.engine.audio.LoopPoints;

/**
 * A loop {@link MusicEngine#generateLoop} made: audio that runs from its end into its start, with
 * the loop points a sampler reads (write them with
 * {@link dev.cantor.engine.audio.WavWriter#write(java.nio.file.Path, AudioClip,
 * dev.cantor.engine.audio.SampleFormat, dev.cantor.engine.io.AtomicFiles.Replacing, LoopPoints)}).
 *
 * @param audio         the loop, {@link LoopPlan#samples} long at its sample rate
 * @param points        where a sampler loops it: the whole clip, first frame to last
 * @param plan          its bars, meter and tempo, and how it was made
 * @param codes         the codec tokens of the music made, [K][frames]: the lead-in and the loop
 * @param lmSeconds     wall time spent sampling tokens
 * @param decodeSeconds wall time spent decoding tokens to audio
 */
public record LoopResult(AudioClip audio, LoopPoints points, LoopPlan plan, int[][] codes, double lmSeconds,
                         double decodeSeconds) {

    public LoopResult {
        if (points.start() != 0 || points.end() != audio.samples().length - 1L) {
            throw new IllegalArgumentException("a loop's points span the whole clip");
        }
    }

    /** Whole bars in the loop, or 0 when it is not bar-aligned (the prompt named no tempo). */
    public int bars() {
        return plan.bars();
    }

    /** Beats per bar: 3 (a waltz) or 4. */
    public int beatsPerBar() {
        return plan.beatsPerBar();
    }

    /** The tempo the bars are counted at, or null. */
    public Double tempoBpm() {
        return plan.tempoBpm();
    }
}
