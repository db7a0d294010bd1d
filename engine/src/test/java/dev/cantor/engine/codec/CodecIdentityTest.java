package dev.cantor.engine.codec;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link CodecModel#sameWeights}: what average-models checks before it mixes two models' language models. */
class CodecIdentityTest {

    @Test
    void aSavedAndReloadedCodecIsTheSameAndAnotherSeedIsNot(@TempDir Path dir) throws Exception {
        try (CodecModel a = CodecModel.create(CodecConfig.preset("tiny-fvq"), 3);
             CodecModel other = CodecModel.create(CodecConfig.preset("tiny-fvq"), 4)) {
            a.save(dir);
            try (CodecModel reloaded = CodecModel.load(dir)) {
                assertTrue(a.sameWeights(reloaded));
            }
            assertFalse(a.sameWeights(other));
        }
    }
}
