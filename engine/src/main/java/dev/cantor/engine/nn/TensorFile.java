package dev.cantor.engine.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.cantor.engine.io.AtomicFiles;
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

    /** Reads every tensor; a damaged file gives an IOException naming the file. */
    public static Map<String, Entry> read(Path file) throws IOException {
        long fileSize = Files.size(file);
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            DataInputStream in = new DataInputStream(raw);
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
            Map<String, Entry> result = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                int storage = in.readByte();
                int rank = in.readByte();
                if (storage < 0 || storage > 1 || rank < 0 || rank > 8) {
                    throw new IOException("corrupt tensor file (entry " + name + "): " + file);
                }
                long[] dims = new long[rank];
                long size = 1;
                for (int d = 0; d < rank; d++) {
                    dims[d] = in.readLong();
                    if (dims[d] < 0 || dims[d] > fileSize) {
                        throw new IOException("corrupt tensor file (shape of " + name + "): " + file);
                    }
                    size *= dims[d];
                }
                if (size > fileSize) {
                    throw new IOException("corrupt tensor file (size of " + name + "): " + file);
                }
                float[] values = new float[(int) size];
                for (int j = 0; j < values.length; j++) {
                    values[j] = storage == 1 ? Float.float16ToFloat(in.readShort()) : in.readFloat();
                }
                result.put(name, new Entry(dims, values));
            }
            return result;
        } catch (EOFException e) {
            throw new IOException("truncated tensor file: " + file, e);
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
