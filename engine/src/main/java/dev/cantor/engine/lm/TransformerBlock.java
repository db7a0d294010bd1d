package dev.cantor.engine.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import dev.cantor.engine.nn.ParameterStore;

/**
 * One pre-LN transformer block: x + Attn(LN(x)), then x + FF(LN(x)), with causal multi-head
 * self-attention and a GELU feed-forward layer. Attention can extend a {@link KvCache.Layer} so
 * generation computes only the newest position.
 */
final class TransformerBlock {

    private static final float LN_EPS = 1e-5f;

    private final int dModel;
    private final int heads;
    private final int headDim;
    private final String ln1Gain;
    private final String ln1Bias;
    private final String qkvWeight;
    private final String qkvBias;
    private final String outWeight;
    private final String outBias;
    private final String ln2Gain;
    private final String ln2Bias;
    private final String ff1Weight;
    private final String ff1Bias;
    private final String ff2Weight;
    private final String ff2Bias;

    TransformerBlock(ParameterStore store, String name, LmConfig c) {
        this.dModel = c.dModel();
        this.heads = c.heads();
        this.headDim = c.headDim();
        int d = c.dModel();
        // Layers writing into the residual stream start scaled by 1/sqrt(2·layers) (GPT-2), so the
        // stream's variance does not grow with depth at initialisation.
        double residualScale = 1.0 / Math.sqrt(2.0 * c.layers());
        ln1Gain = store.addParameter(name + ".ln1.gain", new Shape(d), ones(d));
        ln1Bias = store.addParameter(name + ".ln1.bias", new Shape(d), new float[d]);
        qkvWeight = store.addParameter(name + ".attn.qkv.weight", new Shape(3L * d, d), bound(d, 1.0));
        qkvBias = store.addParameter(name + ".attn.qkv.bias", new Shape(3L * d), new float[3 * d]);
        outWeight = store.addParameter(name + ".attn.out.weight", new Shape(d, d), bound(d, residualScale));
        outBias = store.addParameter(name + ".attn.out.bias", new Shape(d), new float[d]);
        ln2Gain = store.addParameter(name + ".ln2.gain", new Shape(d), ones(d));
        ln2Bias = store.addParameter(name + ".ln2.bias", new Shape(d), new float[d]);
        ff1Weight = store.addParameter(name + ".ff1.weight", new Shape(c.ffDim(), d), bound(d, 1.0));
        ff1Bias = store.addParameter(name + ".ff1.bias", new Shape(c.ffDim()), new float[c.ffDim()]);
        ff2Weight = store.addParameter(name + ".ff2.weight", new Shape(d, c.ffDim()), bound(c.ffDim(), residualScale));
        ff2Bias = store.addParameter(name + ".ff2.bias", new Shape(d), new float[d]);
    }

    /**
     * x: [B, T, d] → [B, T, d]. {@code layout} says where x's positions sit and what each may
     * see; {@code cache} is null (training) or the keys and values of the positions already seen,
     * extended in place by this call.
     */
    NDArray forward(ParameterStore.Bound p, NDArray x, AttentionLayout layout, KvCache.Layer cache, float dropout) {
        NDArray h = LayerNorm.layerNorm(x, new Shape(dModel), p.get(ln1Gain), p.get(ln1Bias), LN_EPS)
                .singletonOrThrow();
        NDArray attn = layout.rotary() ? rotaryAttention(p, h, layout, cache) : attention(p, h, layout.mask(), cache);
        if (dropout > 0) {
            attn = Dropout.dropout(attn, dropout, true).singletonOrThrow();
        }
        x = x.add(attn);
        h = LayerNorm.layerNorm(x, new Shape(dModel), p.get(ln2Gain), p.get(ln2Bias), LN_EPS).singletonOrThrow();
        h = Linear.linear(h, p.get(ff1Weight), p.get(ff1Bias)).singletonOrThrow().getNDArrayInternal().gelu();
        h = Linear.linear(h, p.get(ff2Weight), p.get(ff2Bias)).singletonOrThrow();
        if (dropout > 0) {
            h = Dropout.dropout(h, dropout, true).singletonOrThrow();
        }
        return x.add(h);
    }

    private NDArray attention(ParameterStore.Bound p, NDArray h, NDArray mask, KvCache.Layer cache) {
        long batch = h.getShape().get(0);
        long t = h.getShape().get(1);
        NDArray[] qkv = queriesKeysValues(p, h);
        NDArray q = qkv[0];
        NDArray k = qkv[1];
        NDArray v = qkv[2];
        if (cache != null) {
            NDArray[] all = cache.append(k, v);              // [B, H, past + T, dh] each
            k = all[0];
            v = all[1];
        }
        NDArray scores = q.matMul(k.transpose(0, 1, 3, 2));  // [B, H, T, past + T]
        if (mask != null) {
            scores = scores.add(mask);
        }
        NDArray out = scores.softmax(-1).matMul(v)           // [B, H, T, dh]
                .transpose(0, 2, 1, 3).reshape(batch, t, dModel);
        return Linear.linear(out, p.get(outWeight), p.get(outBias)).singletonOrThrow();
    }

    /**
     * Attention with rotary positions. x holds {@code layout.prefixCount()} prefix positions (the
     * whole prefix or none) followed by audio steps. Prefix queries see the prefix before them;
     * audio queries see the whole prefix without any rotation (it has no position) and the audio
     * steps within the span, with queries and keys rotated by their step.
     */
    private NDArray rotaryAttention(ParameterStore.Bound p, NDArray h, AttentionLayout layout, KvCache.Layer cache) {
        long batch = h.getShape().get(0);
        long t = h.getShape().get(1);
        int np = layout.prefixCount();
        NDArray[] qkv = queriesKeysValues(p, h);
        NDArray q = qkv[0];
        NDArray k = qkv[1];
        NDArray v = qkv[2];
        NDArray prefixKeys = np > 0 ? k.get(new NDIndex(":, :, 0:{}", np)) : null;
        NDArray prefixValues = np > 0 ? v.get(new NDIndex(":, :, 0:{}", np)) : null;
        boolean audio = t > np;
        NDArray audioQueries = audio ? q.get(new NDIndex(":, :, {}:", np)) : null;
        NDArray audioKeys = audio ? layout.angles().rotate(k.get(new NDIndex(":, :, {}:", np))) : null;
        NDArray audioValues = audio ? v.get(new NDIndex(":, :, {}:", np)) : null;
        if (cache != null) {
            NDArray[] prefix = cache.prefix(prefixKeys, prefixValues, q.getManager());
            prefixKeys = prefix[0];
            prefixValues = prefix[1];
            if (audio) {
                NDArray[] all = cache.appendAudio(audioKeys, audioValues, layout.span() - 1);
                audioKeys = all[0];
                audioValues = all[1];
            }
        }
        NDArray out = null;
        if (np > 0) {
            NDArray scores = q.get(new NDIndex(":, :, 0:{}", np)).matMul(prefixKeys.transpose(0, 1, 3, 2));
            if (layout.prefixMask() != null) {
                scores = scores.add(layout.prefixMask());
            }
            out = scores.softmax(-1).matMul(prefixValues);                       // [B, H, np, dh]
        }
        if (audio) {
            NDArray toPrefix = audioQueries.matMul(prefixKeys.transpose(0, 1, 3, 2));
            NDArray toAudio = layout.angles().rotate(audioQueries).matMul(audioKeys.transpose(0, 1, 3, 2));
            if (layout.audioMask() != null) {
                toAudio = toAudio.add(layout.audioMask());
            }
            NDArray weights = toPrefix.concat(toAudio, 3).softmax(-1);
            // two products summed rather than one over joined values: joining would copy the
            // whole span of values at every generated step
            long prefixKeyCount = prefixKeys.getShape().get(2);
            NDArray audioOut = weights.get(new NDIndex(":, :, :, 0:{}", prefixKeyCount)).matMul(prefixValues)
                    .add(weights.get(new NDIndex(":, :, :, {}:", prefixKeyCount)).matMul(audioValues));   // [B, H, na, dh]
            out = out == null ? audioOut : out.concat(audioOut, 2);
        }
        out = out.transpose(0, 2, 1, 3).reshape(batch, t, dModel);
        return Linear.linear(out, p.get(outWeight), p.get(outBias)).singletonOrThrow();
    }

    /** h [B, T, d] → queries (already scaled by 1/√dh), keys and values, each [B, H, T, dh]. */
    private NDArray[] queriesKeysValues(ParameterStore.Bound p, NDArray h) {
        NDArray qkv = Linear.linear(h, p.get(qkvWeight), p.get(qkvBias)).singletonOrThrow()
                .reshape(h.getShape().get(0), h.getShape().get(1), 3, heads, headDim)
                .transpose(2, 0, 3, 1, 4);                      // [3, B, H, T, dh]
        return new NDArray[] {qkv.get(0).mul((float) (1.0 / Math.sqrt(headDim))), qkv.get(1), qkv.get(2)};
    }

    static float[] ones(int n) {
        float[] a = new float[n];
        java.util.Arrays.fill(a, 1f);
        return a;
    }

    /** Uniform init with unit output variance for unit-variance input, times {@code scale}. */
    static double bound(int fanIn, double scale) {
        return scale * Math.sqrt(3.0 / fanIn);
    }

}
