package dev.cantor.engine.training;

import dev.cantor.engine.api.ProgressListener;
import dev.cantor.engine.api.ProgressStage;
import dev.cantor.engine.audio.AudioLoader;
import dev.cantor.engine.data.Manifest;
import dev.cantor.engine.data.ManifestEntry;
import java.io.IOException;
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

    private AudioFolder() {
    }

    /** The audio files of {@code dir} in a stable order. */
    public static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toString(), null, "not a folder");
        }
        List<Path> files = new ArrayList<>();
        if (Files.isRegularFile(Manifest.path(dir))) {
            for (ManifestEntry entry : Manifest.read(dir)) {
                files.add(dir.resolve(entry.file()));
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
            clips.add(AudioLoader.loadMono(files.get(i), sampleRate).samples());
            progress.onProgress(i + 1, files.size(), ProgressStage.LOADING);
        }
        return clips;
    }
}
