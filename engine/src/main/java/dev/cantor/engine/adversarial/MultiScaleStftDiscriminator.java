package dev.cantor.engine.adversarial;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.cantor.engine.nn.ParameterStore;
import dev.cantor.engine.nn.TensorFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * EnCodec's multi-scale STFT discriminator: one {@link StftDiscriminator} per STFT size, each
 * judging the same audio. Its tensors live in a store of their own, so the codec's model files
 * never hold them; a training checkpoint does.
 */
public final class MultiScaleStftDiscriminator implements AutoCloseable {

    /** The largest STFT of any scale: the audio judged must be longer than half of it. */
    private final int largestFft;

    private final ParameterStore store;
    private final List<StftDiscriminator> scales = new ArrayList<>();

    /** What every scale says: logits [B, 1, frames, bins] and hidden activations, per scale. */
    public record Verdict(List<NDArray> logits, List<List<NDArray>> features) {
    }

    public MultiScaleStftDiscriminator(NDManager parent, DiscriminatorConfig config, long seed) {
        this.store = new ParameterStore(parent, seed);
        this.largestFft = Arrays.stream(config.fftSizes()).max().orElseThrow();
        for (int n : config.fftSizes()) {
            scales.add(new StftDiscriminator(store, "stft" + n, n, config.channels()));
        }
    }

    public ParameterStore parameters() {
        return store;
    }

    /** Fewest samples of audio it can judge (the centred STFT pads by half its size, by reflection). */
    public int minimumSamples() {
        return largestFft / 2 + 1;
    }

    /** audio [B, 1, T] → each scale's verdict; bind the store first ({@link ParameterStore#bind}). */
    public Verdict judge(ParameterStore.Bound p, NDArray audio) {
        List<NDArray> logits = new ArrayList<>(scales.size());
        List<List<NDArray>> features = new ArrayList<>(scales.size());
        for (StftDiscriminator scale : scales) {
            StftDiscriminator.Output out = scale.forward(p, audio);
            logits.add(out.logits());
            features.add(out.features());
        }
        return new Verdict(logits, features);
    }

    /** Writes the weights (float32, to resume exactly). */
    public void save(Path file) throws IOException {
        Map<String, NDArray> all = new LinkedHashMap<>(store.parameters());
        TensorFile.write(file, all, TensorFile.Storage.FLOAT32);
    }

    /** Reads what {@link #save} wrote; the config must be the same. */
    public void load(Path file) throws IOException {
        TensorFile.load(file, store);
    }

    @Override
    public void close() {
        store.close();
    }
}
