package dev.cantor.engine.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.NDList;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.ndarray.types.SparseFormat;
import dev.cantor.engine.conditioning.MusicDescriptors;
import dev.cantor.engine.nn.ParameterStore;
import java.util.List;

/**
 * Turns conditions into the {@link LmConfig#prefixLength()} positions the sequence starts with:
 * the prompt's sentence embedding, its tempo, key root and mode, and for a model with
 * {@link LmConfig#musicAttributes()} its style, mood and instruments — each projected to the
 * model width, each replaced by a learned "null" vector when absent. These get their own
 * positions because a pooled sentence embedding barely distinguishes "70 bpm" from "150 bpm"
 * (ARCHITECTURE.md), or an alto sax from a flute, and each can then be dropped on its own for
 * guidance.
 */
final class ConditionPrefix {

    /** Fourier features of log-tempo (sin and cos of 8 frequencies). */
    static final int TEMPO_FEATURES = 16;
    private static final double MIN_BPM = 30;
    private static final double MAX_BPM = 320;

    private final int dModel;
    private final int styles;      // rows of the style table before its "not named" row
    private final int moods;
    private final int textDim;
    private final String textWeight;
    private final String textBias;
    private final String textNull;
    private final String tempoWeight;
    private final String tempoBias;
    private final String tempoNull;
    private final String keyTable;
    private final String modeTable;
    private String styleTable;
    private String moodTable;
    private String instrumentWeight;
    private String instrumentBias;
    private String instrumentNull;

    ConditionPrefix(ParameterStore store, LmConfig c) {
        this.dModel = c.dModel();
        this.styles = c.styles();
        this.moods = c.moods();
        this.textDim = c.textDim();
        int d = c.dModel();
        textWeight = store.addParameter("cond.text.weight", new Shape(d, textDim),
                TransformerBlock.bound(textDim, Math.sqrt(textDim)));
        textBias = store.addParameter("cond.text.bias", new Shape(d), new float[d]);
        textNull = store.addParameter("cond.text.null", new Shape(d), 1.0);
        tempoWeight = store.addParameter("cond.tempo.weight", new Shape(d, TEMPO_FEATURES),
                TransformerBlock.bound(TEMPO_FEATURES, 1.0));
        tempoBias = store.addParameter("cond.tempo.bias", new Shape(d), new float[d]);
        tempoNull = store.addParameter("cond.tempo.null", new Shape(d), 1.0);
        keyTable = store.addParameter("cond.key.table", new Shape(13, d), 1.0);      // 12 roots + null
        modeTable = store.addParameter("cond.mode.table", new Shape(3, d), 1.0);     // major, minor, null
    }

    /**
     * Adds the style, mood and instrument inputs. Called after every other parameter of the model
     * is created, so that those draw the same initial values with or without them.
     */
    void addMusicAttributes(ParameterStore store) {
        int d = dModel;
        int instruments = MusicDescriptors.INSTRUMENTS.size();
        styleTable = store.addParameter("cond.style.table", new Shape(styles + 1, d), 1.0);
        moodTable = store.addParameter("cond.mood.table", new Shape(moods + 1, d), 1.0);
        instrumentWeight = store.addParameter("cond.instruments.weight", new Shape(d, instruments),
                TransformerBlock.bound(instruments, Math.sqrt(instruments / 3.0)));
        instrumentBias = store.addParameter("cond.instruments.bias", new Shape(d), new float[d]);
        instrumentNull = store.addParameter("cond.instruments.null", new Shape(d), 1.0);
    }

    /** conditions (B of them) → [B, prefix, d]. */
    NDArray forward(ParameterStore.Bound p, NDManager m, List<LmCondition> conditions) {
        int b = conditions.size();
        float[] text = new float[b * textDim];
        float[] textMissing = new float[b];
        float[] tempo = new float[b * TEMPO_FEATURES];
        float[] tempoMissing = new float[b];
        long[] keys = new long[b];
        long[] modes = new long[b];
        for (int i = 0; i < b; i++) {
            LmCondition c = conditions.get(i);
            if (c.text() == null) {
                textMissing[i] = 1;
            } else {
                if (c.text().length != textDim) {
                    throw new IllegalArgumentException("text embedding has " + c.text().length
                            + " values, the model expects " + textDim);
                }
                System.arraycopy(c.text(), 0, text, i * textDim, textDim);
            }
            if (c.tempoBpm() == null) {
                tempoMissing[i] = 1;
            } else {
                System.arraycopy(tempoFeatures(c.tempoBpm()), 0, tempo, i * TEMPO_FEATURES, TEMPO_FEATURES);
            }
            keys[i] = c.keyRoot() == null ? 12 : c.keyRoot();
            modes[i] = c.mode() == null ? 2 : c.mode().ordinal();
        }
        NDArray textPart = present(p, m, text, textMissing, b, textDim, textWeight, textBias, textNull);
        NDArray tempoPart = present(p, m, tempo, tempoMissing, b, TEMPO_FEATURES, tempoWeight, tempoBias, tempoNull);
        NDArray keyPart = Embedding.embedding(m.create(keys), p.get(keyTable), SparseFormat.DENSE).singletonOrThrow();
        NDArray modePart = Embedding.embedding(m.create(modes), p.get(modeTable), SparseFormat.DENSE).singletonOrThrow();
        NDList parts = new NDList(textPart, tempoPart, keyPart, modePart);
        if (styleTable != null) {
            addMusicAttributes(p, m, conditions, parts);
        }
        return NDArrays.stack(parts, 1);                                                 // [B, prefix, d]
    }

    /** The style, mood and instrument positions: a table row each (the last row: not named), and a multi-hot projection. */
    private void addMusicAttributes(ParameterStore.Bound p, NDManager m, List<LmCondition> conditions, NDList parts) {
        int b = conditions.size();
        int width = MusicDescriptors.INSTRUMENTS.size();
        long[] styles = new long[b];
        long[] moods = new long[b];
        float[] instruments = new float[b * width];
        float[] instrumentsMissing = new float[b];
        for (int i = 0; i < b; i++) {
            MusicDescriptors d = conditions.get(i).descriptors();
            // the last row is "not named"; so is a style or mood newer than the model's tables
            styles[i] = d.style() == null || d.style().ordinal() >= this.styles ? this.styles : d.style().ordinal();
            moods[i] = d.mood() == null || d.mood().ordinal() >= this.moods ? this.moods : d.mood().ordinal();
            if (d.instruments().isEmpty()) {
                instrumentsMissing[i] = 1;
            } else {
                System.arraycopy(d.instrumentVector(), 0, instruments, i * width, width);
            }
        }
        parts.add(Embedding.embedding(m.create(styles), p.get(styleTable), SparseFormat.DENSE).singletonOrThrow());
        parts.add(Embedding.embedding(m.create(moods), p.get(moodTable), SparseFormat.DENSE).singletonOrThrow());
        parts.add(present(p, m, instruments, instrumentsMissing, b, width, instrumentWeight, instrumentBias,
                instrumentNull));
    }

    /** Projects the rows that are present and puts the null vector in the rows that are not. */
    private NDArray present(ParameterStore.Bound p, NDManager m, float[] values, float[] missing, int b, int width,
                            String weight, String bias, String nullVector) {
        NDArray x = m.create(values, new Shape(b, width));
        NDArray miss = m.create(missing, new Shape(b, 1));
        NDArray projected = Linear.linear(x, p.get(weight), p.get(bias)).singletonOrThrow();
        return projected.mul(miss.neg().add(1f)).add(p.get(nullVector).reshape(1, dModel).mul(miss));
    }

    /** Smooth code of log-tempo in [30, 320] bpm: neighbouring tempi get similar features. */
    static float[] tempoFeatures(double bpm) {
        double clamped = Math.max(MIN_BPM, Math.min(MAX_BPM, bpm));
        double u = Math.log(clamped / MIN_BPM) / Math.log(MAX_BPM / MIN_BPM);
        float[] f = new float[TEMPO_FEATURES];
        for (int j = 0; j < TEMPO_FEATURES / 2; j++) {
            double angle = Math.PI * (j + 1) * u;
            f[2 * j] = (float) Math.sin(angle);
            f[2 * j + 1] = (float) Math.cos(angle);
        }
        return f;
    }
}
