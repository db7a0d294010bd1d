package dev.cantor.engine.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cantor.engine.nn.ModelFolder;
import dev.cantor.engine.nn.ParameterStore;
import dev.cantor.engine.nn.TensorFile;
import dev.cantor.engine.runtime.ModelDevice;
import dev.cantor.engine.runtime.NoGrad;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Decoder-only transformer over delayed codec tokens (MusicGen's layout): the input at step s is
 * the sum of K token embeddings (the previous step's tokens), a melody embedding (the melody
 * symbol of frame s) and a position embedding; K linear heads predict the K tokens of step s.
 * The sequence begins with a {@link ConditionPrefix} of text, tempo, key and mode. With
 * {@link LmConfig#frameCondition()} every step also gets a projection of the whole prefix and,
 * when the tempo is known, the {@link BeatClock} of its frame.
 *
 * <p>A model folder holds {@code config.json} and {@code weights.cntr}.
 */
public final class TransformerLm implements AutoCloseable {

    public static final String CONFIG_FILE = ModelFolder.CONFIG_FILE;
    public static final String WEIGHTS_FILE = ModelFolder.WEIGHTS_FILE;
    static final String POSITIONS = "embed.positions";
    static final String FRAME_WEIGHT = "cond.frame.weight";
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final float LN_EPS = 1e-5f;

    private final LmConfig config;
    private final NDManager manager;
    private final ParameterStore store;
    private final ConditionPrefix prefix;
    private final TransformerBlock[] blocks;
    private final String tokenTable;
    private final String melodyTable;
    private final String positionTable;     // null with rotary positions
    private final RotaryPositions rope;     // null with a learned position table
    private final String finalGain;
    private final String finalBias;
    private final String headWeight;
    private final String headBias;
    private final String frameWeight;
    private final String clockWeight;

    private TransformerLm(LmConfig config, long seed) {
        this.config = config;
        this.manager = NDManager.newBaseManager(ModelDevice.current());
        this.store = new ParameterStore(manager, seed);
        int d = config.dModel();
        // Summing K token embeddings, a melody and a position embedding: each starts with
        // variance ~1/(K+2) so the sum starts near unit variance.
        double embBound = Math.sqrt(3.0 / (config.numCodebooks() + 2));
        this.tokenTable = store.addParameter("embed.tokens",
                new Shape((long) config.numCodebooks() * config.inputVocabulary(), d), embBound);
        this.melodyTable = store.addParameter("embed.melody", new Shape(LmCondition.MELODY_SYMBOLS, d), embBound);
        this.positionTable = config.rotaryPositions() ? null
                : store.addParameter(POSITIONS, new Shape(config.maxPositions(), d), embBound);
        this.rope = config.rotaryPositions() ? new RotaryPositions(config.headDim()) : null;
        this.prefix = new ConditionPrefix(store, config);
        this.blocks = new TransformerBlock[config.layers()];
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = new TransformerBlock(store, "block" + i, config);
        }
        this.finalGain = store.addParameter("final.ln.gain", new Shape(d), TransformerBlock.ones(d));
        this.finalBias = store.addParameter("final.ln.bias", new Shape(d), new float[d]);
        // Small head: the first predictions are close to uniform (loss ≈ ln(codebook size)).
        this.headWeight = store.addParameter("head.weight",
                new Shape((long) config.numCodebooks() * config.codebookSize(), d), TransformerBlock.bound(d, 0.1));
        this.headBias = store.addParameter("head.bias",
                new Shape((long) config.numCodebooks() * config.codebookSize()),
                new float[config.numCodebooks() * config.codebookSize()]);
        // Created last, so that the other weights draw the same initial values with or without them.
        if (config.frameCondition()) {
            this.frameWeight = store.addParameter(FRAME_WEIGHT, new Shape(d, (long) config.prefixLength() * d),
                    TransformerBlock.bound(config.prefixLength() * d, 0.5));
            this.clockWeight = store.addParameter("cond.clock.weight", new Shape(d, BeatClock.FEATURES),
                    TransformerBlock.bound(BeatClock.FEATURES, 0.5));
        } else {
            this.frameWeight = null;
            this.clockWeight = null;
        }
        if (config.musicAttributes()) {
            prefix.addMusicAttributes(store);
        }
    }

    /** A freshly initialised model. */
    public static TransformerLm create(LmConfig config, long seed) {
        return new TransformerLm(config, seed);
    }

    /** Loads a model saved by {@link #save(Path)}. */
    public static TransformerLm load(Path dir) throws IOException {
        ModelFolder.requireFiles(dir, "a language model");
        LmConfig config = readConfig(dir);
        ModelFolder.requireWeightsFor(dir, config.minimumParameters(), "language model");
        TransformerLm model = new TransformerLm(config, 0);
        ModelFolder.loadWeights(dir, model.store, model::close);
        return model;
    }

    /**
     * A new model of {@code config} that starts from the weights of the model in {@code baseDir}
     * (fine-tuning, or adding frame conditioning or music attributes to a trained model, or
     * turning its learned positions into rotary ones with a longer window): the base's config
     * must differ at most in those. New parameters start at zero, so with frame
     * conditioning added the new model starts out computing exactly what the base computes
     * (ControlNet's zero-initialised additions) and training grows the new inputs from there.
     * Music attributes lengthen the prefix ({@link PrefixGrowth}): the audio keeps its learned
     * positions, but attention sees the three new (zero) prefix positions from the start, so the
     * model starts close to the base rather than exactly at it.
     *
     * @return the model; {@code added} receives the names of the parameters the base lacked
     */
    public static TransformerLm startFrom(Path baseDir, LmConfig config, long seed, List<String> added)
            throws IOException {
        ModelFolder.requireFiles(baseDir, "a language model");
        LmConfig base = readConfig(baseDir);
        if (base.musicAttributes() && !config.musicAttributes()) {
            throw new IOException("cannot start from " + baseDir + " without music attributes: it conditions on"
                    + " style, mood and instruments, and they cannot be taken away");
        }
        if (base.rotaryPositions() && !config.rotaryPositions()) {
            throw new IOException("cannot start from " + baseDir + " with learned positions: it has rotary ones");
        }
        // Rotary positions replace the learned table, and without a table the window is free to
        // change: the rest of the network (embeddings, blocks, heads) carries over as it is.
        boolean toRotary = config.rotaryPositions() && !base.rotaryPositions();
        LmConfig reshaped = config.rotaryPositions()
                ? base.withRotaryPositions().withMaxFrames(config.maxFrames()) : base;
        boolean growing = config.musicAttributes() && !base.musicAttributes();
        LmConfig grown = growing ? reshaped.withMusicAttributes() : reshaped;
        if (!grown.equals(config) && !(config.frameCondition() && grown.withFrameCondition(config.frameRate())
                .equals(config))) {
            throw new IOException("cannot start from " + baseDir + ": its shape " + base + " differs from " + config
                    + " in more than the frame conditioning, the music attributes, the positions and the window");
        }
        Path file = baseDir.resolve(WEIGHTS_FILE);
        ModelFolder.requireWeightsFor(baseDir, base.minimumParameters(), "language model");
        Map<String, TensorFile.Entry> weights = TensorFile.read(file);
        if (toRotary) {
            weights = new java.util.LinkedHashMap<>(weights);
            weights.remove(POSITIONS);
        }
        if (growing) {
            try {
                weights = PrefixGrowth.grow(weights, reshaped, config);
            } catch (IllegalArgumentException e) {
                throw new IOException("cannot start from " + baseDir + ": " + e.getMessage(), e);
            }
        }
        TransformerLm model = new TransformerLm(config, seed);
        try {
            List<String> fresh = TensorFile.loadInto(weights, file, model.store);
            try (NoGrad off = NoGrad.begin()) {
                for (String name : fresh) {
                    model.store.parameter(name).muli(0);
                }
            }
            added.addAll(fresh);
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
        return model;
    }

    /** Reads a model folder's config.json (one-line errors naming the file and the field). */
    public static LmConfig readConfig(Path dir) throws IOException {
        return ModelFolder.readConfig(dir, LmConfig.class, "LM");
    }

    /** Writes config.json and the weights (each atomically). */
    public void save(Path dir, TensorFile.Storage storage) throws IOException {
        ModelFolder.save(dir, JSON.writeValueAsString(config), store, storage);   // the LM has no buffers
    }

    public void save(Path dir) throws IOException {
        save(dir, TensorFile.Storage.FLOAT32);
    }

    public LmConfig config() {
        return config;
    }

    public ParameterStore parameters() {
        return store;
    }

    public NDManager manager() {
        return manager;
    }

    /** A fresh cache for incremental decoding; close it (or its parent manager) when done. */
    public KvCache newCache(NDManager parent) {
        return new KvCache(parent, blocks.length);
    }

    /** conditions (B) → prefix embeddings [B, prefix, d] including their positions. */
    public NDArray embedPrefix(ParameterStore.Bound p, NDManager m, List<LmCondition> conditions) {
        NDArray x = prefix.forward(p, m, conditions);
        if (positionTable == null) {
            return x;                       // with rotary positions the prefix has none
        }
        return x.add(p.get(positionTable).get(new NDIndex("0:{}", config.prefixLength())));
    }

    /**
     * What every step of a batch gets from its conditions: [B, 1, d], the projection of the whole
     * prefix (without positions). Null when the model has no frame conditioning; compute it once
     * per sequence and pass it to {@link #embedSteps}.
     */
    public NDArray frameCondition(ParameterStore.Bound p, NDManager m, List<LmCondition> conditions) {
        if (!config.frameCondition()) {
            return null;
        }
        NDArray flat = prefix.forward(p, m, conditions).reshape(conditions.size(), (long) config.prefixLength() * config.dModel());
        return Linear.linear(flat, p.get(frameWeight), null).singletonOrThrow().expandDims(1);
    }

    /**
     * The beat clock of each step's frame, [B][S][{@link BeatClock#FEATURES}] flattened, for
     * {@link #embedSteps}; null when the model has no frame conditioning. Row b's first step is
     * frame {@code firstFrames[b]} of its piece (frame 0 is a downbeat).
     */
    public float[] beatClock(List<LmCondition> conditions, int[] firstFrames, int steps) {
        if (!config.frameCondition()) {
            return null;
        }
        float[] clock = new float[conditions.size() * steps * BeatClock.FEATURES];
        for (int b = 0; b < conditions.size(); b++) {
            LmCondition c = conditions.get(b);
            BeatClock.write(c.tempoBpm(), c.beatPhase(), config.frameRate(), firstFrames[b], steps, clock,
                    b * steps * BeatClock.FEATURES);
        }
        return clock;
    }

    /** {@link #embedSteps(ParameterStore.Bound, NDManager, int[], int[], float[], NDArray, int, int, int)} for a model without frame conditioning. */
    public NDArray embedSteps(ParameterStore.Bound p, NDManager m, int[] tokens, int[] melody, int batch,
                              int steps, int firstStep) {
        return embedSteps(p, m, tokens, melody, null, null, batch, steps, firstStep);
    }

    /**
     * Step inputs → embeddings [B, S, d].
     *
     * @param tokens    [B][S][K] flattened: the input token of each codebook (0..V, V = empty)
     * @param melody    [B][S] flattened: melody symbol per step
     * @param clock     [B][S][F] flattened beat clock ({@link #beatClock}), or null
     * @param frameCondition [B, 1, d] from {@link #frameCondition}, or null
     * @param firstStep delayed-step index of the first of the S steps (for positions)
     */
    public NDArray embedSteps(ParameterStore.Bound p, NDManager m, int[] tokens, int[] melody, float[] clock,
                              NDArray frameCondition, int batch, int steps, int firstStep) {
        if (config.frameCondition() != (frameCondition != null) || config.frameCondition() != (clock != null)) {
            throw new IllegalArgumentException(config.frameCondition()
                    ? "this model needs the frame condition and beat clock of its steps"
                    : "this model has no frame conditioning");
        }
        int k = config.numCodebooks();
        if (tokens.length != batch * steps * k || melody.length != batch * steps) {
            throw new IllegalArgumentException("token/melody arrays do not match batch " + batch + " × steps " + steps);
        }
        int lastPosition = config.prefixLength() + firstStep + steps;
        if (positionTable != null && lastPosition > config.maxPositions()) {
            throw new IllegalArgumentException("sequence of " + (firstStep + steps) + " steps exceeds the model's "
                    + (config.maxPositions() - config.prefixLength()));
        }
        long[] ids = new long[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            int codebook = i % k;
            int t = tokens[i];
            if (t < 0 || t > config.codebookSize()) {
                throw new IllegalArgumentException("token " + t + " out of range");
            }
            ids[i] = (long) codebook * config.inputVocabulary() + t;
        }
        long[] mel = new long[melody.length];
        for (int i = 0; i < melody.length; i++) {
            mel[i] = melody[i];
        }
        NDArray tok = Embedding.embedding(m.create(ids, new Shape(batch, steps, k)), p.get(tokenTable),
                SparseFormat.DENSE).singletonOrThrow().sum(new int[] {2});               // [B, S, d]
        NDArray melEmb = Embedding.embedding(m.create(mel, new Shape(batch, steps)), p.get(melodyTable),
                SparseFormat.DENSE).singletonOrThrow();                                  // [B, S, d]
        NDArray x = tok.add(melEmb);
        if (positionTable != null) {
            x = x.add(p.get(positionTable).get(new NDIndex("{}:{}", config.prefixLength() + firstStep, lastPosition)));
        }
        if (frameCondition != null) {
            if (clock.length != batch * steps * BeatClock.FEATURES) {
                throw new IllegalArgumentException("beat clock does not match batch " + batch + " × steps " + steps);
            }
            NDArray c = m.create(clock, new Shape(batch, steps, BeatClock.FEATURES));
            x = x.add(frameCondition).add(Linear.linear(c, p.get(clockWeight), null).singletonOrThrow());
        }
        return x;
    }

    /**
     * Runs the blocks over x [B, T, d] and returns the final-normed hidden states [B, T, d].
     * Without a cache (or with an empty one) x starts with the prefix, followed by audio steps
     * from step 0; with a cache, x holds the audio steps after those already seen and the cache
     * is extended.
     */
    public NDArray hidden(ParameterStore.Bound p, NDArray x, KvCache cache, float dropout) {
        int t = Math.toIntExact(x.getShape().get(1));
        int past = cache == null ? 0 : cache.length();
        AttentionLayout layout = layout(x.getManager(), cache, past, t);
        for (int i = 0; i < blocks.length; i++) {
            x = blocks[i].forward(p, x, layout, cache == null ? null : cache.layer(i), dropout);
        }
        if (cache != null) {
            cache.advance(t);
        }
        return LayerNorm.layerNorm(x, new Shape(config.dModel()), p.get(finalGain), p.get(finalBias), LN_EPS)
                .singletonOrThrow();
    }

    /** hidden [B, T, d] → logits [B, T, K, V]. */
    public NDArray logits(ParameterStore.Bound p, NDArray hidden) {
        Shape s = hidden.getShape();
        return Linear.linear(hidden, p.get(headWeight), p.get(headBias)).singletonOrThrow()
                .reshape(s.get(0), s.get(1), config.numCodebooks(), config.codebookSize());
    }

    private AttentionLayout layout(NDManager m, KvCache cache, int past, int t) {
        if (rope == null) {
            return AttentionLayout.learned(m, past, t);
        }
        int prefixLength = config.prefixLength();
        if (past == 0 && t < prefixLength) {
            throw new IllegalArgumentException("the first pass must hold the whole prefix of " + prefixLength
                    + " positions, got " + t);
        }
        int prefixCount = past == 0 ? prefixLength : 0;
        long firstStep = past == 0 ? 0 : past - prefixLength;
        int held = cache == null ? 0 : cache.layer(0).audioHeld();
        return AttentionLayout.rotary(m, rope, prefixCount, firstStep, t - prefixCount, held, config.attentionSpan());
    }

    @Override
    public void close() {
        manager.close();
    }
}
