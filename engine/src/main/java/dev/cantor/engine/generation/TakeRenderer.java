package dev.cantor.engine.generation;

import dev.cantor.engine.api.AudioStreamListener;
import dev.cantor.engine.api.CancellationToken;
import dev.cantor.engine.api.GenerationResult;
import dev.cantor.engine.api.ProgressListener;
import dev.cantor.engine.api.ProgressStage;
import dev.cantor.engine.api.TakesResult;
import dev.cantor.engine.audio.AudioClip;
import dev.cantor.engine.codec.CodecModel;
import dev.cantor.engine.lm.LmCondition;
import dev.cantor.engine.api.SamplingParams;
import dev.cantor.engine.sampling.TokenGenerator;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes the takes of one request: tokens for every seed from the language model in one batch,
 * then audio from the codec — decoded once at the end, or chunk by chunk while the tokens are
 * sampled when a stream listens ({@link StreamingDecoder}). Audio to continue keeps the
 * musician's own samples; only the new part comes from the decoder.
 */
final class TakeRenderer {

    private final TokenGenerator generator;
    private final CodecModel codec;

    TakeRenderer(TokenGenerator generator, CodecModel codec) {
        this.generator = generator;
        this.codec = codec;
    }

    /**
     * What to make.
     *
     * @param condition   what the music is conditioned on
     * @param prompt      tokens to continue, [K][p], or null
     * @param promptAudio the audio those tokens came from (at the codec's rate), or null
     * @param frames      new frames to make
     */
    record Job(LmCondition condition, int[][] prompt, float[] promptAudio, int frames) {
    }

    /** Takes of {@code job}, take i drawn with {@code seeds[i]} and the rest of {@code params}. */
    TakesResult render(Job job, SamplingParams params, long[] seeds, ProgressListener progress,
                       AudioStreamListener stream, CancellationToken cancel) {
        cancel.throwIfCancelled();
        int hop = codec.config().hopLength();
        int total = (job.prompt() == null ? 0 : job.prompt()[0].length) + job.frames();
        StreamingDecoder.Shaper shaper = continuation(job.prompt(), job.promptAudio());
        StreamingDecoder streaming = stream == AudioStreamListener.NONE ? null
                : new StreamingDecoder(codec, seeds.length, total, shaper, stream);
        long t0 = System.nanoTime();
        int[][][] codes = generator.generateTakes(job.condition(), job.prompt(), job.frames(),
                generator.defaultContextFrames(), params, seeds,
                (done, all) -> progress.onProgress(done, all, ProgressStage.GENERATING),
                streaming == null ? TokenGenerator.FrameSink.NONE : streaming, cancel);
        double sampling = (System.nanoTime() - t0) / 1e9;
        cancel.throwIfCancelled();
        progress.onProgress(0, 1, ProgressStage.DECODING);
        List<float[]> audio = new ArrayList<>();
        double[] decode = new double[seeds.length];
        double lm;
        if (streaming != null) {
            lm = sampling - streaming.decodeSeconds();     // the chunks were decoded between the steps
            streaming.onFinal(codes, total);               // a no-op unless the last frame came before the end
            for (int t = 0; t < seeds.length; t++) {
                audio.add(streaming.audio(t));
                decode[t] = streaming.decodeSeconds(t);
            }
        } else {
            lm = sampling;
            for (int t = 0; t < seeds.length; t++) {
                long d0 = System.nanoTime();
                float[] samples = codec.decode(codes[t], total * hop);
                shaper.shape(0, samples);
                audio.add(samples);
                decode[t] = (System.nanoTime() - d0) / 1e9;
            }
        }
        progress.onProgress(1, 1, ProgressStage.DECODING);
        List<GenerationResult> takes = new ArrayList<>();
        List<Long> seedList = new ArrayList<>();
        double decodeAll = 0;
        for (int t = 0; t < seeds.length; t++) {
            takes.add(new GenerationResult(new AudioClip(audio.get(t), codec.config().sampleRate()), codes[t],
                    lm / seeds.length, decode[t]));
            seedList.add(seeds[t]);
            decodeAll += decode[t];
        }
        return new TakesResult(takes, seedList, lm, decodeAll);
    }

    /**
     * Keeps the musician's audio as it was over the continued frames, joined to the decoder's
     * audio by a one-frame crossfade so the seam does not click; nothing to do without a prompt.
     */
    private StreamingDecoder.Shaper continuation(int[][] prompt, float[] promptAudio) {
        if (promptAudio == null) {
            return StreamingDecoder.Shaper.NONE;
        }
        int hop = codec.config().hopLength();
        int keep = Math.min(promptAudio.length, prompt[0].length * hop);
        int fade = Math.min(hop, keep);
        return (offset, samples) -> {
            int end = Math.min(samples.length, keep - offset);
            for (int i = 0; i < end; i++) {
                int at = offset + i;
                double w = at < keep - fade ? 1.0 : (keep - at) / (double) (fade + 1);
                samples[i] = (float) (w * promptAudio[at] + (1 - w) * samples[i]);
            }
        };
    }
}
