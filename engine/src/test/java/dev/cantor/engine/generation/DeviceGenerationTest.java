package dev.cantor.engine.generation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cantor.engine.api.CancellationToken;
import dev.cantor.engine.api.DeviceChoice;
import dev.cantor.engine.api.GenerationRequest;
import dev.cantor.engine.api.ProgressListener;
import dev.cantor.engine.codec.CodecConfig;
import dev.cantor.engine.codec.CodecModel;
import dev.cantor.engine.conditioning.TextEncoder;
import dev.cantor.engine.lm.LmConfig;
import dev.cantor.engine.lm.TransformerLm;
import dev.cantor.engine.runtime.ModelDevice;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The engine on an explicitly chosen device gives the audio it gives on the default one, to the
 * bit: the choice moves where tensors live and nothing else. Here (no GPU) the devices are the
 * CPU; on a machine with a CUDA GPU, {@code scripts/gpu-check.sh} runs the GPU side.
 */
class DeviceGenerationTest {

    @TempDir
    static Path dir;
    static float[] reference;

    @BeforeAll
    static void buildTinyModelAndGenerateOnTheDefaultDevice() throws Exception {
        CodecConfig codec = CodecConfig.tiny();
        try (CodecModel c = CodecModel.create(codec, 1)) {
            c.save(dir.resolve(MusicModel.CODEC_DIR));
        }
        try (TransformerLm l = TransformerLm.create(LmConfig.tiny(codec.numCodebooks(), codec.codebookSize()), 2)) {
            l.save(dir.resolve(MusicModel.LM_DIR));
        }
        reference = generate();
    }

    private static float[] generate() throws Exception {
        try (LocalMusicEngine engine = new LocalMusicEngine(MusicModel.load(dir), TextEncoder.open())) {
            return engine.generate(GenerationRequest.ofPrompt("calm piano, 70 bpm", 1.0, 7), ProgressListener.NONE,
                    CancellationToken.NEVER).audio().samples();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cpu", "auto"})
    void anExplicitDeviceGivesTheDefaultsAudio(String device) throws Exception {
        DeviceChoice before = ModelDevice.choice();
        try {
            ModelDevice.use(DeviceChoice.parse(device));
            try (MusicModel model = MusicModel.load(dir)) {
                assertEquals(ModelDevice.current().toString(), model.device());
                assertEquals(model.device(), model.codec().manager().getDevice().toString());
            }
            assertArrayEquals(reference, generate());
        } finally {
            ModelDevice.use(before);
        }
    }
}
