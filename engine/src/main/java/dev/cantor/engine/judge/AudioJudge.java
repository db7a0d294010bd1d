package dev.cantor.engine.judge;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cantor.engine.audio.AudioClip;
import dev.cantor.engine.audio.Resampler;
import dev.cantor.engine.dsp.LogMelSpectrogram;
import dev.cantor.engine.nn.Conv1dLayer;
import dev.cantor.engine.nn.ModelFolder;
import dev.cantor.engine.nn.ParameterStore;
import dev.cantor.engine.nn.TensorFile;
import dev.cantor.engine.runtime.ModelDevice;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A small audio classifier that judges generated music: from log-mel frames, three 1-D
 * convolutions over time (mel bands as channels), mean- and max-pooling over time, a linear
 * embedding, and two heads — style (softmax over the corpus styles) and instruments (one
 * sigmoid per instrument name). The embedding is what the Fréchet distance compares.
 *
 * <p>Every clip is first brought to the same loudness, so the verdict does not depend on level.
 * A model folder holds {@code config.json} and {@code weights.cntr} (with the input
 * normalisation as buffers).
 */
public final class AudioJudge implements AutoCloseable {

    public static final String CONFIG_FILE = ModelFolder.CONFIG_FILE;
    public static final String WEIGHTS_FILE = ModelFolder.WEIGHTS_FILE;
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** Loudness every clip is scaled to before the front end (about −20 dBFS RMS). */
    private static final double TARGET_RMS = 0.1;
    /** Input value of frames outside the clip: the log-mel of silence. */
    static final float SILENCE = (float) Math.log(LogMelSpectrogram.POWER_FLOOR);

    private final JudgeConfig config;
    private final NDManager manager;
    private final ParameterStore store;
    private final LogMelSpectrogram frontEnd;
    private final Conv1dLayer conv1;
    private final Conv1dLayer conv2;
    private final Conv1dLayer conv3;
    private final String embedWeight;
    private final String embedBias;
    private final String styleWeight;
    private final String styleBias;
    private final String instrumentWeight;
    private final String instrumentBias;
    private final String inputMean;
    private final String inputStd;

    private AudioJudge(JudgeConfig config, long seed) {
        this.config = config;
        this.manager = NDManager.newBaseManager(ModelDevice.current());
        this.store = new ParameterStore(manager, seed);
        this.frontEnd = new LogMelSpectrogram(config.sampleRate(), config.nFft(), config.hop(), config.melBins(),
                config.fMin(), config.fMax());
        int m = config.melBins();
        int c = config.channels();
        int e = config.embeddingDim();
        this.conv1 = new Conv1dLayer(store, "conv1", m, c, 5);
        this.conv2 = new Conv1dLayer(store, "conv2", c, c, 4, 2, 1, 1.0);
        this.conv3 = new Conv1dLayer(store, "conv3", c, c, 4, 2, 1, 1.0);
        this.embedWeight = store.addParameter("embed.weight", new Shape(e, 2L * c), Math.sqrt(3.0 / (2 * c)));
        this.embedBias = store.addParameter("embed.bias", new Shape(e), new float[e]);
        int s = config.styles().size();
        int n = config.instruments().size();
        this.styleWeight = store.addParameter("style.weight", new Shape(s, e), Math.sqrt(3.0 / e));
        this.styleBias = store.addParameter("style.bias", new Shape(s), new float[s]);
        this.instrumentWeight = store.addParameter("instruments.weight", new Shape(n, e), Math.sqrt(3.0 / e));
        this.instrumentBias = store.addParameter("instruments.bias", new Shape(n), new float[n]);
        this.inputMean = store.addBuffer("input.mean", new Shape(1, m, 1));
        this.inputStd = store.addBuffer("input.std", new Shape(1, m, 1));
        float[] ones = new float[m];
        java.util.Arrays.fill(ones, 1f);
        store.setBuffer(inputStd, ones);
    }

    /** A freshly initialised judge (input normalisation: identity until a trainer sets it). */
    public static AudioJudge create(JudgeConfig config, long seed) {
        return new AudioJudge(config, seed);
    }

    /** Loads a judge saved by {@link #save}. */
    public static AudioJudge load(Path dir) throws IOException {
        ModelFolder.requireFiles(dir, "an audio judge");
        JudgeConfig config = ModelFolder.readConfig(dir, JudgeConfig.class, "judge");
        AudioJudge judge = new AudioJudge(config, 0);
        ModelFolder.loadWeights(dir, judge.store, judge::close);
        return judge;
    }

    /** Writes config.json and the weights with the normalisation buffers (each atomically). */
    public void save(Path dir, TensorFile.Storage storage) throws IOException {
        ModelFolder.save(dir, JSON.writeValueAsString(config), store, storage);
    }

    public JudgeConfig config() {
        return config;
    }

    public ParameterStore parameters() {
        return store;
    }

    public NDManager manager() {
        return manager;
    }

    /** Sets the per-band mean and standard deviation the input is normalised with. */
    void setNormalisation(float[] mean, float[] std) {
        store.setBuffer(inputMean, mean);
        store.setBuffer(inputStd, std);
    }

    /** Name of the instrument head's bias, so a trainer can start it at the label priors. */
    String instrumentBiasName() {
        return instrumentBias;
    }

    /**
     * Log-mel input of a clip at the judge's rate, after scaling it to the reference loudness.
     *
     * @return mel-major values {@code [melBins × frames]}; frames = {@link #frames(int)}
     */
    public float[] features(float[] mono) {
        double sum = 0;
        for (float x : mono) {
            sum += (double) x * x;
        }
        double rms = mono.length == 0 ? 0 : Math.sqrt(sum / mono.length);
        float[] scaled = mono;
        if (rms > 1e-6) {
            scaled = new float[mono.length];
            float gain = (float) (TARGET_RMS / rms);
            for (int i = 0; i < mono.length; i++) {
                scaled[i] = mono[i] * gain;
            }
        }
        return frontEnd.compute(scaled);
    }

    /** Log-mel frames of {@code samples} samples at the judge's rate. */
    public int frames(int samples) {
        return frontEnd.frames(samples);
    }

    /** What {@link #forward} computes; arrays live in the step's manager. */
    record Outputs(NDArray embedding, NDArray styleLogits, NDArray instrumentLogits) {
    }

    /** x: raw log-mel [B, melBins, T] → embedding [B, E], style logits [B, S], instrument logits [B, N]. */
    Outputs forward(ParameterStore.Bound p, NDArray x, float dropout) {
        NDArray h = x.sub(p.get(inputMean)).div(p.get(inputStd));
        h = Activation.relu(conv1.forward(p, h));                                   // [B, C, T]
        h = Activation.relu(conv2.forward(p, h));                                   // [B, C, T/2]
        h = Activation.relu(conv3.forward(p, h));                                   // [B, C, T/4]
        NDArray pooled = NDArrays.concat(new ai.djl.ndarray.NDList(h.mean(new int[] {2}), h.max(new int[] {2})), 1);
        NDArray embedding = Linear.linear(pooled, p.get(embedWeight), p.get(embedBias)).singletonOrThrow();
        NDArray a = Activation.relu(embedding);
        if (dropout > 0) {
            a = Dropout.dropout(a, dropout, true).singletonOrThrow();
        }
        NDArray style = Linear.linear(a, p.get(styleWeight), p.get(styleBias)).singletonOrThrow();
        NDArray instruments = Linear.linear(a, p.get(instrumentWeight), p.get(instrumentBias)).singletonOrThrow();
        return new Outputs(embedding, style, instruments);
    }

    /**
     * Judges a clip (any rate; resampled to the judge's). Clips longer than a window are heard
     * in half-overlapping windows and the probabilities and embeddings averaged.
     */
    public JudgeVerdict judge(AudioClip clip) {
        float[] mono = clip.sampleRate() == config.sampleRate() ? clip.samples()
                : Resampler.resample(clip.samples(), clip.sampleRate(), config.sampleRate());
        return judgeFeatures(features(mono), frames(mono.length));
    }

    /** Judges precomputed {@link #features} of {@code frames} frames. */
    public JudgeVerdict judgeFeatures(float[] melMajor, int frames) {
        int m = config.melBins();
        int w = Math.max(config.windowFrames() / 4, Math.min(frames, config.windowFrames()));
        int[] starts = windowStarts(frames, w);
        float[] batch = new float[starts.length * m * w];
        java.util.Arrays.fill(batch, SILENCE);
        for (int b = 0; b < starts.length; b++) {
            for (int band = 0; band < m; band++) {
                int n = Math.min(w, frames - starts[b]);
                System.arraycopy(melMajor, band * frames + starts[b], batch, (b * m + band) * w, n);
            }
        }
        try (NDManager step = manager.newSubManager()) {
            NDArray x = step.create(batch, new Shape(starts.length, m, w));
            Outputs out = forward(store.bind(step), x, 0f);
            float[] style = out.styleLogits().softmax(-1).mean(new int[] {0}).toFloatArray();
            float[] inst = Activation.sigmoid(out.instrumentLogits()).mean(new int[] {0}).toFloatArray();
            float[] emb = out.embedding().mean(new int[] {0}).toFloatArray();
            return new JudgeVerdict(config, style, inst, emb);
        }
    }

    /** Window starts covering {@code frames}: every half window, the last one flush with the end. */
    static int[] windowStarts(int frames, int window) {
        if (frames <= window) {
            return new int[] {0};
        }
        int hop = window / 2;
        int count = (frames - window + hop - 1) / hop + 1;
        int[] starts = new int[count];
        for (int i = 0; i < count; i++) {
            starts[i] = Math.min(i * hop, frames - window);
        }
        return starts;
    }

    @Override
    public void close() {
        store.close();
        manager.close();
    }
}
