package dev.cantor.engine.library;

import dev.cantor.engine.api.CancellationToken;
import dev.cantor.engine.api.ProgressListener;
import dev.cantor.engine.api.ProgressStage;
import dev.cantor.engine.api.finetune.LibraryTrack;
import dev.cantor.engine.api.finetune.TrackAnalysis;
import dev.cantor.engine.api.finetune.TrainingLibrary;
import dev.cantor.engine.audio.AudioClip;
import dev.cantor.engine.audio.AudioFiles;
import dev.cantor.engine.audio.TrackTags;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Imports a library folder: finds the audio files in it and below ({@link AudioFiles#EXTENSIONS}),
 * reads each one, and records its length, tags, analysis and a suggested caption. A file that
 * cannot be read is listed with the reason and skipped; it never stops the import. Files with
 * the same audio (a copy, or one song in two formats) are used once, the lossless one kept.
 * One file in about seven is held out for validation, by file, so no clip of a validation song
 * is ever trained on. Only reads: nothing in the folder is written, moved or touched.
 */
public final class LibraryScanner {

    /** Rate the files are decoded at for analysis (tempo, key and fingerprints need no more). */
    public static final int ANALYSIS_RATE = 22050;
    /** Shortest track worth training on. */
    public static final double MIN_TRACK_SECONDS = 5;
    /** Longest stretch of one file that is read (a two-hour mix is cut here). */
    public static final double MAX_TRACK_SECONDS = 20 * 60;
    /** Share of the files held out for validation. */
    static final double VALIDATION_SHARE = 0.15;

    private LibraryScanner() {
    }

    /**
     * Scans {@code root}.
     *
     * @param previous an earlier import of the folder, or null: captions the musician edited and
     *                 the validation split of files still there are kept
     * @throws IOException when the folder itself cannot be listed (a file that cannot be read is
     *                     recorded, not thrown)
     */
    public static TrainingLibrary scan(Path root, TrainingLibrary previous, ProgressListener progress,
                                       CancellationToken cancel) throws IOException {
        if (!Files.exists(root)) {
            throw new NoSuchFileException(root.toString(), null, "library folder not found");
        }
        if (!Files.isDirectory(root)) {
            throw new NotDirectoryException(root + " is not a folder");
        }
        List<Path> audio = new ArrayList<>();
        int[] ignored = {0};
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).filter(p -> !hidden(root, p)).sorted().forEach(p -> {
                if (AudioFiles.hasAudioExtension(p)) {
                    audio.add(p);
                } else {
                    ignored[0]++;
                }
            });
        }
        Map<String, LibraryTrack> before = new HashMap<>();
        if (previous != null) {
            previous.tracks().forEach(t -> before.put(t.path(), t));
        }
        List<LibraryTrack> tracks = new ArrayList<>();
        Map<String, AudioFingerprint> prints = new HashMap<>();
        for (int i = 0; i < audio.size(); i++) {
            cancel.throwIfCancelled();
            Path file = audio.get(i);
            String rel = root.relativize(file).toString().replace('\\', '/');
            tracks.add(read(file, rel, before.get(rel), prints));
            progress.onProgress(i + 1, audio.size(), ProgressStage.READING);
        }
        tracks = markDuplicates(tracks, prints);
        tracks = split(tracks, before);
        return new TrainingLibrary(TrainingLibrary.FORMAT, TrainingLibrary.VERSION,
                root.toAbsolutePath().normalize().toString(), Instant.now().toString(), ignored[0], tracks);
    }

    private static boolean hidden(Path root, Path p) {
        for (Path part : root.relativize(p)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static LibraryTrack read(Path file, String rel, LibraryTrack earlier, Map<String, AudioFingerprint> prints) {
        long bytes;
        String modified;
        try {
            bytes = Files.size(file);
            modified = Files.getLastModifiedTime(file).toInstant().toString();
        } catch (IOException e) {
            return unreadable(rel, 0, null, "cannot read the file: " + e.getMessage());
        }
        AudioClip clip;
        try {
            clip = AudioFiles.readMono(file, ANALYSIS_RATE, MAX_TRACK_SECONDS);
        } catch (IOException e) {
            return unreadable(rel, bytes, modified, e.getMessage());
        } catch (RuntimeException | OutOfMemoryError e) {
            return unreadable(rel, bytes, modified, "the decoder failed on this file (" + e.getClass().getSimpleName()
                    + ")");
        }
        double seconds = clip.seconds();
        TrackTags tags = TrackTags.read(file);
        if (seconds < MIN_TRACK_SECONDS) {
            return new LibraryTrack(rel, bytes, modified, LibraryTrack.Status.TOO_SHORT,
                    String.format(Locale.ROOT, "only %.1f s long (at least %.0f s needed)", seconds, MIN_TRACK_SECONDS),
                    seconds, ANALYSIS_RATE, null, tags.isEmpty() ? null : tags, null, null, false, false);
        }
        TrackAnalysis analysis = TrackAnalyzer.analyze(clip.samples(), clip.sampleRate());
        prints.put(rel, AudioFingerprint.of(clip.samples(), clip.sampleRate()));
        boolean edited = earlier != null && earlier.captionEdited();
        String caption = edited ? earlier.caption() : CaptionWriter.suggest(rel, tags.isEmpty() ? null : tags, analysis);
        return new LibraryTrack(rel, bytes, modified, LibraryTrack.Status.OK, null, seconds, ANALYSIS_RATE, null,
                tags.isEmpty() ? null : tags, analysis, caption, edited, false);
    }

    private static LibraryTrack unreadable(String rel, long bytes, String modified, String reason) {
        return new LibraryTrack(rel, bytes, modified, LibraryTrack.Status.UNREADABLE, reason, 0, 0, null, null, null,
                null, false, false);
    }

    /** Marks every file whose audio repeats another's; of each group the lossless, then first, file stays. */
    private static List<LibraryTrack> markDuplicates(List<LibraryTrack> tracks, Map<String, AudioFingerprint> prints) {
        List<LibraryTrack> ok = tracks.stream().filter(LibraryTrack::usable)
                .sorted(Comparator.comparingInt((LibraryTrack t) -> formatRank(t.path())).thenComparing(LibraryTrack::path))
                .toList();
        Map<String, String> duplicateOf = new HashMap<>();
        List<LibraryTrack> kept = new ArrayList<>();
        for (LibraryTrack t : ok) {
            for (LibraryTrack k : kept) {
                if (prints.get(t.path()).sameAudioAs(prints.get(k.path()))) {
                    duplicateOf.put(t.path(), k.path());
                    break;
                }
            }
            if (!duplicateOf.containsKey(t.path())) {
                kept.add(t);
            }
        }
        return tracks.stream().map(t -> duplicateOf.containsKey(t.path()) ? t.asDuplicateOf(duplicateOf.get(t.path()))
                : t).toList();
    }

    /** Lossless formats first: the copy kept of a duplicate is the best one. */
    private static int formatRank(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        return p.endsWith(".wav") || p.endsWith(".flac") ? 0 : p.endsWith(".ogg") || p.endsWith(".oga") ? 1 : 2;
    }

    /**
     * Holds out about {@link #VALIDATION_SHARE} of the usable files (a fixed hash of the path, so
     * a rescan gives the same split; files split before keep their side), at least one when
     * there are two or more, and never all of them.
     */
    static List<LibraryTrack> split(List<LibraryTrack> tracks, Map<String, LibraryTrack> before) {
        List<LibraryTrack> out = new ArrayList<>();
        for (LibraryTrack t : tracks) {
            LibraryTrack earlier = before.get(t.path());
            boolean held = t.usable() && (earlier != null && earlier.usable() ? earlier.validation()
                    : bucket(t.path()) < VALIDATION_SHARE);
            out.add(t.withValidation(held));
        }
        List<LibraryTrack> usable = out.stream().filter(LibraryTrack::usable).toList();
        long held = usable.stream().filter(LibraryTrack::validation).count();
        if (usable.size() >= 2 && held == 0) {
            LibraryTrack pick = usable.stream().min(Comparator.comparingDouble(t -> bucket(t.path()))).orElseThrow();
            out.replaceAll(t -> t == pick ? t.withValidation(true) : t);
        } else if (usable.size() >= 2 && held == usable.size()) {
            LibraryTrack pick = usable.stream().max(Comparator.comparingDouble(t -> bucket(t.path()))).orElseThrow();
            out.replaceAll(t -> t == pick ? t.withValidation(false) : t);
        }
        return out;
    }

    /** A fixed pseudo-random number in [0, 1) for a path. */
    static double bucket(String path) {
        long h = path.hashCode() * 0x9E3779B97F4A7C15L;
        h ^= h >>> 31;
        return (h >>> 11) / (double) (1L << 53);
    }
}
