package dev.cantor.engine.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.cantor.engine.io.AtomicFiles;
import dev.cantor.engine.io.InputFiles;
import dev.cantor.engine.io.JsonProblems;
import dev.cantor.engine.runtime.NoGrad;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Cantor's tensor file: a small, explicit format for weights and optimizer state.
 * Layout (big-endian): magic "CNTR", version 1, count; then per tensor: name (UTF),
 * storage (0 = float32, 1 = float16), rank, dims (long), values. Written atomically.
 */
public final class TensorFile {

    private static final int MAGIC = 0x434E5452; // "CNTR"
    private static final int VERSION = 1;
    private static final int MAX_TENSORS = 1_000_000;

    /** How values are stored on disk; float16 halves the size of shipped weights. */
    public enum Storage { FLOAT32, FLOAT16 }

    private TensorFile() {
    }

    /** Writes named float arrays. */
    public static void write(Path file, Map<String, NDArray> tensors, Storage storage) throws IOException {
        Map<String, float[]> values = new LinkedHashMap<>();
        Map<String, long[]> shapes = new LinkedHashMap<>();
        tensors.forEach((name, a) -> {
            values.put(name, a.toFloatArray());
            shapes.put(name, a.getShape().getShape());
        });
        writeArrays(file, values, shapes, storage);
    }

    /** Writes plain Java arrays (used for optimizer state and tests). */
    public static void writeArrays(Path file, Map<String, float[]> values, Map<String, long[]> shapes,
                                   Storage storage) throws IOException {
        AtomicFiles.write(file, raw -> {
            DataOutputStream out = new DataOutputStream(raw);
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(values.size());
            for (Map.Entry<String, float[]> e : values.entrySet()) {
                long[] dims = shapes.get(e.getKey());
                out.writeUTF(e.getKey());
                out.writeByte(storage.ordinal());
                out.writeByte(dims.length);
                for (long d : dims) {
                    out.writeLong(d);
                }
                for (float v : e.getValue()) {
                    if (storage == Storage.FLOAT16) {
                        out.writeShort(Float.floatToFloat16(v));
                    } else {
                        out.writeFloat(v);
                    }
                }
            }
            out.flush();
        });
    }

    /** A tensor read from disk. */
    public record Entry(long[] shape, float[] values) {
    }

    /**
     * Reads every tensor. A damaged or crafted file gives one IOException naming the file and
     * the tensor: each tensor's value count is computed with overflow checks and must fit in
     * the bytes the file still has before anything is allocated, so no shape in a file can ask
     * for more memory than the file's own size.
     */
    public static Map<String, Entry> read(Path file) throws IOException {
        Map<String, Entry> result = new LinkedHashMap<>();
        scan(file, (name, dims, storage, in) -> {
            long count = valueCount(dims);
            if (count > Integer.MAX_VALUE - 8) {
                throw new IOException("tensor " + name + " in " + file + " has " + count
                        + " values, more than Cantor holds in one tensor");
            }
            float[] values = new float[(int) count];
            for (int j = 0; j < values.length; j++) {
                values[j] = storage == 1 ? Float.float16ToFloat(in.readShort()) : in.readFloat();
            }
            result.put(name, new Entry(dims, values));
        });
        return result;
    }

    /**
     * The number of values all the file's tensors hold together, from their headers alone (the
     * values are skipped, not read), with the same checks as {@link #read}.
     */
    public static long valueCount(Path file) throws IOException {
        long[] total = {0};
        scan(file, (name, dims, storage, in) -> {
            long count = valueCount(dims);
            in.skipNBytes(count * (storage == 1 ? 2 : 4));
            total[0] += count;
        });
        return total[0];
    }

    private static long valueCount(long[] dims) {
        long count = 1;
        for (long d : dims) {
            count *= d;              // cannot overflow: scan checked the product against the file's size
        }
        return count;
    }

    @FunctionalInterface
    private interface TensorVisitor {
        /** Reads (or skips) the values of one tensor, which scan checked fit in the file. */
        void visit(String name, long[] dims, int storage, DataInputStream in) throws IOException;
    }

    private static void scan(Path file, TensorVisitor visitor) throws IOException {
        long fileSize = InputFiles.requireRegularFile(file, "the weights file", Long.MAX_VALUE);
        try (CountingStream counted = new CountingStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            DataInputStream in = new DataInputStream(counted);
            if (in.readInt() != MAGIC) {
                throw new IOException("not a Cantor tensor file: " + file);
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new IOException("unsupported tensor file version " + version + ": " + file);
            }
            int count = in.readInt();
            if (count < 0 || count > MAX_TENSORS) {
                throw new IOException("corrupt tensor file (count " + count + "): " + file);
            }
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                int storage = in.readByte();
                int rank = in.readByte();
                if (storage < 0 || storage > 1 || rank < 0 || rank > 8) {
                    throw new IOException("corrupt tensor file (entry " + printable(name) + "): " + file);
                }
                if (!seen.add(name)) {
                    throw new IOException("corrupt tensor file (tensor " + printable(name) + " twice): " + file);
                }
                long[] dims = new long[rank];
                for (int d = 0; d < rank; d++) {
                    dims[d] = in.readLong();
                }
                long bytes = tensorBytes(dims, storage == 1 ? 2 : 4);
                long remaining = fileSize - counted.position();
                if (bytes < 0 || bytes > remaining) {
                    throw new IOException("corrupt tensor file " + file + ": tensor " + printable(name) + " of shape "
                            + java.util.Arrays.toString(dims) + " needs " + (bytes < 0 ? "more bytes than any file has"
                            : bytes + " bytes") + " but the file has " + remaining + " left");
                }
                visitor.visit(printable(name), dims, storage, in);
            }
        } catch (EOFException e) {
            throw new IOException("truncated tensor file: " + file, e);
        }
    }

    /** Bytes of a tensor's values, or -1 when a dimension is negative or the product overflows a long. */
    private static long tensorBytes(long[] dims, int bytesPerValue) {
        try {
            long bytes = bytesPerValue;
            for (long d : dims) {
                if (d < 0) {
                    return -1;
                }
                bytes = Math.multiplyExact(bytes, d);
            }
            return bytes;
        } catch (ArithmeticException overflow) {
            return -1;
        }
    }

    /** A tensor name as messages show it (a crafted name could hold control characters). */
    private static String printable(String name) {
        return JsonProblems.oneLine(name);
    }

    /** Counts the bytes read (and skipped) so far, to compare a tensor's size with what remains. */
    private static final class CountingStream extends java.io.FilterInputStream {
        private long position;

        CountingStream(InputStream in) {
            super(in);
        }

        long position() {
            return position;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                position++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                position += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            position += Math.max(0, skipped);
            return skipped;
        }
    }

    /** Loads the file into the store's parameters and buffers (names and shapes must match). */
    public static void load(Path file, ParameterStore store) throws IOException {
        try (NoGrad off = NoGrad.begin()) {
            loadAll(file, store);
        }
    }

    private static void loadAll(Path file, ParameterStore store) throws IOException {
        Map<String, Entry> entries = read(file);
        NDManager m = store.manager();
        for (Map.Entry<String, NDArray> p : store.parameters().entrySet()) {
            copyInto(file, entries, p.getKey(), p.getValue(), m);
        }
        for (String name : store.buffers().keySet()) {
            Entry e = require(file, entries, name, store.buffer(name).getShape());
            store.setBuffer(name, e.values());
        }
    }

    /**
     * Starts a model from another's weights: every tensor of the file goes into the parameter of
     * the same name, which must exist with the same shape; parameters the file does not have keep
     * their initial values. The file must not hold buffers this store lacks either.
     *
     * @return the names of the parameters the file did not have (sorted)
     */
    public static java.util.List<String> loadInto(Path file, ParameterStore store) throws IOException {
        return loadInto(read(file), file, store);
    }

    /**
     * {@link #loadInto(Path, ParameterStore)} for tensors already read (and perhaps reshaped)
     * from {@code file}, which errors name.
     */
    public static java.util.List<String> loadInto(Map<String, Entry> entries, Path file, ParameterStore store)
            throws IOException {
        try (NoGrad off = NoGrad.begin()) {
            return loadMatching(entries, file, store);
        }
    }

    private static java.util.List<String> loadMatching(Map<String, Entry> entries, Path file, ParameterStore store)
            throws IOException {
        for (String name : entries.keySet()) {
            if (!store.parameters().containsKey(name) && !store.buffers().containsKey(name)) {
                throw new IOException("model file " + file + " has tensor " + name + ", which this model lacks");
            }
        }
        java.util.List<String> kept = new java.util.ArrayList<>();
        NDManager m = store.manager();
        for (Map.Entry<String, NDArray> p : store.parameters().entrySet()) {
            if (entries.containsKey(p.getKey())) {
                copyInto(file, entries, p.getKey(), p.getValue(), m);
            } else {
                kept.add(p.getKey());
            }
        }
        for (String name : store.buffers().keySet()) {
            if (entries.containsKey(name)) {
                store.setBuffer(name, require(file, entries, name, store.buffer(name).getShape()).values());
            }
        }
        java.util.Collections.sort(kept);
        return kept;
    }

    private static void copyInto(Path file, Map<String, Entry> entries, String name, NDArray target,
                                 NDManager m) throws IOException {
        Entry e = require(file, entries, name, target.getShape());
        try (NDArray src = m.create(e.values(), target.getShape())) {
            target.muli(0).addi(src);
        }
    }

    private static Entry require(Path file, Map<String, Entry> entries, String name, Shape shape)
            throws IOException {
        Entry e = entries.get(name);
        if (e == null) {
            throw new IOException("model file " + file + " lacks tensor " + name
                    + " (was it saved by a different model configuration?)");
        }
        if (!new Shape(e.shape()).equals(shape)) {
            throw new IOException("tensor " + name + " in " + file + " has shape " + new Shape(e.shape())
                    + " but the model expects " + shape);
        }
        return e;
    }
}
