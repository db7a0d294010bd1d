package dev.cantor.engine.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.cantor.engine.data.TokenClip;
import dev.cantor.engine.lm.LmCondition;
import dev.cantor.engine.lm.LmConfig;
import dev.cantor.engine.lm.TransformerLm;
import dev.cantor.engine.nn.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The LM's training objective: cross-entropy of each codebook's delayed targets, averaged over
 * the real (unmasked) cells. Shared by the trainer and by evaluation on held-out clips.
 */
public final class LmLoss {

    /**
     * Hidden states of the audio steps [B, S, d], the mean cross-entropy per codebook [K], and
     * per cell the log-likelihood of its target [B, S, K] (0 where masked) and the mask.
     */
    public record Result(NDArray hidden, NDArray perCodebook, NDArray logLikelihood, NDArray mask) {
        public NDArray mean() {
            return perCodebook.mean();
        }

        /** Each row's mean cross-entropy (nats per token) over its first {@code steps} steps: [B]. */
        public NDArray rowCrossEntropy(int steps) {
            NDIndex first = new NDIndex(":, 0:{}, :", steps);
            return logLikelihood.get(first).sum(new int[] {1, 2}).neg()
                    .div(mask.get(first).sum(new int[] {1, 2}).maximum(1f));
        }
    }

    private LmLoss() {
    }

    /** Runs the model on a batch. {@code dropout} is 0 outside training. */
    public static Result forward(TransformerLm model, ParameterStore.Bound p, NDManager m, LmBatch batch,
                                 float dropout) {
        int b = batch.batch();
        int s = batch.steps();
        int k = model.config().numCodebooks();
        NDArray prefix = model.embedPrefix(p, m, batch.conditions());                       // [B, P, d]
        NDArray steps = model.embedSteps(p, m, batch.inputs(), batch.melody(),
                model.beatClock(batch.conditions(), batch.firstFrames(), s),
                model.frameCondition(p, m, batch.conditions()), b, s, 0);                   // [B, S, d]
        NDArray hidden = model.hidden(p, prefix.concat(steps, 1), null, dropout)
                .get(new NDIndex(":, {}:, :", model.config().prefixLength()));                               // [B, S, d]
        NDArray logp = model.logits(p, hidden).logSoftmax(-1);                               // [B, S, K, V]
        long[] targets = new long[batch.targets().length];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = batch.targets()[i];
        }
        NDArray picked = logp.gather(m.create(targets, new Shape(b, s, k, 1)), 3).reshape(b, s, k);
        NDArray mask = m.create(batch.mask(), new Shape(b, s, k));
        NDArray logLikelihood = picked.mul(mask);                                           // [B, S, K]
        NDArray perCodebook = logLikelihood.sum(new int[] {0, 1}).neg()
                .div(mask.sum(new int[] {0, 1}).maximum(1f));                                // [K]
        return new Result(hidden, perCodebook, logLikelihood, mask);
    }

    /**
     * Cross-entropy per codebook (nats) on the first {@code windowFrames} frames of each clip,
     * with every condition the clip's labels give; NaN when there are no clips.
     */
    public static double[] evaluate(TransformerLm model, List<TokenClip> clips, int windowFrames, int batchSize) {
        return evaluate(model, clips, windowFrames, batchSize, UnaryOperator.identity());
    }

    /**
     * {@link #evaluate(TransformerLm, List, int, int)} with each clip's condition passed through
     * {@code change} first: a label made wrong, or left out.
     */
    static double[] evaluate(TransformerLm model, List<TokenClip> clips, int windowFrames, int batchSize,
                             UnaryOperator<LmCondition> change) {
        int k = model.config().numCodebooks();
        double[] sums = new double[k];
        for (int start = 0; start < clips.size(); start += batchSize) {
            List<TokenClip> chunk = clips.subList(start, Math.min(clips.size(), start + batchSize));
            List<LmCondition> conditions = new ArrayList<>();
            for (TokenClip c : chunk) {
                conditions.add(change.apply(
                        LmBatch.fullCondition(c, LmBatch.descriptorsOf(model.config(), c), 0, windowFrames)));
            }
            LmBatch batch = LmBatch.of(model.config(), chunk, new int[chunk.size()], windowFrames, conditions, 0);
            try (NDManager m = model.manager().newSubManager()) {
                float[] per = forward(model, model.parameters().bind(m), m, batch, 0f).perCodebook().toFloatArray();
                for (int i = 0; i < k; i++) {
                    sums[i] += per[i] * chunk.size();
                }
            }
        }
        double[] out = new double[k];
        for (int i = 0; i < k; i++) {
            out[i] = clips.isEmpty() ? Double.NaN : sums[i] / clips.size();
        }
        return out;
    }

    public static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
