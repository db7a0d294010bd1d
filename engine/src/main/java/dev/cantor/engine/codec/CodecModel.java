package dev.cantor.engine.codec;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cantor.engine.nn.ModelFolder;
import dev.cantor.engine.nn.ParameterStore;
import dev.cantor.engine.nn.TensorFile;
import dev.cantor.engine.quantizer.ResidualVectorQuantizer;
import dev.cantor.engine.runtime.ModelDevice;
import dev.cantor.engine.runtime.NoGrad;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The neural audio codec: SEANet encoder → residual vector quantizer → decoder (SEANet, or the
 * frame-rate decoder with an inverse-STFT head, {@link FrameDecoder}).
 * Turns mono audio at {@link CodecConfig#sampleRate()} into K token streams at the frame rate
 * and back. A model folder holds {@code config.json} and {@code weights.cntr}.
 */
public final class CodecModel implements AutoCloseable {

    public static final String CONFIG_FILE = ModelFolder.CONFIG_FILE;
    public static final String WEIGHTS_FILE = ModelFolder.WEIGHTS_FILE;
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * EMA decay of the codebooks (factorized stages: of their usage counts) and the dead-code
     * threshold (share of uniform usage).
     */
    private static final float EMA_DECAY = 0.99f;
    private static final float DEAD_FRACTION = 0.4f;
    /** Inference works on windows of this many frames, with context on both sides. */
    private static final int WINDOW_FRAMES = 500;
    /** Context the encoder is given on each side of a window (it reaches about 4 frames). */
    private static final int CONTEXT_FRAMES = 16;

    private final CodecConfig config;
    private final NDManager manager;
    private final ParameterStore store;
    private final SeanetEncoder encoder;
    private final ResidualVectorQuantizer quantizer;
    private final CodecDecoder decoder;

    private CodecModel(CodecConfig config, long seed) {
        this.config = config;
        this.manager = NDManager.newBaseManager(ModelDevice.current());
        this.store = new ParameterStore(manager, seed);
        this.encoder = new SeanetEncoder(store, config);
        // The decoder draws its initial weights before the quantizer: a factorized quantizer has
        // parameters, and built first it would change the decoder's draw, making an A/B of the
        // two quantizers at one seed differ in more than the quantizer. (EMA stages only have
        // buffers, so the EMA model's weights and their order are as they always were.)
        this.decoder = config.frameDecoder() == null ? new SeanetDecoder(store, config) : new FrameDecoder(store, config);
        this.quantizer = config.factorized()
                ? ResidualVectorQuantizer.factorized(store, config.numCodebooks(), config.codebookSize(),
                        config.latentDim(), config.codeDim(), EMA_DECAY, DEAD_FRACTION)
                : new ResidualVectorQuantizer(store, config.numCodebooks(), config.codebookSize(),
                        config.latentDim(), EMA_DECAY, DEAD_FRACTION);
    }

    /** A freshly initialised (untrained) codec. */
    public static CodecModel create(CodecConfig config, long seed) {
        return new CodecModel(config, seed);
    }

    /** Loads a codec saved by {@link #save(Path)}. */
    public static CodecModel load(Path dir) throws IOException {
        ModelFolder.requireFiles(dir, "a codec model");
        CodecConfig config = readConfig(dir);
        ModelFolder.requireWeightsFor(dir, config.minimumValues(), "codec");
        CodecModel model = new CodecModel(config, 0);
        ModelFolder.loadWeights(dir, model.store, model::close);
        return model;
    }

    /**
     * A codec with the encoder and quantizer of the one in {@code from} and a fresh decoder of
     * another shape: it makes the same tokens, so a language model trained on them stays valid
     * once the new decoder is trained ({@code train-codec --decoder-only}).
     */
    public static CodecModel withNewDecoder(Path from, FrameDecoderConfig decoder, long seed) throws IOException {
        ModelFolder.requireFiles(from, "a codec model");
        CodecConfig config = readConfig(from).withFrameDecoder(decoder);
        ModelFolder.requireWeightsFor(from, config.minimumValues(), "codec");
        CodecModel model = new CodecModel(config, seed);
        try {
            Map<String, TensorFile.Entry> tokenizer = tokenizerTensors(from.resolve(WEIGHTS_FILE));
            TensorFile.loadInto(tokenizer, from.resolve(WEIGHTS_FILE), model.store);
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
        return model;
    }

    /** Reads a model folder's config.json without loading the weights (one-line errors naming file and field). */
    public static CodecConfig readConfig(Path dir) throws IOException {
        return ModelFolder.readConfig(dir, CodecConfig.class, "codec");
    }

    /**
     * Whether the codecs in two folders turn audio into the same tokens: the same config and the
     * same encoder and quantizer tensors. Their decoders may differ, as after {@code train-codec
     * --decoder-only}, so tokens made by one are valid for a language model paired with the other.
     */
    public static boolean sameTokenizer(Path a, Path b) throws IOException {
        if (!readConfig(a).sameTokenizer(readConfig(b))) {
            return false;
        }
        Path weightsA = a.resolve(WEIGHTS_FILE);
        Path weightsB = b.resolve(WEIGHTS_FILE);
        if (Files.mismatch(weightsA, weightsB) == -1) {
            return true;
        }
        Map<String, TensorFile.Entry> x = tokenizerTensors(weightsA);
        Map<String, TensorFile.Entry> y = tokenizerTensors(weightsB);
        if (!x.keySet().equals(y.keySet())) {
            return false;
        }
        for (Map.Entry<String, TensorFile.Entry> e : x.entrySet()) {
            TensorFile.Entry other = y.get(e.getKey());
            if (!Arrays.equals(e.getValue().shape(), other.shape())
                    || !Arrays.equals(e.getValue().values(), other.values())) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, TensorFile.Entry> tokenizerTensors(Path weights) throws IOException {
        Map<String, TensorFile.Entry> all = new HashMap<>(TensorFile.read(weights));
        all.keySet().removeIf(name -> name.startsWith(CodecDecoder.PREFIX));
        return all;
    }

    /** Writes config.json and the weights (float32, or float16 for a compact shipped model). */
    public void save(Path dir, TensorFile.Storage storage) throws IOException {
        ModelFolder.save(dir, JSON.writeValueAsString(config), store, storage);
    }

    public void save(Path dir) throws IOException {
        save(dir, TensorFile.Storage.FLOAT32);
    }

    public CodecConfig config() {
        return config;
    }

    /**
     * Whether {@code other} has this codec's config and bit-identical weights and buffers, so the
     * two turn audio into the same tokens and back.
     */
    public boolean sameWeights(CodecModel other) {
        return config.equals(other.config) && store.sameValues(other.store);
    }

    public ParameterStore parameters() {
        return store;
    }

    public NDManager manager() {
        return manager;
    }

    /** What a training forward pass produced; arrays live in the step's manager. */
    public record TrainingForward(NDArray reconstruction, ResidualVectorQuantizer.Output quantizer,
                                  long frames) {
    }

    /**
     * Training pass: audio [B, 1, T] (T a multiple of the hop) → reconstruction [B, 1, T].
     * Stage outputs of the quantizer are [B·T', D] with rows ordered batch-major.
     */
    public TrainingForward trainingForward(ParameterStore.Bound p, NDArray audio, int stagesUsed,
                                           SplittableRandom rng) {
        NDArray latent = encoder.forward(p, audio);                           // [B, D, T']
        long batch = latent.getShape().get(0);
        long frames = latent.getShape().get(2);
        NDArray rows = latent.transpose(0, 2, 1).reshape(new Shape(batch * frames, config.latentDim()));
        ResidualVectorQuantizer.Output q = quantizer.forward(store, p, rows, stagesUsed, true, rng);
        NDArray quantized = q.quantized().reshape(new Shape(batch, frames, config.latentDim()))
                .transpose(0, 2, 1);                                          // [B, D, T']
        return new TrainingForward(decoder.forward(p, quantized), q, frames);
    }

    /**
     * Training pass for the decoder alone: audio [B, 1, T] → reconstruction [B, 1, T] from the
     * tokens the frozen encoder and quantizer give it (no graph through them, no codebook
     * updates), so a clip's tokens are the same before and after training.
     */
    public NDArray decoderTrainingForward(ParameterStore.Bound p, NDArray audio, int stagesUsed,
                                          SplittableRandom rng) {
        NDArray quantized;
        try (NoGrad frozen = NoGrad.begin()) {
            NDArray latent = encoder.forward(p, audio);                       // [B, D, T']
            long batch = latent.getShape().get(0);
            long frames = latent.getShape().get(2);
            NDArray rows = latent.transpose(0, 2, 1).reshape(new Shape(batch * frames, config.latentDim()));
            ResidualVectorQuantizer.Output q = quantizer.forward(store, p, rows, stagesUsed, false, rng);
            quantized = q.quantized().reshape(new Shape(batch, frames, config.latentDim())).transpose(0, 2, 1);
        }
        return decoder.forward(p, quantized);
    }

    /**
     * Applies what the last training pass scheduled for the quantizer (re-seeded factorized codes).
     * Call after each optimizer step, outside the gradient collector.
     */
    public void applyQuantizerUpdates() {
        quantizer.applyCodeWrites(store);
    }

    /** Number of token frames for {@code samples} samples (the audio is padded up to a whole frame). */
    public int framesFor(int samples) {
        return (samples + config.hopLength() - 1) / config.hopLength();
    }

    /** Audio → tokens [K][frames]. Long audio is processed in windows with context. */
    public int[][] encode(float[] audio) {
        int hop = config.hopLength();
        int frames = framesFor(audio.length);
        int[][] codes = new int[config.numCodebooks()][frames];
        for (int start = 0; start < frames; start += WINDOW_FRAMES) {
            int end = Math.min(frames, start + WINDOW_FRAMES);
            int from = Math.max(0, start - CONTEXT_FRAMES);
            int to = Math.min(frames, end + CONTEXT_FRAMES);
            float[] window = new float[(to - from) * hop];
            int copyFrom = from * hop;
            int copyLen = Math.max(0, Math.min(audio.length, to * hop) - copyFrom);
            System.arraycopy(audio, copyFrom, window, 0, copyLen);
            try (NDManager step = manager.newSubManager()) {
                ParameterStore.Bound p = store.bind(step);
                NDArray x = step.create(window, new Shape(1, 1, window.length));
                NDArray latent = encoder.forward(p, x);                        // [1, D, F]
                NDArray rows = latent.transpose(0, 2, 1).reshape(new Shape(to - from, config.latentDim()));
                long[][] windowCodes = quantizer.encode(store, p, rows);
                for (int k = 0; k < codes.length; k++) {
                    for (int f = start; f < end; f++) {
                        codes[k][f] = (int) windowCodes[k][f - from];
                    }
                }
            }
        }
        return codes;
    }

    /** Tokens [K'][frames] (K' ≤ K stages) → audio of exactly {@code length} samples. */
    public float[] decode(int[][] codes, int length) {
        return decode(codes, length, WINDOW_FRAMES);
    }

    /** {@link #decode(int[][], int)} in windows of {@code windowFrames} (tests compare window sizes). */
    float[] decode(int[][] codes, int length, int windowFrames) {
        int frames = checkCodes(codes, 0, codes.length < 1 ? 0 : codes[0].length);
        int hop = config.hopLength();
        float[] out = new float[length];
        for (int start = 0; start < frames; start += windowFrames) {
            int end = Math.min(frames, start + windowFrames);
            float[] audio = decodeWindow(codes, start, end, frames);
            int copy = Math.min(audio.length, length - start * hop);
            if (copy > 0) {
                System.arraycopy(audio, 0, out, start * hop, copy);
            }
        }
        return out;
    }

    /**
     * Token frames of context the decoder takes on each side of the frames it decodes: frame f's
     * audio is final once frames up to f + this are known (or the sequence ends before).
     */
    public int decoderContextFrames() {
        return decoder.contextFrames();
    }

    /**
     * The audio of frames [from, to) of a token sequence of which the first {@code known} frames
     * are in {@code codes} ([K'][≥ known]), decoded with {@link #decoderContextFrames()} of context
     * on each side as far as there are frames, exactly as {@link #decode(int[][], int)} decodes
     * its windows: chunks decoded in turn once {@code to + decoderContextFrames() ≤ known} (or
     * {@code known} is the end of the sequence) join into the whole sequence's decode, equal to
     * it up to float rounding. Returns {@code (to − from)·hop} samples.
     */
    public float[] decodeRange(int[][] codes, int from, int to, int known) {
        if (from < 0 || to <= from || known < to) {
            throw new IllegalArgumentException("bad frame range " + from + ".." + to + " of " + known + " known frames");
        }
        int frames = checkCodes(codes, 0, 0);
        if (known > frames) {
            throw new IllegalArgumentException(known + " frames known but only " + frames + " given");
        }
        checkCodes(codes, Math.max(0, from - decoder.contextFrames()), Math.min(known, to + decoder.contextFrames()));
        return decodeWindow(codes, from, to, known);
    }

    /** Audio of frames [start, end), decoded with context from [0, frames). */
    private float[] decodeWindow(int[][] codes, int start, int end, int frames) {
        int hop = config.hopLength();
        int context = decoder.contextFrames();
        int from = Math.max(0, start - context);
        int to = Math.min(frames, end + context);
        long[][] window = new long[codes.length][to - from];
        for (int k = 0; k < codes.length; k++) {
            for (int f = from; f < to; f++) {
                window[k][f - from] = codes[k][f];
            }
        }
        try (NDManager step = manager.newSubManager()) {
            ParameterStore.Bound p = store.bind(step);
            NDArray rows = quantizer.decode(store, step, window);          // [F, D]
            NDArray latent = rows.reshape(new Shape(1, to - from, config.latentDim())).transpose(0, 2, 1);
            float[] audio = decoder.forward(p, latent).toFloatArray();      // [(to − from)·hop]
            int offset = (start - from) * hop;
            return Arrays.copyOfRange(audio, offset, offset + (end - start) * hop);
        }
    }

    /**
     * Checks K' (1..K), that all codebooks have one length, and that the tokens of frames
     * [from, to) are in range; returns that length.
     */
    private int checkCodes(int[][] codes, int from, int to) {
        if (codes.length < 1 || codes.length > config.numCodebooks()) {
            throw new IllegalArgumentException("expected 1.." + config.numCodebooks() + " codebooks, got " + codes.length);
        }
        int frames = codes[0].length;
        for (int[] row : codes) {
            if (row.length != frames) {
                throw new IllegalArgumentException("codebooks have different lengths");
            }
            for (int f = from; f < to; f++) {
                if (row[f] < 0 || row[f] >= config.codebookSize()) {
                    throw new IllegalArgumentException("token " + row[f] + " outside 0.." + (config.codebookSize() - 1));
                }
            }
        }
        return frames;
    }

    /** Encode then decode; output has the input's length. */
    public float[] roundTrip(float[] audio) {
        return decode(encode(audio), audio.length);
    }

    @Override
    public void close() {
        store.close();
        manager.close();
    }
}
