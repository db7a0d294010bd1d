package dev.cantor.engine.generation;

import dev.cantor.engine.codec.CodecConfig;
import dev.cantor.engine.codec.CodecModel;
import dev.cantor.engine.lm.LmConfig;
import dev.cantor.engine.lm.TransformerLm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A complete generator on disk: {@code codec/} (tokenizer and decoder) and {@code lm/} (the
 * language model over its tokens). Loading checks that the two agree on the token layout.
 */
public final class MusicModel implements AutoCloseable {

    public static final String CODEC_DIR = "codec";
    public static final String LM_DIR = "lm";

    private final Path dir;
    private final CodecModel codec;
    private final TransformerLm lm;

    private MusicModel(Path dir, CodecModel codec, TransformerLm lm) {
        this.dir = dir;
        this.codec = codec;
        this.lm = lm;
    }

    /** True when {@code dir} has both parts (cheap check for model pickers). */
    public static boolean looksLikeModel(Path dir) {
        return Files.isRegularFile(dir.resolve(CODEC_DIR).resolve(CodecModel.WEIGHTS_FILE))
                && Files.isRegularFile(dir.resolve(LM_DIR).resolve(TransformerLm.WEIGHTS_FILE));
    }

    /**
     * Loads both parts.
     *
     * @throws IOException with a message naming what is missing or mismatched
     */
    public static MusicModel load(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toString(), null, "model folder not found");
        }
        for (String part : new String[] {CODEC_DIR, LM_DIR}) {
            if (!Files.isDirectory(dir.resolve(part))) {
                throw new NoSuchFileException(dir.toString(), null,
                        "not a Cantor model folder (it needs " + CODEC_DIR + "/ and " + LM_DIR + "/; " + part + "/ is missing)");
            }
        }
        CodecConfig cc = CodecModel.readConfig(dir.resolve(CODEC_DIR));
        LmConfig lc = TransformerLm.readConfig(dir.resolve(LM_DIR));
        if (cc.numCodebooks() != lc.numCodebooks() || cc.codebookSize() != lc.codebookSize()) {
            throw new IOException("model " + dir + " is inconsistent: the codec makes " + cc.numCodebooks() + "×"
                    + cc.codebookSize() + " tokens but the LM reads " + lc.numCodebooks() + "×" + lc.codebookSize());
        }
        if (lc.frameRate() > 0 && Math.abs(lc.frameRate() - cc.frameRate()) > 1e-9) {
            throw new IOException("model " + dir + " is inconsistent: the codec makes " + cc.frameRate()
                    + " frames per second but the LM was trained on " + lc.frameRate());
        }
        CodecModel codec = CodecModel.load(dir.resolve(CODEC_DIR));
        try {
            return new MusicModel(dir, codec, TransformerLm.load(dir.resolve(LM_DIR)));
        } catch (IOException | RuntimeException e) {
            codec.close();
            throw e;
        }
    }

    public Path dir() {
        return dir;
    }

    public CodecModel codec() {
        return codec;
    }

    public TransformerLm lm() {
        return lm;
    }

    /** Where the LM's tensors live, as DJL names it ("cpu()", "gpu(0)"); the codec's are there too. */
    public String device() {
        return lm.manager().getDevice().toString();
    }

    @Override
    public void close() {
        lm.close();
        codec.close();
    }
}
