package dev.cantor.engine.eval;

import dev.cantor.engine.api.ProgressListener;
import dev.cantor.engine.api.ProgressStage;
import dev.cantor.engine.audio.AudioFileException;
import dev.cantor.engine.audio.AudioFiles;
import dev.cantor.engine.audio.AudioLoader;
import dev.cantor.engine.data.Manifest;
import dev.cantor.engine.dsp.AudioMetrics;
import dev.cantor.engine.training.AudioFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The clips a codec is measured on, mono at the model rate. A corpus folder (one with
 * {@code manifest.jsonl}, made by {@code cantor synth}) gives its clips whole, as training saw
 * them, and any clip that cannot be read stops the load: the corpus is broken. Any other folder
 * is taken as a musician's recordings: every file in it (not in sub-folders, hidden files
 * ignored) in a format Cantor reads ({@link AudioFiles#FORMAT_NAMES}) gives
 * {@value #EXCERPT_SECONDS} seconds from its middle, or the whole file when shorter; a file
 * that cannot be read, or whose excerpt is silent, is listed with the reason and skipped, as the
 * library import does, so one damaged song does not stop a measurement on fifty.
 *
 * @param clips   [clip][sample], in file-name order
 * @param skipped the files left out, each with the reason (it names the file)
 */
public record HeldOutClips(List<float[]> clips, List<String> skipped) {

    /** Length of the excerpt taken from each recording: enough for phrases, short enough for many songs. */
    public static final double EXCERPT_SECONDS = 10;

    /**
     * A recording's excerpt quieter than this is left out (and listed): there is no music in it
     * to measure, and every decoder's noise floor is far above it, so one such file would
     * dominate the dB figures (Debian's wesnoth music ships a 10 s track at −101 dBFS, which
     * alone scored a worst band of 122 dB).
     */
    public static final double SILENT_DBFS = -60;

    public HeldOutClips {
        clips = List.copyOf(clips);
        skipped = List.copyOf(skipped);
        if (clips.isEmpty()) {
            throw new IllegalArgumentException("need at least one clip");
        }
    }

    /**
     * Loads the clips of {@code dir}.
     *
     * @param maxClips stop after this many clips; 0 for all
     * @throws IOException if the folder is missing or holds no readable audio, or a corpus clip
     *                     cannot be read (the message names the folder or file)
     */
    public static HeldOutClips load(Path dir, int sampleRate, int maxClips, ProgressListener progress)
            throws IOException {
        if (maxClips < 0) {
            throw new IllegalArgumentException("maxClips must be >= 0, got " + maxClips);
        }
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toString(), null, "not a folder");
        }
        return Files.isRegularFile(Manifest.path(dir)) ? corpus(dir, sampleRate, maxClips, progress)
                : recordings(dir, sampleRate, maxClips, progress);
    }

    private static HeldOutClips corpus(Path dir, int sampleRate, int maxClips, ProgressListener progress)
            throws IOException {
        List<Path> files = limit(AudioFolder.list(dir), maxClips);
        List<float[]> clips = new ArrayList<>();
        for (Path file : files) {
            clips.add(AudioLoader.loadMono(file, sampleRate).samples());
            progress.onProgress(clips.size(), files.size(), ProgressStage.LOADING);
        }
        return new HeldOutClips(clips, List.of());
    }

    private static HeldOutClips recordings(Path dir, int sampleRate, int maxClips, ProgressListener progress)
            throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> !p.getFileName().toString().startsWith(".")).filter(Files::isRegularFile)
                    .filter(AudioFiles::hasAudioExtension).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IOException("no audio files in " + dir + " (Cantor reads " + AudioFiles.FORMAT_NAMES + ")");
        }
        List<float[]> clips = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (int i = 0; i < files.size() && (maxClips == 0 || clips.size() < maxClips); i++) {
            try {
                float[] excerpt = AudioLoader.loadMiddle(files.get(i), sampleRate, EXCERPT_SECONDS).samples();
                double level = AudioMetrics.rmsDbfs(excerpt);
                if (level < SILENT_DBFS) {
                    skipped.add(files.get(i).getFileName() + ": silent (" + Math.round(level)
                            + " dBFS), nothing to measure a codec on");
                } else {
                    clips.add(excerpt);
                }
            } catch (AudioFileException e) {
                skipped.add(e.getMessage());
            }
            progress.onProgress(i + 1, files.size(), ProgressStage.LOADING);
        }
        if (clips.isEmpty()) {
            throw new AudioFileException("none of the " + files.size() + " audio files in " + dir
                    + " could be read; the first: " + skipped.get(0));
        }
        return new HeldOutClips(clips, skipped);
    }

    private static List<Path> limit(List<Path> files, int maxClips) {
        return maxClips > 0 && files.size() > maxClips ? files.subList(0, maxClips) : files;
    }
}
