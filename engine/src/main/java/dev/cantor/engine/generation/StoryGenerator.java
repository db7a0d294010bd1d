package dev.cantor.engine.generation;

import dev.cantor.engine.api.CancellationToken;
import dev.cantor.engine.api.ProgressListener;
import dev.cantor.engine.api.ProgressStage;
import dev.cantor.engine.api.SamplingParams;
import dev.cantor.engine.api.StoryRequest;
import dev.cantor.engine.lm.LmCondition;
import dev.cantor.engine.sampling.TokenGenerator;
import java.util.List;

/**
 * Story mode as one token stream: every section continues from the tokens before it (the
 * sliding context of long generation) under its own condition. Across a transition the
 * condition moves from the old section to the new in short chunks: the text embeddings are
 * mixed with a weight that rises from 0 to 1, the tempo glides, key and mode switch half way.
 * The beat clock's phase is carried from chunk to chunk, so the groove runs on through every
 * change instead of restarting on a downbeat. The stream is decoded once at the end, so there
 * is no seam in the audio that the tokens do not have.
 */
final class StoryGenerator {

    /** Frames per chunk inside a transition (0.2 s at 50 Hz): the condition changes this often. */
    static final int TRANSITION_CHUNK = 10;

    private final TokenGenerator generator;
    private final double frameRate;

    StoryGenerator(TokenGenerator generator, double frameRate) {
        this.generator = generator;
        this.frameRate = frameRate;
    }

    /** What generating a story produced, before decoding. */
    record Tokens(int[][] codes, int[] sectionStart) {
    }

    /**
     * @param conditions one per section (text, tempo, key, mode, melody), from the engine
     * @param progress   frames done of all frames, in {@link ProgressStage#section} stages
     */
    Tokens generate(StoryRequest request, List<LmCondition> conditions, int numCodebooks, ProgressListener progress,
                    CancellationToken cancel) {
        return render(request, conditions, numCodebooks, null, -1, true, progress, cancel);
    }

    /** The first frame of each section for this request, and the total at the end. */
    int[] layout(StoryRequest request) {
        int n = request.sections().size();
        int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) {
            start[i + 1] = start[i] + Math.max(1, (int) Math.round(request.sections().get(i).seconds() * frameRate));
        }
        return start;
    }

    /**
     * Renders section {@code index} anew, keeping the tokens before it from {@code previous}; the
     * sections after it are rendered anew too ({@code following}) or kept as they were.
     */
    Tokens regenerate(StoryRequest request, List<LmCondition> conditions, int numCodebooks, Tokens previous,
                      int index, boolean following, ProgressListener progress, CancellationToken cancel) {
        return render(request, conditions, numCodebooks, previous, index, following, progress, cancel);
    }

    private Tokens render(StoryRequest request, List<LmCondition> conditions, int numCodebooks, Tokens previous,
                          int index, boolean following, ProgressListener progress, CancellationToken cancel) {
        int n = request.sections().size();
        int[] start = layout(request);
        int total = start[n];
        int[][] stream = new int[numCodebooks][total];
        if (previous != null) {
            for (int k = 0; k < numCodebooks; k++) {
                System.arraycopy(previous.codes()[k], 0, stream[k], 0, start[index]);
                if (!following && index + 1 < n) {
                    System.arraycopy(previous.codes()[k], start[index + 1], stream[k], start[index + 1],
                            total - start[index + 1]);
                }
            }
        }
        int transition = (int) Math.round(request.transitionSeconds() * frameRate);
        double phase = 0;
        int made = 0;
        for (int i = 0; i < n; i++) {
            StoryRequest.Section section = request.sections().get(i);
            ProgressStage stage = ProgressStage.section(i, n);
            int frames = start[i + 1] - start[i];
            int fade = i == 0 ? 0 : Math.min(transition, frames - 1);
            int done = 0;
            int chunkIndex = 0;
            boolean make = previous == null || i == index || (following && i > index);
            while (done < frames) {
                cancel.throwIfCancelled();
                int chunk = done < fade ? Math.min(TRANSITION_CHUNK, fade - done) : frames - done;
                double weight = done < fade ? (done + chunk / 2.0) / fade : 1.0;
                LmCondition c = blend(i == 0 ? null : conditions.get(i - 1), conditions.get(i), weight)
                        .melodyFrom(done).withBeatPhase(phase);
                if (make) {                        // else the tokens were kept from before: only the clock moves
                    int[][] prompt = tail(stream, made, generator.defaultContextFrames());
                    SamplingParams params = request.sampling().withSeed(section.seed() * 1_000_003L + chunkIndex);
                    int before = made;
                    int[][] out = generator.generate(c, prompt, chunk, generator.defaultContextFrames(), params,
                            (d, t) -> progress.onProgress(before + d, total, stage), cancel);
                    int p = prompt == null ? 0 : prompt[0].length;
                    for (int k = 0; k < numCodebooks; k++) {
                        System.arraycopy(out[k], p, stream[k], made, chunk);
                    }
                }
                if (c.tempoBpm() != null) {
                    phase += chunk * c.tempoBpm() / 60.0 / frameRate;
                }
                made += chunk;
                done += chunk;
                chunkIndex++;
            }
        }
        return new Tokens(stream, start);
    }

    /** The condition {@code weight} of the way from {@code from} to {@code to} (from null: just {@code to}). */
    static LmCondition blend(LmCondition from, LmCondition to, double weight) {
        if (from == null || weight >= 1) {
            return to;
        }
        float[] text = mix(from.text(), to.text(), weight);
        Double tempo;
        if (from.tempoBpm() != null && to.tempoBpm() != null) {
            tempo = from.tempoBpm() + weight * (to.tempoBpm() - from.tempoBpm());
        } else {
            tempo = weight < 0.5 ? from.tempoBpm() : to.tempoBpm();      // one of them has no tempo
        }
        boolean late = weight >= 0.5;
        return new LmCondition(text, tempo, late ? to.keyRoot() : from.keyRoot(), late ? to.mode() : from.mode(),
                to.melody(), late ? to.descriptors() : from.descriptors());
    }

    /** Unit-length mix of two sentence embeddings; with one missing, the other until half way. */
    private static float[] mix(float[] a, float[] b, double w) {
        if (a == null || b == null) {
            return w < 0.5 ? a : b;
        }
        float[] m = new float[a.length];
        double norm = 0;
        for (int i = 0; i < m.length; i++) {
            m[i] = (float) ((1 - w) * a[i] + w * b[i]);
            norm += m[i] * m[i];
        }
        float scale = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 1f;
        for (int i = 0; i < m.length; i++) {
            m[i] *= scale;
        }
        return m;
    }

    /** The last {@code max} frames made so far, or null at the start. */
    private static int[][] tail(int[][] stream, int made, int max) {
        if (made == 0) {
            return null;
        }
        int from = Math.max(0, made - max);
        int[][] out = new int[stream.length][made - from];
        for (int k = 0; k < stream.length; k++) {
            System.arraycopy(stream[k], from, out[k], 0, made - from);
        }
        return out;
    }
}
