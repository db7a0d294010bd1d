package dev.cantor.engine.nn;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cantor.engine.codec.CodecConfig;
import dev.cantor.engine.io.Mutations;
import dev.cantor.engine.lm.LmConfig;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Issue 24: model folders as an attacker crafts them — mutated config.json of a language
 * model and of a codec, mutated weights.cntr, and tensor headers with arbitrary dimensions.
 * Each try reads or fails with an IOException whose message is one line; a config that reads
 * is within its bounds (its size estimate does not overflow); nothing runs out of memory or hangs.
 */
class ModelFilesFuzzTest {

    private static final Mutations.Tally LM = new Mutations.Tally("LM config.json");
    private static final Mutations.Tally CODEC = new Mutations.Tally("codec config.json");
    private static final Mutations.Tally WEIGHTS = new Mutations.Tally("weights.cntr bytes");
    private static final Mutations.Tally SHAPES = new Mutations.Tally("weights.cntr shapes");
    private static Path dir;

    @BeforeContainer
    static void makeFolder() throws IOException {
        dir = Files.createTempDirectory("model-fuzz");
    }

    @AfterContainer
    static void report() throws IOException {
        for (Mutations.Tally t : List.of(LM, CODEC, WEIGHTS, SHAPES)) {
            t.print();
        }
        Mutations.deleteTree(dir);
    }

    private static final String LM_JSON = """
            {
              "num_codebooks" : 4, "codebook_size" : 1024, "d_model" : 256, "layers" : 4, "heads" : 4,
              "ff_dim" : 1024, "max_frames" : 200, "text_dim" : 384, "dropout" : 0.1, "frame_rate" : 50.0,
              "frame_condition" : true, "music_attributes" : true, "rotary_positions" : true
            }
            """;

    private static final String CODEC_JSON = """
            {
              "sample_rate" : 32000, "channels" : 16, "latent_dim" : 128, "strides" : [ 4, 4, 5, 8 ],
              "residual_kernel" : 3, "num_codebooks" : 4, "codebook_size" : 1024, "code_dim" : 8,
              "frame_decoder" : { "dim" : 384, "blocks" : 8, "upsample" : 2, "kernel" : 7 }
            }
            """;

    @Provide
    Arbitrary<byte[]> lmConfigs() {
        return Arbitraries.oneOf(Mutations.mutated(List.of(LM_JSON.getBytes(StandardCharsets.UTF_8))),
                withHostileNumbers(LM_JSON));
    }

    @Provide
    Arbitrary<byte[]> codecConfigs() {
        return Arbitraries.oneOf(Mutations.mutated(List.of(CODEC_JSON.getBytes(StandardCharsets.UTF_8))),
                withHostileNumbers(CODEC_JSON));
    }

    /** The config with one of its numbers replaced by an extreme, a fraction or another kind of value. */
    private static Arbitrary<byte[]> withHostileNumbers(String json) {
        List<String> numbers = List.of(" 4,", " 1024,", " 256,", " 384,", " 200,", " 3,", " 16,", " 128,", " 8,",
                " 32000,", " 50.0,", " 0.1,", " 7 ", " 2,", " 5,");
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.of("0", "-1", "2147483647", "-2147483648", "2147483648", "1e10", "1.5", "null", "\"8\"",
                        "[]", "{}", "true", "1e400", "65537", "4097", "8193", "31", "33", "999999"),
                Arbitraries.integers().map(String::valueOf));
        return Combinators.combine(Arbitraries.of(numbers), value)
                .as((n, v) -> json.replaceFirst(Pattern.quote(n), " " + v + n.substring(n.length() - 1))
                        .getBytes(StandardCharsets.UTF_8));
    }

    @Property
    void lmConfigsReadWithinBoundsOrFailCleanly(@ForAll("lmConfigs") byte[] bytes) throws IOException {
        Path model = Files.createDirectories(dir.resolve("lm"));
        Files.write(model.resolve(ModelFolder.CONFIG_FILE), bytes);
        assertTimeoutPreemptively(Mutations.TRY_LIMIT, () -> {
            try {
                LmConfig c = ModelFolder.readConfig(model, LmConfig.class, "LM");
                assertTrue(c.minimumParameters() > 0 && c.maxPositions() > 0, c.toString());
                LM.read();
            } catch (IOException expected) {
                Mutations.assertCleanMessage(expected);
                LM.refused();
            }
        });
    }

    @Property
    void codecConfigsReadWithinBoundsOrFailCleanly(@ForAll("codecConfigs") byte[] bytes) throws IOException {
        Path model = Files.createDirectories(dir.resolve("codec"));
        Files.write(model.resolve(ModelFolder.CONFIG_FILE), bytes);
        assertTimeoutPreemptively(Mutations.TRY_LIMIT, () -> {
            try {
                CodecConfig c = ModelFolder.readConfig(model, CodecConfig.class, "codec");
                assertTrue(c.minimumValues() > 0 && c.hopLength() > 0, c.toString());
                CODEC.read();
            } catch (IOException expected) {
                Mutations.assertCleanMessage(expected);
                CODEC.refused();
            }
        });
    }

    /** A small valid weights file in {@code storage}. */
    private static byte[] weights(TensorFile.Storage storage) throws IOException {
        Map<String, float[]> values = new LinkedHashMap<>();
        Map<String, long[]> shapes = new LinkedHashMap<>();
        values.put("encoder.input.weight", new float[4 * 7]);
        shapes.put("encoder.input.weight", new long[] {4, 1, 7});
        values.put("encoder.input.bias", new float[] {1, 2, 3, 4});
        shapes.put("encoder.input.bias", new long[] {4});
        values.put("quantizer.codebook", new float[64]);
        shapes.put("quantizer.codebook", new long[] {2, 4, 8});
        Path file = dir.resolve("seed.cntr");
        TensorFile.writeArrays(file, values, shapes, storage);
        byte[] bytes = Files.readAllBytes(file);
        Files.delete(file);
        return bytes;
    }

    @Provide
    Arbitrary<byte[]> mutatedWeights() throws IOException {
        return Mutations.mutated(List.of(weights(TensorFile.Storage.FLOAT32), weights(TensorFile.Storage.FLOAT16)));
    }

    @Property
    void mutatedWeightsReadOrFailCleanly(@ForAll("mutatedWeights") byte[] bytes) throws IOException {
        readOrRefuse(Files.write(dir.resolve("w.cntr"), bytes), WEIGHTS);
    }

    /** A tensor header with any rank up to 8 and any dimensions, followed by a few bytes. */
    @Provide
    Arbitrary<byte[]> craftedShapes() {
        Arbitrary<Long> dim = Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.longs().between(0, 1 << 20),
                Arbitraries.of(0L, 1L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 31, 1L << 32, (1L << 62) + 1));
        return Combinators.combine(dim.list().ofMaxSize(8), Arbitraries.integers().between(0, 256),
                Arbitraries.integers().between(0, 1)).as((dims, tail, storage) -> {
                    try {
                        ByteArrayOutputStream b = new ByteArrayOutputStream();
                        DataOutputStream out = new DataOutputStream(b);
                        out.writeInt(0x434E5452);
                        out.writeInt(1);
                        out.writeInt(1);
                        out.writeUTF("t");
                        out.writeByte(storage);
                        out.writeByte(dims.size());
                        for (long d : dims) {
                            out.writeLong(d);
                        }
                        out.write(new byte[tail]);
                        return b.toByteArray();
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
    }

    @Property
    void craftedShapesReadOrFailCleanly(@ForAll("craftedShapes") byte[] bytes) throws IOException {
        readOrRefuse(Files.write(dir.resolve("s.cntr"), bytes), SHAPES);
    }

    private static void readOrRefuse(Path file, Mutations.Tally tally) {
        assertTimeoutPreemptively(Mutations.TRY_LIMIT, () -> {
            try {
                Map<String, TensorFile.Entry> read = TensorFile.read(file);
                long counted = TensorFile.valueCount(file);
                long values = read.values().stream().mapToLong(e -> e.values().length).sum();
                assertTrue(counted == values, counted + " counted, " + values + " read");
                tally.read();
            } catch (IOException expected) {
                Mutations.assertCleanMessage(expected);
                tally.refused();
            }
        });
    }
}
