package dev.cantor.engine.api.finetune;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cantor.engine.audio.TrackTags;

/**
 * One file of the musician's library as the import found it.
 *
 * @param path          relative to the library folder, with '/' separators
 * @param bytes         file size
 * @param modified      last-modified time (ISO-8601), to notice a file changed since the import
 * @param status        {@link Status#OK}, or why it is not used
 * @param reason        for a skipped file, what was wrong (a message a musician can act on)
 * @param seconds       length of the audio
 * @param sampleRate    the file's own sample rate
 * @param duplicateOf   for a duplicate, the path of the file it repeats
 * @param tags          title, artist, album, genre and comment from the file, or null
 * @param analysis      tempo, key, loudness and percussiveness, or null
 * @param caption       the training caption (suggested, then as the musician edited it)
 * @param captionEdited true once the musician changed the caption (a new suggestion never replaces it)
 * @param validation    true when the file is held out for validation
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LibraryTrack(
        @JsonProperty("path") String path,
        @JsonProperty("bytes") long bytes,
        @JsonProperty("modified") String modified,
        @JsonProperty("status") Status status,
        @JsonProperty("reason") String reason,
        @JsonProperty("seconds") double seconds,
        @JsonProperty("sample_rate") int sampleRate,
        @JsonProperty("duplicate_of") String duplicateOf,
        @JsonProperty("tags") TrackTags tags,
        @JsonProperty("analysis") TrackAnalysis analysis,
        @JsonProperty("caption") String caption,
        @JsonProperty("caption_edited") boolean captionEdited,
        @JsonProperty("validation") boolean validation) {

    /** Whether a file takes part in training. */
    public enum Status {
        /** Read, analysed and used. */
        OK,
        /** Could not be read (the reason says why). */
        UNREADABLE,
        /** Too short to cut a training clip from. */
        TOO_SHORT,
        /** The same audio as another file of the library. */
        DUPLICATE
    }

    /** True when it is used for training or validation. */
    public boolean usable() {
        return status == Status.OK;
    }

    public LibraryTrack withCaption(String text, boolean edited) {
        return new LibraryTrack(path, bytes, modified, status, reason, seconds, sampleRate, duplicateOf, tags,
                analysis, text, edited, validation);
    }

    public LibraryTrack withValidation(boolean held) {
        return new LibraryTrack(path, bytes, modified, status, reason, seconds, sampleRate, duplicateOf, tags,
                analysis, caption, captionEdited, held);
    }

    public LibraryTrack asDuplicateOf(String original) {
        return new LibraryTrack(path, bytes, modified, Status.DUPLICATE, "the same audio as " + original, seconds,
                sampleRate, original, tags, analysis, caption, captionEdited, false);
    }

    /** The folder part of {@link #path} ("" at the top). */
    public String folder() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
