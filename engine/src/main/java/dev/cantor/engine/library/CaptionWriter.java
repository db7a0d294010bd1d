package dev.cantor.engine.library;

import dev.cantor.engine.api.finetune.TrackAnalysis;
import dev.cantor.engine.audio.TrackTags;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Suggests a training caption for a track from what is known of it: its tags (genre, title,
 * artist, album, a short comment), else its folder and file names, then what the analysis heard
 * (percussive or not, quiet or loud, tempo, key). The tempo and key are written the way prompts
 * say them ("92 bpm", "in A minor"), so the model learns them as it learned the corpus's.
 * Example: {@code "jazz: Blue Train by John Coltrane, with drums, 120 bpm, in Bb major"}.
 */
public final class CaptionWriter {

    private static final int MAX_COMMENT = 80;

    private CaptionWriter() {
    }

    /** A caption for the file at {@code path} (relative, '/' separated). */
    public static String suggest(String path, TrackTags tags, TrackAnalysis analysis) {
        List<String> parts = new ArrayList<>();
        String subject = subject(path, tags);
        String genre = tags == null ? null : tags.genre();
        parts.add(genre == null ? subject : genre.toLowerCase(Locale.ROOT) + (subject.isEmpty() ? "" : ": " + subject));
        if (tags != null && tags.comment() != null && tags.comment().length() <= MAX_COMMENT
                && !tags.comment().matches("(?i).*(https?://|www\\.|\\d{4,}).*")) {
            parts.add(tags.comment());
        }
        if (analysis != null) {
            if (analysis.percussiveness() >= 0.45) {
                parts.add("with drums");
            } else if (analysis.percussiveness() <= 0.15) {
                parts.add("sustained, no drums");
            }
            if (analysis.loudnessDbfs() < -28) {
                parts.add("quiet");
            } else if (analysis.loudnessDbfs() > -12) {
                parts.add("loud");
            }
            if (analysis.tempoBpm() != null) {
                parts.add(String.format(Locale.ROOT, "%.0f bpm", analysis.tempoBpm()));
            }
            if (analysis.key() != null && analysis.mode() != null) {
                parts.add("in " + analysis.key() + " " + analysis.mode());
            }
        }
        parts.removeIf(String::isBlank);
        return parts.isEmpty() ? "music" : String.join(", ", parts);
    }

    /** "Blue Train by John Coltrane" from tags; else "piano pieces, moonlight" from the names. */
    static String subject(String path, TrackTags tags) {
        if (tags != null && tags.title() != null) {
            String s = tags.title();
            if (tags.artist() != null) {
                s += " by " + tags.artist();
            }
            return s;
        }
        String[] parts = path.split("/");
        String file = words(parts[parts.length - 1].replaceFirst("\\.[^.]+$", ""));
        String folder = parts.length > 1 ? words(parts[parts.length - 2]) : "";
        if (folder.isEmpty() || folder.equals(file)) {
            return file;
        }
        return file.isEmpty() ? folder : folder + ", " + file;
    }

    /** "02_-_Slow-Piano" → "slow piano" (track numbers and separators dropped). */
    static String words(String name) {
        String w = name.replaceAll("[_\\-.]+", " ").replaceAll("^\\s*\\d{1,3}\\s+", "").replaceAll("\\s+", " ").strip();
        return w.matches("\\d*") ? "" : w.toLowerCase(Locale.ROOT);      // a bare track number says nothing
    }
}
