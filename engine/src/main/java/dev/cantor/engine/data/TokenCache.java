package dev.cantor.engine.data;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cantor.engine.io.AtomicFiles;
import dev.cantor.engine.io.JsonProblems;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A folder of tokenized clips for language-model training: {@code tokens.json} (what made
 * them), {@code clips.jsonl} (one clip's labels per line) and {@code tokens.bin} (codes as
 * 16-bit values, melody symbols as bytes, caption embeddings as floats, clip after clip).
 * Every file is written atomically.
 */
public final class TokenCache {

    public static final String META_FILE = "tokens.json";
    public static final String INDEX_FILE = "clips.jsonl";
    public static final String DATA_FILE = "tokens.bin";
    private static final String FORMAT = "cantor-tokens";
    private static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper LINES = new ObjectMapper();

    /**
     * What a cache holds.
     *
     * @param codec      folder of the codec that made the tokens (for the record)
     * @param frameRate  token frames per second
     * @param textModel  name of the sentence encoder of the caption embeddings
     */
    public record Meta(
            @JsonProperty("format") String format,
            @JsonProperty("version") int version,
            @JsonProperty("codec") String codec,
            @JsonProperty("num_codebooks") int numCodebooks,
            @JsonProperty("codebook_size") int codebookSize,
            @JsonProperty("frame_rate") double frameRate,
            @JsonProperty("text_model") String textModel,
            @JsonProperty("text_dim") int textDim,
            @JsonProperty("clips") int clips,
            @JsonProperty("frames") long frames) {

        public static Meta of(String codec, int numCodebooks, int codebookSize, double frameRate, String textModel,
                              int textDim, List<TokenClip> clips) {
            long frames = clips.stream().mapToLong(TokenClip::frames).sum();
            return new Meta(FORMAT, VERSION, codec, numCodebooks, codebookSize, frameRate, textModel, textDim,
                    clips.size(), frames);
        }
    }

    /** A cache read into memory. */
    public record Contents(Meta meta, List<TokenClip> clips) {
    }

    private TokenCache() {
    }

    /** Writes a cache into {@code dir} (created if needed). */
    public static void write(Path dir, Meta meta, List<TokenClip> clips) throws IOException {
        Files.createDirectories(dir);
        AtomicFiles.write(dir.resolve(DATA_FILE), out -> {
            DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out, 1 << 16));
            for (TokenClip c : clips) {
                if (c.codes().length != meta.numCodebooks() || c.text().length != meta.textDim()) {
                    throw new IOException("clip " + c.file() + " does not match the cache layout");
                }
                for (int[] row : c.codes()) {
                    for (int code : row) {
                        data.writeShort(code);
                    }
                }
                for (int m : c.melody()) {
                    data.writeByte(m);
                }
                for (float v : c.text()) {
                    data.writeFloat(v);
                }
            }
            data.flush();
        });
        StringBuilder index = new StringBuilder();
        for (TokenClip c : clips) {
            index.append(LINES.writeValueAsString(c)).append('\n');
        }
        AtomicFiles.writeString(dir.resolve(INDEX_FILE), index.toString());
        // The meta file goes last: a folder with it is complete.
        AtomicFiles.writeString(dir.resolve(META_FILE), JSON.writeValueAsString(meta));
    }

    /** Reads a cache written by {@link #write}. */
    public static Contents read(Path dir) throws IOException {
        Path metaFile = dir.resolve(META_FILE);
        if (!Files.isRegularFile(metaFile)) {
            throw new NoSuchFileException(dir.toString(), null,
                    "not a token cache (no " + META_FILE + "; make one with 'cantor tokenize')");
        }
        Meta meta;
        List<TokenClip> labels = new ArrayList<>();
        try {
            meta = JSON.readValue(metaFile.toFile(), Meta.class);
            if (!FORMAT.equals(meta.format()) || meta.version() != VERSION) {
                throw new IOException("unsupported token cache " + meta.format() + " v" + meta.version());
            }
            for (String line : Files.readAllLines(dir.resolve(INDEX_FILE))) {
                if (!line.isBlank()) {
                    labels.add(LINES.readValue(line, TokenClip.class));
                }
            }
        } catch (JsonProcessingException e) {
            throw new IOException("damaged token cache " + dir + ": " + JsonProblems.describe(e), e);
        } catch (IOException e) {
            throw new IOException("damaged token cache " + dir + ": " + e.getMessage(), e);
        }
        if (labels.size() != meta.clips()) {
            throw new IOException("damaged token cache " + dir + ": index lists " + labels.size()
                    + " clips, " + META_FILE + " says " + meta.clips());
        }
        List<TokenClip> clips = new ArrayList<>(labels.size());
        try (InputStream in = new BufferedInputStream(Files.newInputStream(dir.resolve(DATA_FILE)), 1 << 16)) {
            DataInputStream data = new DataInputStream(in);
            for (TokenClip label : labels) {
                int[][] codes = new int[meta.numCodebooks()][label.frames()];
                for (int[] row : codes) {
                    for (int t = 0; t < row.length; t++) {
                        row[t] = data.readUnsignedShort();
                    }
                }
                int[] melody = new int[label.frames()];
                for (int t = 0; t < melody.length; t++) {
                    melody[t] = data.readUnsignedByte();
                }
                float[] text = new float[meta.textDim()];
                for (int i = 0; i < text.length; i++) {
                    text[i] = data.readFloat();
                }
                clips.add(label.withArrays(codes, melody, text));
            }
            if (data.read() != -1) {
                throw new IOException("damaged token cache " + dir + ": " + DATA_FILE + " is longer than its index");
            }
        } catch (EOFException e) {
            throw new IOException("damaged token cache " + dir + ": " + DATA_FILE + " is truncated", e);
        }
        return new Contents(meta, clips);
    }
}
