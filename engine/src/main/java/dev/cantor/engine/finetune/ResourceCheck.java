package dev.cantor.engine.finetune;

import dev.cantor.engine.generation.MusicModel;
import dev.cantor.engine.nn.ModelFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Checks before a fine-tune starts that the machine has room for it: disk for the new model, its
 * checkpoints (weights and two optimizer moments, in float32) and the token caches; and memory
 * for training. A fine-tune that would fail hours in fails here, with what is missing.
 */
public final class ResourceCheck {

    /** Token caches, logs and slack. */
    static final long EXTRA_BYTES = 200L << 20;
    static final long MIN_HEAP_BYTES = 1L << 30;
    /** Tuning the codec too holds up to {@link CodecFineTune#MAX_TRAIN_SECONDS} of audio and its activations. */
    static final long MIN_HEAP_BYTES_WITH_CODEC = 2L << 30;

    private ResourceCheck() {
    }

    /** What is missing to fine-tune {@code base} (and its codec when {@code tuneCodec}) into {@code out}, or null when there is room. */
    public static String problem(Path out, Path base, boolean tuneCodec) throws IOException {
        long lmBytes = Files.size(base.resolve(MusicModel.LM_DIR).resolve(ModelFolder.WEIGHTS_FILE));
        long codecBytes = Files.size(base.resolve(MusicModel.CODEC_DIR).resolve(ModelFolder.WEIGHTS_FILE));
        // stored weights may be float16: float32 weights + 2 Adam moments + the saved copy, twice for a checkpoint
        long needed = 8 * 2 * (tuneCodec ? lmBytes + codecBytes : lmBytes) + codecBytes + EXTRA_BYTES;
        Path existing = out.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null) {
            long free = Files.getFileStore(existing).getUsableSpace();
            if (free < needed) {
                return String.format(Locale.ROOT, "not enough disk space in %s: the fine-tune needs about %d MB, "
                        + "%d MB are free", existing, needed >> 20, free >> 20);
            }
        }
        long heap = Runtime.getRuntime().maxMemory();
        long minHeap = tuneCodec ? MIN_HEAP_BYTES_WITH_CODEC : MIN_HEAP_BYTES;
        if (heap < minHeap) {
            return String.format(Locale.ROOT, "Java may use only %d MB of memory; a fine-tune%s needs at least %d MB "
                    + "(start Cantor with -Xmx%dg or more)", heap >> 20, tuneCodec ? " of the codec" : "",
                    minHeap >> 20, (minHeap >> 30) + 1);
        }
        return null;
    }
}
