package dev.cantor.engine.nn;

import static dev.cantor.engine.io.PropertyRunner.forAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cantor.engine.codec.CodecConfig;
import dev.cantor.engine.io.Mutations;
import dev.cantor.engine.io.PropertyRunner;
import dev.cantor.engine.io.PropertyRunner.Gen;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 24: model folders as an attacker crafts them — mutated config.json of a language
 * model and of a codec, mutated weights.cntr, and tensor headers with arbitrary dimensions.
 * Each try reads or fails with an IOException whose message is one line; a config that reads
 * is within its bounds (its size estimate does not overflow); nothing runs out of memory or hangs.
 */
class ModelFilesFuzzTest {

    private static Path dir;

    @BeforeAll
    static void makeFolder() throws IOException {
        dir = Files.createTempDirectory("model-fuzz");
    }

    @AfterAll
    static void deleteFolder() throws IOException {
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

    /** A config's bytes, and how they were made (for failure reports). */
    private record Config(String how, byte[] bytes) {
        @Override
        public String toString() {
            return how;
        }
    }

    /** Mutated bytes of the config, or the config with a hostile number. */
    private static Gen<Config> configs(String json) {
        return Gen.oneOf(Mutations.mutated(List.of(json.getBytes(StandardCharsets.UTF_8)))
                        .map(m -> new Config(m.toString(), m.bytes())),
                withHostileNumbers(json).map(t -> new Config(PropertyRunner.describe(t), t.getBytes(StandardCharsets.UTF_8))));
    }

    /** The config with one of its numbers replaced by an extreme, a fraction or another kind of value. */
    private static Gen<String> withHostileNumbers(String json) {
        Gen<String> number = Gen.of(" 4,", " 1024,", " 256,", " 384,", " 200,", " 3,", " 16,", " 128,", " 8,",
                " 32000,", " 50.0,", " 0.1,", " 7 ", " 2,", " 5,");
        Gen<String> value = Gen.oneOf(
                Gen.of("0", "-1", "2147483647", "-2147483648", "2147483648", "1e10", "1.5", "null", "\"8\"",
                        "[]", "{}", "true", "1e400", "65537", "4097", "8193", "31", "33", "999999"),
                Gen.ints().map(String::valueOf));
        return r -> {
            String n = number.next(r);
            String v = value.next(r);
            return json.replaceFirst(Pattern.quote(n), " " + v + n.substring(n.length() - 1));
        };
    }

    @Test
    void lmConfigsReadWithinBoundsOrFailCleanly() throws IOException {
        Path model = Files.createDirectories(dir.resolve("lm"));
        forAll(configs(LM_JSON), config -> {
            Files.write(model.resolve(ModelFolder.CONFIG_FILE), config.bytes());
            try {
                LmConfig c = ModelFolder.readConfig(model, LmConfig.class, "LM");
                assertTrue(c.minimumParameters() > 0 && c.maxPositions() > 0, c.toString());
                return "read";
            } catch (IOException expected) {
                Mutations.assertCleanMessage(expected);
                return "clean errors";
            }
        });
    }

    @Test
    void codecConfigsReadWithinBoundsOrFailCleanly() throws IOException {
        Path model = Files.createDirectories(dir.resolve("codec"));
        forAll(configs(CODEC_JSON), config -> {
            Files.write(model.resolve(ModelFolder.CONFIG_FILE), config.bytes());
            try {
                CodecConfig c = ModelFolder.readConfig(model, CodecConfig.class, "codec");
                assertTrue(c.minimumValues() > 0 && c.hopLength() > 0, c.toString());
                return "read";
            } catch (IOException expected) {
                Mutations.assertCleanMessage(expected);
                return "clean errors";
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

    @Test
    void mutatedWeightsReadOrFailCleanly() throws IOException {
        List<byte[]> seeds = List.of(weights(TensorFile.Storage.FLOAT32), weights(TensorFile.Storage.FLOAT16));
        forAll(Mutations.mutated(seeds), m -> readOrRefuse(Files.write(dir.resolve("w.cntr"), m.bytes())));
    }

    /** A tensor header with any rank up to 8 and any dimensions, followed by a few bytes. */
    private record Header(List<Long> dims, int tail, int storage) {
        byte[] bytes() throws IOException {
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
        }
    }

    @Test
    void craftedShapesReadOrFailCleanly() {
        Gen<List<Long>> dims = Gen.oneOf(Gen.longs(), Gen.longs(0, 1 << 20),
                Gen.of(0L, 1L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 31, 1L << 32, (1L << 62) + 1)).list(0, 8);
        Gen<Integer> tail = Gen.ints(0, 256);
        Gen<Integer> storage = Gen.ints(0, 1);
        Gen<Header> headers = r -> new Header(dims.next(r), tail.next(r), storage.next(r));
        forAll(headers, h -> readOrRefuse(Files.write(dir.resolve("s.cntr"), h.bytes())));
    }

    private static String readOrRefuse(Path file) {
        try {
            Map<String, TensorFile.Entry> read = TensorFile.read(file);
            long counted = TensorFile.valueCount(file);
            long values = read.values().stream().mapToLong(e -> e.values().length).sum();
            assertTrue(counted == values, counted + " counted, " + values + " read");
            return "read";
        } catch (IOException expected) {
            Mutations.assertCleanMessage(expected);
            return "clean errors";
        }
    }
}
