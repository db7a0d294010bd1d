package dev.cantor.engine.sampling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.cantor.engine.api.CancellationToken;
import dev.cantor.engine.api.SamplingParams;
import dev.cantor.engine.lm.KvCache;
import dev.cantor.engine.lm.LmCondition;
import dev.cantor.engine.lm.LmConfig;
import dev.cantor.engine.lm.TransformerLm;
import dev.cantor.engine.nn.ParameterStore;
import dev.cantor.engine.patterns.DelayPattern;
import dev.cantor.engine.runtime.IntraOpThreads;
import java.util.ArrayList;
import java.util.List;

/**
 * Samples codec tokens from the language model, one delayed step at a time with a KV cache.
 * With guidance ≠ 1 the conditional and unconditional rows run as one batch of two; the
 * combination and the draw happen in Java on the step's logits.
 *
 * <p>A model with learned positions makes pieces longer than its window with a sliding window
 * (MusicLM): each new window starts from the last {@code contextFrames} frames already made, fed
 * in as a prompt. A model with rotary positions makes the whole piece in one pass: its KV cache
 * keeps the last window of steps, so every frame is made with a full window of context.
 */
public final class TokenGenerator {

    /** Called after every frame made: frames done so far, frames to make in total. */
    @FunctionalInterface
    public interface FrameListener {
        void onFrames(int done, int total);
    }

    private final TransformerLm lm;
    private final LmConfig config;
    private final DelayPattern pattern;

    public TokenGenerator(TransformerLm lm) {
        this.lm = lm;
        this.config = lm.config();
        this.pattern = new DelayPattern(config.numCodebooks());
    }

    /**
     * Frames of context a continuation starts from, and with learned positions also the context
     * carried into each new window: half the window. With rotary positions, all but one frame of
     * the window.
     */
    public int defaultContextFrames() {
        return config.rotaryPositions() ? config.maxFrames() - 1 : config.maxFrames() / 2;
    }

    /** The fewest frames of context any generated frame is made with, once that many exist. */
    public int guaranteedContextFrames(int contextFrames) {
        return config.rotaryPositions() ? config.maxFrames() - 1 : contextFrames;
    }

    /**
     * Generates {@code frames} new frames after {@code prompt} ([K][p] codes, p may be 0).
     * The melody of the condition is aligned with the new frames (its frame 0 is the first new
     * frame). Returns the prompt followed by the new frames, [K][p + frames].
     */
    public int[][] generate(LmCondition condition, int[][] prompt, int frames, int contextFrames,
                            SamplingParams params, FrameListener listener, CancellationToken cancel) {
        int k = config.numCodebooks();
        int p = prompt == null ? 0 : prompt[0].length;
        if (frames < 1) {
            throw new IllegalArgumentException("nothing to generate: frames must be ≥ 1");
        }
        if (contextFrames < 0 || contextFrames >= config.maxFrames()) {
            throw new IllegalArgumentException("context must be 0.." + (config.maxFrames() - 1) + " frames");
        }
        int[][] all = new int[k][p + frames];
        for (int c = 0; c < k && p > 0; c++) {
            System.arraycopy(prompt[c], 0, all[c], 0, p);
        }
        TokenSampler sampler = new TokenSampler(params, config.codebookSize());
        try (IntraOpThreads threads = IntraOpThreads.forSampling()) {
            return generateAll(condition, all, p, frames, contextFrames, params, sampler, listener, cancel);
        }
    }

    private int[][] generateAll(LmCondition condition, int[][] all, int p, int frames, int contextFrames,
                                SamplingParams params, TokenSampler sampler, FrameListener listener,
                                CancellationToken cancel) {
        int k = config.numCodebooks();
        int made = p;
        while (made < p + frames) {
            int context = Math.min(made, made == p ? Math.min(p, config.maxFrames() - 1) : contextFrames);
            int start = made - context;
            int count = config.rotaryPositions() ? p + frames - made
                    : Math.min(config.maxFrames() - context, p + frames - made);
            int[] melody = new int[context + count];
            for (int f = 0; f < melody.length; f++) {
                melody[f] = condition.melodyAt(start + f - p);
            }
            int[][] windowPrompt = slice(all, start, context);
            int base = made - p;
            int[][] window = generateWindow(condition, melody, start - p, windowPrompt, count, params, sampler,
                    (done, total) -> listener.onFrames(base + done, frames), cancel);
            for (int c = 0; c < k; c++) {
                System.arraycopy(window[c], context, all[c], made, count);
            }
            made += count;
        }
        return all;
    }

    /**
     * One window: {@code prompt} [K][c] known frames then {@code count} sampled ones, c + count ≤
     * max frames. {@code melody} has one symbol (0..13) per frame of the window; the window's first
     * frame is frame {@code firstFrame} of the piece (0 = the first generated frame, where the
     * beat clock starts on a downbeat; prompt frames are negative).
     */
    int[][] generateWindow(LmCondition condition, int[] melody, int firstFrame, int[][] prompt, int count,
                           SamplingParams params,
                           TokenSampler sampler, FrameListener listener, CancellationToken cancel) {
        int k = config.numCodebooks();
        int v = config.codebookSize();
        int c = prompt == null ? 0 : prompt[0].length;
        int frames = c + count;
        int steps = pattern.steps(frames);
        boolean guided = params.guidance() != 1.0;
        int rows = guided ? 2 : 1;
        List<LmCondition> conditions = new ArrayList<>(List.of(condition));
        if (guided) {
            conditions.add(LmCondition.NONE);
        }
        int[][] delayed = new int[k][steps];
        for (int[] row : delayed) {
            java.util.Arrays.fill(row, config.emptyToken());
        }
        for (int cb = 0; cb < k; cb++) {
            for (int f = 0; f < c; f++) {
                delayed[cb][f + cb] = prompt[cb][f];
            }
        }
        float[] guidedRow = new float[v];
        int[] firstFrames = new int[rows];
        try (NDManager session = lm.manager().newSubManager(); KvCache cache = lm.newCache(session)) {
            NDArray frameCondition = lm.frameCondition(lm.parameters().bind(session), session, conditions);
            // The prefix and the steps whose every cell is a prompt frame (steps 0..c-1) in one pass.
            try (NDManager m = session.newSubManager()) {
                ParameterStore.Bound p = lm.parameters().bind(m);
                NDArray x = lm.embedPrefix(p, m, conditions);
                if (c > 0) {
                    java.util.Arrays.fill(firstFrames, firstFrame);
                    x = x.concat(lm.embedSteps(p, m, stepInputs(delayed, 0, c, rows),
                            stepMelody(melody, 0, c, rows, guided), lm.beatClock(conditions, firstFrames, c),
                            frameCondition, rows, c, 0), 1);
                }
                lm.hidden(p, x, cache, 0f);
            }
            for (int s = c; s < steps; s++) {
                cancel.throwIfCancelled();
                float[] logits;
                try (NDManager m = session.newSubManager()) {
                    ParameterStore.Bound p = lm.parameters().bind(m);
                    java.util.Arrays.fill(firstFrames, firstFrame + s);
                    NDArray x = lm.embedSteps(p, m, stepInputs(delayed, s, 1, rows),
                            stepMelody(melody, s, 1, rows, guided), lm.beatClock(conditions, firstFrames, 1),
                            frameCondition, rows, 1, s);
                    logits = lm.logits(p, lm.hidden(p, x, cache, 0f)).toFloatArray();   // [rows, 1, K, V]
                }
                for (int cb = 0; cb < k; cb++) {
                    int frame = DelayPattern.frameAt(cb, s);
                    if (frame < c || frame >= frames) {
                        continue;                       // a prompt cell (already set) or padding
                    }
                    if (guided) {
                        TokenSampler.guide(logits, cb * v, logits, (k + cb) * v, v, params.guidance(), guidedRow);
                        delayed[cb][s] = sampler.sample(guidedRow, 0);
                    } else {
                        delayed[cb][s] = sampler.sample(logits, cb * v);
                    }
                }
                int complete = pattern.framesComplete(s + 1) - c;
                if (complete > 0) {
                    listener.onFrames(complete, count);
                }
            }
        }
        return pattern.revert(delayed);
    }

    /** The inputs of steps [from, from + n): the previous step's cells, "empty" before step 0. */
    private int[] stepInputs(int[][] delayed, int from, int n, int rows) {
        int k = config.numCodebooks();
        int[] out = new int[rows * n * k];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < n; i++) {
                int s = from + i;
                for (int cb = 0; cb < k; cb++) {
                    out[(r * n + i) * k + cb] = s == 0 ? config.emptyToken() : delayed[cb][s - 1];
                }
            }
        }
        return out;
    }

    /** Melody symbol of steps [from, from + n) per row; the unconditional row has none. */
    private static int[] stepMelody(int[] melody, int from, int n, int rows, boolean guided) {
        int[] out = new int[rows * n];
        for (int i = 0; i < n; i++) {
            int s = from + i;
            out[i] = s < melody.length ? melody[s] : LmCondition.MELODY_NONE;
            if (guided) {
                out[n + i] = LmCondition.MELODY_NONE;
            }
        }
        return out;
    }

    private static int[][] slice(int[][] codes, int start, int length) {
        int[][] out = new int[codes.length][length];
        for (int c = 0; c < codes.length; c++) {
            System.arraycopy(codes[c], start, out[c], 0, length);
        }
        return out;
    }
}
