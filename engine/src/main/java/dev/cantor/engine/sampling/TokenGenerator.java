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
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Samples codec tokens from the language model, one delayed step at a time with a KV cache.
 * With guidance ≠ 1 the conditional and unconditional rows run as one batch of two (2N for N
 * takes made together; 3N with {@link KeyGuidance}'s keyless rows); the combination and the draw
 * happen in Java on the step's logits.
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

    /** Hears how far the takes' pieces are final, for consumers that start before the end (streaming). */
    @FunctionalInterface
    public interface FrameSink {

        /** A sink that ignores every report. */
        FrameSink NONE = (pieces, complete) -> { };

        /**
         * Frames [0, complete) of every take's piece ([take][K][frames]) are final and will not
         * change. The arrays are those {@link #generateTakes} fills and returns: read them, never
         * write them. Called on the generating thread between steps, so a slow sink slows
         * generation.
         */
        void onFinal(int[][][] pieces, int complete);
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
        return generateTakes(condition, prompt, frames, contextFrames, params, new long[] {params.seed()}, listener,
                FrameSink.NONE, cancel)[0];
    }

    /**
     * Several takes of one request at once, take i drawn with seed {@code seeds[i]} (the other
     * settings from {@code params}): every step runs all takes through the LM as one batch, the
     * conditional rows of the takes then their unconditional rows (2N rows with guidance, N
     * without, 3N with key guidance's keyless rows), so the per-op overhead that dominates a step
     * on the CPU is paid once for all of them. Each take has its own sampler and random stream,
     * drawn in the order a single run draws, and every row of the batch is computed as it would
     * be alone (PyTorch's CPU kernels reduce each row in the same order whatever the batch size),
     * so take i is the single run with seed {@code seeds[i]} token for token:
     * {@code TokenGeneratorBatchTest} checks it on both kinds of positions, and the shipped model's
     * takes are byte-identical to its single runs. A kernel that rounded differently by batch size
     * would show there first.
     *
     * <p>{@code sink} hears, after every step that completes a frame (and first of all for the
     * prompt), how many frames of every take are final; those frames never change again.
     *
     * @return [take][K][p + frames]: each take's prompt followed by its new frames
     */
    public int[][][] generateTakes(LmCondition condition, int[][] prompt, int frames, int contextFrames,
                                   SamplingParams params, long[] seeds, FrameListener listener, FrameSink sink,
                                   CancellationToken cancel) {
        int k = config.numCodebooks();
        int p = prompt == null ? 0 : prompt[0].length;
        if (frames < 1) {
            throw new IllegalArgumentException("nothing to generate: frames must be ≥ 1");
        }
        if (contextFrames < 0 || contextFrames >= config.maxFrames()) {
            throw new IllegalArgumentException("context must be 0.." + (config.maxFrames() - 1) + " frames");
        }
        if (seeds.length < 1) {
            throw new IllegalArgumentException("at least one take");
        }
        int[][][] all = new int[seeds.length][k][p + frames];
        TokenSampler[] samplers = new TokenSampler[seeds.length];
        for (int t = 0; t < seeds.length; t++) {
            for (int c = 0; c < k && p > 0; c++) {
                System.arraycopy(prompt[c], 0, all[t][c], 0, p);
            }
            samplers[t] = new TokenSampler(params.withSeed(seeds[t]), config.codebookSize());
        }
        if (p > 0) {
            sink.onFinal(all, p);
        }
        try (IntraOpThreads threads = IntraOpThreads.forSampling()) {
            generateAll(condition, all, p, frames, contextFrames, params, samplers, listener, sink, cancel);
        }
        return all;
    }

    private void generateAll(LmCondition condition, int[][][] all, int p, int frames, int contextFrames,
                             SamplingParams params, TokenSampler[] samplers, FrameListener listener, FrameSink sink,
                             CancellationToken cancel) {
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
            int base = made - p;
            Window window = new Window(melody, start - p, start, context, count);
            generateWindow(condition, window, all, params, samplers,
                    (done, total) -> listener.onFrames(base + done, frames), sink, cancel);
            made += count;
        }
    }

    /**
     * Where a window stands in the piece: it starts at frame {@code start} of the piece (frame
     * {@code firstFrame} counted from the first generated frame, where the beat clock starts on a
     * downbeat; prompt frames are negative), begins with {@code context} known frames and samples
     * {@code count} more, context + count ≤ max frames. {@code melody} has one symbol (0..13) per
     * frame of the window.
     */
    private record Window(int[] melody, int firstFrame, int start, int context, int count) {
    }

    /**
     * One window for every take: its context frames are read from {@code pieces} and each frame
     * sampled is written there as soon as its last codebook is drawn.
     */
    private void generateWindow(LmCondition condition, Window w, int[][][] pieces, SamplingParams params,
                                TokenSampler[] samplers, FrameListener listener, FrameSink sink,
                                CancellationToken cancel) {
        int k = config.numCodebooks();
        int v = config.codebookSize();
        int takes = pieces.length;
        int c = w.context();
        int frames = c + w.count();
        int steps = pattern.steps(frames);
        boolean guided = params.guidance() != 1.0;
        boolean keyGuided = guided && KeyGuidance.applies(condition, params, c);
        List<LmCondition> conditions = new ArrayList<>(Collections.nCopies(takes, condition));
        if (guided) {
            conditions.addAll(Collections.nCopies(takes, LmCondition.NONE));
        }
        if (keyGuided) {
            conditions.addAll(Collections.nCopies(takes, KeyGuidance.keyless(condition)));
        }
        int rows = conditions.size();
        int[][][] delayed = new int[takes][k][steps];
        for (int t = 0; t < takes; t++) {
            for (int cb = 0; cb < k; cb++) {
                Arrays.fill(delayed[t][cb], config.emptyToken());
                for (int f = 0; f < c; f++) {
                    delayed[t][cb][f + cb] = pieces[t][cb][w.start() + f];
                }
            }
        }
        float[] guidedRow = new float[v];
        int[] firstFrames = new int[rows];
        int written = 0;                                // new frames of the window copied into the pieces
        try (NDManager session = lm.manager().newSubManager(); KvCache cache = lm.newCache(session)) {
            NDArray frameCondition = lm.frameCondition(lm.parameters().bind(session), session, conditions);
            // The prefix and the steps whose every cell is a prompt frame (steps 0..c-1) in one pass.
            try (NDManager m = session.newSubManager()) {
                ParameterStore.Bound p = lm.parameters().bind(m);
                NDArray x = lm.embedPrefix(p, m, conditions);
                if (c > 0) {
                    Arrays.fill(firstFrames, w.firstFrame());
                    x = x.concat(lm.embedSteps(p, m, stepInputs(delayed, 0, c, rows),
                            stepMelody(w.melody(), 0, c, takes, rows), lm.beatClock(conditions, firstFrames, c),
                            frameCondition, rows, c, 0), 1);
                }
                lm.hidden(p, x, cache, 0f);
            }
            for (int s = c; s < steps; s++) {
                cancel.throwIfCancelled();
                float[] logits;
                try (NDManager m = session.newSubManager()) {
                    ParameterStore.Bound p = lm.parameters().bind(m);
                    Arrays.fill(firstFrames, w.firstFrame() + s);
                    NDArray x = lm.embedSteps(p, m, stepInputs(delayed, s, 1, rows),
                            stepMelody(w.melody(), s, 1, takes, rows), lm.beatClock(conditions, firstFrames, 1),
                            frameCondition, rows, 1, s);
                    logits = lm.logits(p, lm.hidden(p, x, cache, 0f)).toFloatArray();   // [rows, 1, K, V]
                    if (keyGuided) {
                        KeyGuidance.apply(logits, takes, k * v, params.keyGuidance());
                    }
                }
                for (int t = 0; t < takes; t++) {
                    for (int cb = 0; cb < k; cb++) {
                        int frame = DelayPattern.frameAt(cb, s);
                        if (frame < c || frame >= frames) {
                            continue;                   // a prompt cell (already set) or padding
                        }
                        if (guided) {
                            TokenSampler.guide(logits, (t * k + cb) * v, logits, ((takes + t) * k + cb) * v, v,
                                    params.guidance(), guidedRow);
                            delayed[t][cb][s] = samplers[t].sample(guidedRow, 0);
                        } else {
                            delayed[t][cb][s] = samplers[t].sample(logits, (t * k + cb) * v);
                        }
                    }
                }
                int complete = pattern.framesComplete(s + 1) - c;
                if (complete > written) {
                    for (int t = 0; t < takes; t++) {
                        for (int cb = 0; cb < k; cb++) {
                            for (int f = c + written; f < c + complete; f++) {
                                pieces[t][cb][w.start() + f] = delayed[t][cb][f + cb];
                            }
                        }
                    }
                    written = complete;
                    sink.onFinal(pieces, w.start() + c + complete);
                    listener.onFrames(complete, w.count());
                }
            }
        }
    }

    /**
     * The inputs of steps [from, from + n) for every row: the previous step's cells of the row's
     * take ({@code row mod takes}: the unconditional rows follow the conditional ones), "empty"
     * before step 0.
     */
    private int[] stepInputs(int[][][] delayed, int from, int n, int rows) {
        int k = config.numCodebooks();
        int[] out = new int[rows * n * k];
        for (int r = 0; r < rows; r++) {
            int[][] take = delayed[r % delayed.length];
            for (int i = 0; i < n; i++) {
                int s = from + i;
                for (int cb = 0; cb < k; cb++) {
                    out[(r * n + i) * k + cb] = s == 0 ? config.emptyToken() : take[cb][s - 1];
                }
            }
        }
        return out;
    }

    /** Melody symbol of steps [from, from + n) per row; the unconditional rows (after the takes') have none. */
    private static int[] stepMelody(int[] melody, int from, int n, int takes, int rows) {
        int[] out = new int[rows * n];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < n; i++) {
                int s = from + i;
                out[r * n + i] = r < takes && s < melody.length ? melody[s] : LmCondition.MELODY_NONE;
            }
        }
        return out;
    }
}
