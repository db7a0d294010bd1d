package dev.cantor.engine.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cantor.engine.api.ProgressListener;
import dev.cantor.engine.audio.AudioLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The clips of a training or evaluation folder, loaded as mono audio at the model rate: the
 * files listed in {@code manifest.jsonl} when there is one (a corpus made by {@code cantor
 * synth}), else every {@code .wav} in the folder, in name order.
 */
public final class AudioFolder {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AudioFolder() {
    }

    /** The audio files of {@code dir} in a stable order. */
    public static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toString(), null, "not a folder");
        }
        Path manifest = dir.resolve("manifest.jsonl");
        List<Path> files = new ArrayList<>();
        if (Files.isRegularFile(manifest)) {
            int lineNo = 0;
            for (String line : Files.readAllLines(manifest)) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = JSON.readTree(line);
                } catch (IOException e) {
                    throw new IOException("manifest " + manifest + " line " + lineNo + " is not JSON", e);
                }
                JsonNode file = node.get("file");
                if (file == null || !file.isTextual()) {
                    throw new IOException("manifest " + manifest + " line " + lineNo + " has no \"file\"");
                }
                files.add(dir.resolve(file.asText()));
            }
        } else {
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".wav"))
                        .sorted().forEach(files::add);
            }
        }
        if (files.isEmpty()) {
            throw new IOException("no audio clips in " + dir);
        }
        return files;
    }

    /** Loads every clip as mono at {@code sampleRate}. */
    public static List<float[]> load(Path dir, int sampleRate, ProgressListener progress) throws IOException {
        List<Path> files = list(dir);
        List<float[]> clips = new ArrayList<>(files.size());
        for (int i = 0; i < files.size(); i++) {
            try {
                clips.add(AudioLoader.loadMono(files.get(i), sampleRate).samples());
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            progress.onProgress(i + 1, files.size(), "loading");
        }
        return clips;
    }
}
