package dev.cantor.engine.audio;

import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jaudiotagger.audio.AudioFile;
import org.jaudiotagger.audio.AudioFileIO;
import org.jaudiotagger.audio.mp3.MP3File;
import org.jaudiotagger.tag.FieldKey;
import org.jaudiotagger.tag.Tag;
import org.jaudiotagger.tag.reference.GenreTypes;

/**
 * The descriptive tags of an audio file (ID3 in MP3, Vorbis comments in FLAC and Ogg, INFO
 * chunks in WAV, iTunes atoms in M4A), read with jaudiotagger (Opus's by {@link OggOpusReader}),
 * so an imported song can be shown by its title rather than its file name.
 *
 * <p>Values are trimmed and blank ones become null. Reading never changes the file: only
 * jaudiotagger's read path is used, which opens files read-only. Tags are a nicety, so
 * {@link #read} never fails: a file without tags, or one jaudiotagger cannot parse, gives
 * {@link #NONE}.
 *
 * @param title   track title, or null
 * @param artist  artist, or null
 * @param album   album, or null
 * @param genre   genre as a name ("Rock", not ID3's numeric "(17)"), or null
 * @param comment free comment, or null
 */
@com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record TrackTags(String title, String artist, String album, String genre, String comment) {

    /** No tags at all. */
    public static final TrackTags NONE = new TrackTags(null, null, null, null, null);

    /**
     * jaudiotagger logs every oddity of every file at INFO/WARNING through java.util.logging,
     * which would flood the console. The logger is held here because java.util.logging keeps
     * only weak references: a level set on a logger nobody holds is forgotten at the next GC.
     */
    private static final Logger JAUDIOTAGGER_LOG = Logger.getLogger("org.jaudiotagger");
    /** "(17)", "(17)Rock" (ID3v2.3 with refinement), "17", and ID3v2's "(RX)"/"(CR)". */
    private static final Pattern ID3_GENRE = Pattern.compile("\\((\\d{1,3}|RX|CR)\\)(.*)|(\\d{1,3})");

    static {
        JAUDIOTAGGER_LOG.setLevel(Level.OFF);
    }

    public TrackTags {
        title = clean(title);
        artist = clean(artist);
        album = clean(album);
        genre = clean(genre);
        comment = clean(comment);
    }

    /** True if the file gave no tag at all. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isEmpty() {
        return title == null && artist == null && album == null && genre == null && comment == null;
    }

    /** Reads the tags of {@code file}; never throws, returns {@link #NONE} when there are none. */
    public static TrackTags read(Path file) {
        if (file == null) {
            return NONE;
        }
        try {
            AudioFormatSniffer.Kind kind;
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                kind = AudioFormatSniffer.sniff(channel, AudioFiles.displayName(file)).kind();
                if (kind == AudioFormatSniffer.Kind.OGG_OPUS) {
                    return OggOpusReader.tags(channel, AudioFiles.displayName(file));
                }
            }
            // By content, not by name: jaudiotagger would pick its reader from the extension.
            AudioFile audio = AudioFileIO.readAs(file.toFile(), kind.extension());
            Tag tag = audio.getTag();
            Tag fallback = audio instanceof MP3File mp3 ? mp3.getID3v1Tag() : null;
            TrackTags tags = new TrackTags(field(tag, fallback, FieldKey.TITLE), field(tag, fallback, FieldKey.ARTIST),
                    field(tag, fallback, FieldKey.ALBUM), genreName(field(tag, fallback, FieldKey.GENRE)),
                    field(tag, fallback, FieldKey.COMMENT));
            return tags.isEmpty() ? NONE : tags;
        } catch (Exception | StackOverflowError e) {
            return NONE; // unreadable tags are simply absent; the audio reader reports real problems
        }
    }

    /** The first value of {@code key} in {@code tag}, else in {@code fallback} (an MP3's ID3v1 tag). */
    private static String field(Tag tag, Tag fallback, FieldKey key) {
        String value = first(tag, key);
        return value != null ? value : first(fallback, key);
    }

    private static String first(Tag tag, FieldKey key) {
        if (tag == null) {
            return null;
        }
        try {
            return clean(tag.getFirst(key));
        } catch (RuntimeException e) {
            return null; // some tag types do not support every field (KeyNotFoundException, UnsupportedOperation)
        }
    }

    /**
     * ID3 stores genres as numbers into a fixed list (17 is Rock), written "17" or "(17)", in
     * ID3v2.3 optionally followed by a free-text refinement that takes precedence.
     */
    static String genreName(String raw) {
        String genre = clean(raw);
        if (genre == null) {
            return null;
        }
        Matcher m = ID3_GENRE.matcher(genre);
        if (!m.matches()) {
            return genre;
        }
        String refinement = clean(m.group(2));
        if (refinement != null) {
            return refinement;
        }
        String id = m.group(1) != null ? m.group(1) : m.group(3);
        switch (id.toUpperCase(Locale.ROOT)) {
            case "RX":
                return "Remix";
            case "CR":
                return "Cover";
            default:
                String name = GenreTypes.getInstanceOf().getValueForId(Integer.parseInt(id));
                return name != null ? name : genre;
        }
    }

    private static String clean(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
