package dev.cantor.engine.generation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cantor.engine.api.CancellationToken;
import dev.cantor.engine.api.CancelledException;
import dev.cantor.engine.api.GenerationResult;
import dev.cantor.engine.api.ProgressListener;
import dev.cantor.engine.api.RequestException;
import dev.cantor.engine.api.SamplingParams;
import dev.cantor.engine.codec.CodecConfig;
import dev.cantor.engine.codec.CodecModel;
import dev.cantor.engine.conditioning.TextEncoder;
import dev.cantor.engine.lm.LmCondition;
import dev.cantor.engine.lm.LmConfig;
import dev.cantor.engine.lm.TransformerLm;
import dev.cantor.engine.sampling.TokenGenerator;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluation floor: sampling from the model with no condition at all. */
class UnconditionalGenerationTest {

    @TempDir
    Path dir;

    @Test
    void samplesTheNullConditionReproducibly() throws Exception {
        CodecConfig codec = CodecConfig.tiny();
        try (CodecModel c = CodecModel.create(codec, 1)) {
            c.save(dir.resolve(MusicModel.CODEC_DIR));
        }
        LmConfig lm = LmConfig.tiny(codec.numCodebooks(), codec.codebookSize()).withMaxFrames(40);
        try (TransformerLm l = TransformerLm.create(lm, 2)) {
            l.save(dir.resolve(MusicModel.LM_DIR));
        }
        try (LocalMusicEngine engine = new LocalMusicEngine(MusicModel.load(dir), TextEncoder.open())) {
            GenerationResult a = engine.generateUnconditional(1.0, 9, ProgressListener.NONE, CancellationToken.NEVER);
            assertEquals(50, a.codes()[0].length);
            assertEquals(32_000, a.audio().length());
            GenerationResult b = engine.generateUnconditional(1.0, 9, ProgressListener.NONE, CancellationToken.NEVER);
            assertArrayEquals(a.codes(), b.codes());
            // exactly the model's null-condition distribution, with MusicGen's sampling defaults
            int[][] expected = new TokenGenerator(engine.model().lm()).generate(LmCondition.NONE, null, 50,
                    new TokenGenerator(engine.model().lm()).defaultContextFrames(),
                    SamplingParams.defaults(9).withGuidance(1.0), (done, total) -> { }, CancellationToken.NEVER);
            assertArrayEquals(expected, a.codes());
            assertThrows(RequestException.class, () -> engine.generateUnconditional(0, 1, ProgressListener.NONE,
                    CancellationToken.NEVER));
            CancellationToken cancel = new CancellationToken();
            cancel.cancel();
            assertThrows(CancelledException.class, () -> engine.generateUnconditional(1.0, 1, ProgressListener.NONE,
                    cancel));
        }
    }
}
