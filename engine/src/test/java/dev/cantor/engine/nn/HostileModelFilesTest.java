package dev.cantor.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cantor.engine.codec.CodecConfig;
import dev.cantor.engine.codec.CodecModel;
import dev.cantor.engine.io.Fifos;
import dev.cantor.engine.lm.LmConfig;
import dev.cantor.engine.lm.TransformerLm;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 24, items 4, 5 and 6: crafted weights and configs give one line naming the file (and
 * the field), before anything large is allocated. No test here builds a model: every refusal
 * comes first.
 */
class HostileModelFilesTest {

    private static final Duration QUICKLY = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    /** A tensor file with one tensor of the given shape and {@code valueBytes} bytes of values. */
    static byte[] tensorFile(String name, long[] dims, int valueBytes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x434E5452);
        out.writeInt(1);
        out.writeInt(1);
        out.writeUTF(name);
        out.writeByte(0);
        out.writeByte(dims.length);
        for (long d : dims) {
            out.writeLong(d);
        }
        out.write(new byte[valueBytes]);
        return bytes.toByteArray();
    }

    private String refusedWeights(byte[] bytes) throws Exception {
        Path file = Files.write(dir.resolve("weights.cntr"), bytes);
        IOException e = assertTimeoutPreemptively(QUICKLY,
                () -> assertThrows(IOException.class, () -> TensorFile.read(file)));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertThrows(IOException.class, () -> TensorFile.valueCount(file));
        return e.getMessage();
    }

    @Test
    void dimensionsWhoseProductOverflowsALongAreRefused() throws Exception {
        String m = refusedWeights(tensorFile("w", new long[] {1L << 32, 1L << 32, 16}, 64));
        assertTrue(m.contains("tensor w") && m.contains("more bytes than any file has"), m);
        String negative = refusedWeights(tensorFile("w", new long[] {-1, 4}, 64));
        assertTrue(negative.contains("tensor w"), negative);
    }

    @Test
    void aShapeLargerThanTheRestOfTheFileIsRefusedBeforeAllocating() throws Exception {
        String m = refusedWeights(tensorFile("encoder.weight", new long[] {100_000, 100_000}, 64));
        assertTrue(m.contains("40000000000 bytes") && m.contains("64 left"), m);
        String cut = refusedWeights(tensorFile("w", new long[] {4, 4}, 63));
        assertTrue(cut.contains("tensor w"), cut);
    }

    @Test
    void anIntactFileStillReadsAndCountsItsValues() throws Exception {
        Path file = Files.write(dir.resolve("ok.cntr"), tensorFile("w", new long[] {4, 4}, 64));
        assertEquals(16, TensorFile.read(file).get("w").values().length);
        assertEquals(16, TensorFile.valueCount(file));
    }

    @Test
    void aPipeAsWeightsOrConfigDoesNotHang() throws Exception {
        Path model = Files.createDirectories(dir.resolve("m"));
        Fifos.make(model.resolve("weights.cntr"));
        IOException e = assertTimeoutPreemptively(QUICKLY,
                () -> assertThrows(IOException.class, () -> TensorFile.read(model.resolve("weights.cntr"))));
        assertTrue(e.getMessage().contains("named pipe"), e.getMessage());
        Fifos.make(model.resolve("config.json"));
        e = assertTimeoutPreemptively(QUICKLY, () -> assertThrows(IOException.class, () -> TransformerLm.readConfig(model)));
        assertTrue(e.getMessage().contains("named pipe"), e.getMessage());
    }

    private String refusedConfig(String json, boolean lm) throws Exception {
        Path model = Files.createDirectories(dir.resolve(lm ? "lm" : "codec"));
        Files.writeString(model.resolve("config.json"), json);
        IOException e = assertThrows(IOException.class,
                () -> {
                    if (lm) {
                        TransformerLm.readConfig(model);
                    } else {
                        CodecModel.readConfig(model);
                    }
                });
        assertTrue(e.getMessage().contains(model.resolve("config.json").toString()), e.getMessage());
        assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("[Source"), e.getMessage());
        return e.getMessage();
    }

    private static String lmJson(String textDim) {
        return "{\"num_codebooks\": 4, \"codebook_size\": 1024, \"d_model\": 256, \"layers\": 4, \"heads\": 4,"
                + " \"ff_dim\": 1024, \"max_frames\": 200, \"text_dim\": " + textDim + ", \"dropout\": 0.1}";
    }

    private static String codecJson(String residualKernel, String channels, String strides) {
        return "{\"sample_rate\": 32000, \"channels\": " + channels + ", \"latent_dim\": 128, \"strides\": " + strides
                + ", \"residual_kernel\": " + residualKernel + ", \"num_codebooks\": 4, \"codebook_size\": 1024}";
    }

    @Test
    void everyConfigFieldIsBoundedAndTheMessageNamesFileAndField() throws Exception {
        assertTrue(refusedConfig(lmJson("2000000000"), true).contains("text_dim must be 1..4096"));
        assertTrue(refusedConfig(lmJson("\"wide\""), true).contains("text_dim"));
        assertTrue(refusedConfig(lmJson("384.5"), true).contains("text_dim"));
        assertTrue(refusedConfig(lmJson("384") + " trailing", true).contains("damaged LM config"));
        assertTrue(refusedConfig(codecJson("1000001", "16", "[4, 4, 5, 8]"), false).contains("residual_kernel"));
        assertTrue(refusedConfig(codecJson("3", "1024", "[16, 16, 16, 16, 16, 16]"), false).contains("strides"));
        assertTrue(refusedConfig(codecJson("3", "1024", "[2, 2, 2, 2, 2, 2]"), false).contains("channels"));
    }

    @Test
    void aConfigAskingForMoreThanItsWeightsHoldIsRefusedBeforeBuilding() throws Exception {
        Path codec = Files.createDirectories(dir.resolve("codec"));
        Files.writeString(codec.resolve("config.json"), codecJson("3", "1024", "[4, 4, 4]"));
        Map<String, float[]> values = new LinkedHashMap<>();
        Map<String, long[]> shapes = new LinkedHashMap<>();
        values.put("encoder.input.weight", new float[16 * 7]);
        shapes.put("encoder.input.weight", new long[] {16, 1, 7});
        TensorFile.writeArrays(codec.resolve("weights.cntr"), values, shapes, TensorFile.Storage.FLOAT32);
        IOException e = assertTimeoutPreemptively(QUICKLY, () -> assertThrows(IOException.class, () -> CodecModel.load(codec)));
        assertTrue(e.getMessage().contains("does not belong to these weights") && e.getMessage().contains("config.json"),
                e.getMessage());

        Path lm = Files.createDirectories(dir.resolve("lm"));
        Files.writeString(lm.resolve("config.json"), lmJson("4096").replace("\"d_model\": 256", "\"d_model\": 8192")
                .replace("\"ff_dim\": 1024", "\"ff_dim\": 65536").replace("\"layers\": 4", "\"layers\": 96"));
        TensorFile.writeArrays(lm.resolve("weights.cntr"), values, shapes, TensorFile.Storage.FLOAT16);
        e = assertTimeoutPreemptively(QUICKLY, () -> assertThrows(IOException.class, () -> TransformerLm.load(lm)));
        assertTrue(e.getMessage().contains("does not belong to these weights"), e.getMessage());
    }

    @Test
    void theLowerBoundsNeverExceedWhatTheShippedShapesHold() {
        LmConfig small = LmConfig.small(4, 1024);
        assertTrue(small.minimumParameters() > 0 && small.minimumParameters() < 6_000_000, "" + small.minimumParameters());
        assertTrue(CodecConfig.small().minimumValues() < 2_200_000, "" + CodecConfig.small().minimumValues());
    }
}
