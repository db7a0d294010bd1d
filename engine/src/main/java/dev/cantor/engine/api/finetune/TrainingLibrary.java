package dev.cantor.engine.api.finetune;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A musician's library as imported for fine-tuning ({@code "format": "cantor-library"}): the
 * folder, every file found with its status, tags, analysis, caption and split. Saved with the
 * training project (never in the library folder: Cantor does not write there).
 *
 * @param format   always {@link #FORMAT}
 * @param version  schema version
 * @param root     the library folder (absolute)
 * @param scanned  when it was last scanned (ISO-8601)
 * @param ignored  files that were not audio (covers, playlists…)
 * @param tracks   the audio files, sorted by path
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TrainingLibrary(
        @JsonProperty("format") String format,
        @JsonProperty("version") int version,
        @JsonProperty("root") String root,
        @JsonProperty("scanned") String scanned,
        @JsonProperty("ignored") int ignored,
        @JsonProperty("tracks") List<LibraryTrack> tracks) {

    public static final String FORMAT = "cantor-library";
    public static final int VERSION = 1;
    /** Fewest usable files a fine-tune accepts (one to train on, one to validate with). */
    public static final int MIN_FILES = 2;
    /** Least training audio a fine-tune accepts. */
    public static final double MIN_TRAIN_SECONDS = 30;

    public TrainingLibrary {
        tracks = tracks == null ? List.of() : List.copyOf(tracks);
    }

    /** Files used for training or validation. */
    public List<LibraryTrack> usable() {
        return tracks.stream().filter(LibraryTrack::usable).toList();
    }

    public List<LibraryTrack> training() {
        return tracks.stream().filter(t -> t.usable() && !t.validation()).toList();
    }

    public List<LibraryTrack> validation() {
        return tracks.stream().filter(t -> t.usable() && t.validation()).toList();
    }

    public List<LibraryTrack> skipped() {
        return tracks.stream().filter(t -> !t.usable()).toList();
    }

    /** Why this library cannot be used for a fine-tune, or null when it can. */
    public String tooSmall() {
        List<LibraryTrack> usable = usable();
        double trainSeconds = training().stream().mapToDouble(LibraryTrack::seconds).sum();
        if (usable.size() < MIN_FILES) {
            return String.format(java.util.Locale.ROOT, "the library has %d usable file%s; a fine-tune needs at least "
                    + "%d (one to learn from, one to check the result on)", usable.size(), usable.size() == 1 ? "" : "s",
                    MIN_FILES);
        }
        if (trainSeconds < MIN_TRAIN_SECONDS) {
            return String.format(java.util.Locale.ROOT, "the library has %.0f s of music to learn from; a fine-tune "
                    + "needs at least %.0f s", trainSeconds, MIN_TRAIN_SECONDS);
        }
        return null;
    }

    /** This library with track {@code path} changed. */
    public TrainingLibrary withTrack(String path, UnaryOperator<LibraryTrack> change) {
        List<LibraryTrack> out = new ArrayList<>(tracks.size());
        for (LibraryTrack t : tracks) {
            out.add(t.path().equals(path) ? change.apply(t) : t);
        }
        return new TrainingLibrary(format, version, root, scanned, ignored, out);
    }

    /** This library with {@code caption} given to every usable file in {@code folder} and below. */
    public TrainingLibrary withFolderCaption(String folder, String caption) {
        List<LibraryTrack> out = new ArrayList<>(tracks.size());
        String prefix = folder.isEmpty() ? "" : folder + "/";
        for (LibraryTrack t : tracks) {
            boolean inside = folder.isEmpty() || t.path().startsWith(prefix);
            out.add(inside && t.usable() ? t.withCaption(caption, true) : t);
        }
        return new TrainingLibrary(format, version, root, scanned, ignored, out);
    }
}
