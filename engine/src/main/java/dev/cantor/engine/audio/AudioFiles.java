package dev.cantor.engine.audio;

import dev.cantor.engine.io.InputFiles;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Reads the audio files people actually have: WAV, FLAC, MP3, Ogg Vorbis, Ogg Opus and M4A
 * (AAC or ALAC in MP4; through FFmpeg, when it is installed), as mono samples.
 *
 * <p>The format is told from the file's first bytes, not its name (see
 * {@link AudioFormatSniffer}), so a misnamed file still loads and anything else is refused
 * with a message saying what it looks like. Channels are averaged to mono while decoding,
 * and a length limit stops decoding early, so asking for the first 30 seconds of a two-hour
 * file costs 30 seconds of decoding and memory, not two hours.
 *
 * <p>Every failure is an {@link IOException}: {@link AudioFileException} for a file that is
 * damaged, cut short or in a format Cantor does not read (the message names the file), plain
 * file-system exceptions for a missing or unreadable file. The decoding libraries throw
 * unchecked exceptions on damaged data (index errors and the like); those are caught and
 * reported as a damaged file, never passed on.
 */
public final class AudioFiles {

    /** The formats read here, as messages and help texts name them (one place to change them). */
    public static final String FORMAT_NAMES = "WAV, FLAC, MP3, Ogg Vorbis, Opus, M4A (with FFmpeg)";

    /** File extensions of the formats read here, lower case, for file choosers and folder scans. */
    public static final List<String> EXTENSIONS = List.of("wav", "flac", "mp3", "ogg", "oga", "opus", "m4a");

    private AudioFiles() {
    }

    /** Whether the file name ends in one of {@link #EXTENSIONS}, in any letter case. */
    public static boolean hasAudioExtension(Path file) {
        Path name = file == null ? null : file.getFileName();
        if (name == null) {
            return false;
        }
        String s = name.toString();
        int dot = s.lastIndexOf('.');
        return dot >= 0 && EXTENSIONS.contains(s.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /**
     * Reads a file as mono (the mean of its channels) at the file's own sample rate.
     *
     * @param maxSeconds read at most this much from the start; ≤ 0 reads everything
     * @throws AudioFileException if the file is not audio Cantor can read (the message says why)
     * @throws IOException        if the file is missing or cannot be opened
     */
    public static AudioClip readMono(Path file, double maxSeconds) throws IOException {
        return decode(file, 0, maxSeconds);
    }

    /**
     * Reads a file as mono and resamples it to {@code targetRate}.
     *
     * @param targetRate the rate the caller needs, e.g. 32 000 for the codec
     * @param maxSeconds read at most this much from the start; ≤ 0 reads everything
     * @throws AudioFileException       if the file is not audio Cantor can read (the message says why)
     * @throws IOException              if the file is missing or cannot be opened
     * @throws IllegalArgumentException if {@code targetRate} is not a sensible sample rate
     */
    public static AudioClip readMono(Path file, int targetRate, double maxSeconds) throws IOException {
        return readExcerpt(file, targetRate, 0, maxSeconds);
    }

    /**
     * Reads {@code seconds} of a file from {@code startSeconds} on, as mono at {@code targetRate}.
     * The audio before the start is decoded but not kept (WAV is not even read), so an excerpt
     * from the middle of an hour-long file holds only the excerpt in memory.
     *
     * @param startSeconds where the excerpt starts; ≤ 0 is the start of the file
     * @param seconds      its length (less when the file ends sooner); ≤ 0 reads to the end
     * @throws AudioFileException       if the file is not audio Cantor can read, or ends before
     *                                  {@code startSeconds}
     * @throws IOException              if the file is missing or cannot be opened
     * @throws IllegalArgumentException if {@code targetRate} is not a sensible sample rate
     */
    public static AudioClip readExcerpt(Path file, int targetRate, double startSeconds, double seconds)
            throws IOException {
        if (targetRate <= 0 || targetRate > WavReader.MAX_SAMPLE_RATE) {
            throw new IllegalArgumentException("target sample rate out of range: " + targetRate);
        }
        AudioClip mono = decode(file, startSeconds, seconds);
        if (mono.sampleRate() == targetRate) {
            return mono;
        }
        return new AudioClip(Resampler.resample(mono.samples(), mono.sampleRate(), targetRate), targetRate);
    }

    /** Mono at the file's rate, from {@code startSeconds} (≤ 0: the start) for {@code maxSeconds} (≤ 0: to the end). */
    private static AudioClip decode(Path file, double startSeconds, double maxSeconds) throws IOException {
        Objects.requireNonNull(file, "file");
        String name = displayName(file);
        try (FileChannel channel = open(file, name)) {
            AudioFormatSniffer.Detected detected = AudioFormatSniffer.sniff(channel, name);
            try {
                return switch (detected.kind()) {
                    case WAV -> readWav(channel, file, name, startSeconds, maxSeconds);
                    case FLAC -> FlacReader.read(channel, detected.offset(), name, startSeconds, maxSeconds);
                    case MP3 -> Mp3Reader.read(channel, detected.offset(), name, startSeconds, maxSeconds);
                    case OGG_VORBIS -> OggVorbisReader.read(channel, name, startSeconds, maxSeconds);
                    case OGG_OPUS -> OggOpusReader.read(channel, name, startSeconds, maxSeconds);
                    case MP4 -> FfmpegDecoder.onThisMachine().read(file, name, startSeconds, maxSeconds);
                };
            } catch (AudioFileException | ClosedChannelException | InterruptedIOException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                throw damaged(name, detected.kind(), e);
            }
        }
    }

    /**
     * The duration of a file in seconds, read from its header where the format records it (WAV,
     * FLAC's sample count, Ogg's last granule position, the MP3 Info tag, MP4's movie header) and otherwise found
     * without decoding (MP3 frame headers are counted) or, as a last resort, by decoding.
     * A damaged file may still get a duration here; {@link #readMono} checks it fully.
     *
     * @throws AudioFileException if the file is not audio Cantor can read
     * @throws IOException        if the file is missing or cannot be opened
     */
    public static double probeSeconds(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        String name = displayName(file);
        double seconds;
        try (FileChannel channel = open(file, name)) {
            AudioFormatSniffer.Detected detected = AudioFormatSniffer.sniff(channel, name);
            try {
                seconds = switch (detected.kind()) {
                    case WAV -> {
                        WavHeader header = WavHeader.read(channel);
                        yield header == null ? -1 : header.framesPresent(channel.size()) / (double) header.sampleRate();
                    }
                    case FLAC -> {
                        FlacReader.StreamInfo info = FlacReader.readStreamInfo(channel, detected.offset(), name);
                        yield info.totalSamples() > 0 ? info.totalSamples() / (double) info.sampleRate() : -1;
                    }
                    case MP3 -> Mp3Reader.probeSeconds(channel, detected.offset(), name);
                    case OGG_VORBIS -> OggVorbisReader.probeSeconds(channel, name);
                    case OGG_OPUS -> OggOpusReader.probeSeconds(channel, name);
                    case MP4 -> Mp4Boxes.durationSeconds(channel);
                };
            } catch (AudioFileException | ClosedChannelException | InterruptedIOException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                throw damaged(name, detected.kind(), e);
            }
        }
        return seconds >= 0 ? seconds : readMono(file, 0).seconds();
    }

    /** The file name alone, as messages show it. */
    static String displayName(Path file) {
        Path fileName = file.getFileName();
        return fileName == null ? file.toString() : fileName.toString();
    }

    /**
     * Opens a regular file. A folder, a named pipe or a device is refused by name first: opening
     * a pipe waits for a writer forever, and a device such as /dev/zero never ends.
     */
    private static FileChannel open(Path file, String name) throws IOException {
        String kind = InputFiles.nonRegularKind(file);
        if (kind != null) {
            throw new AudioFileException(name + " is " + kind + ", not an audio file");
        }
        try {
            return FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            NoSuchFileException clear = new NoSuchFileException(file.toString(), null, "no such file");
            clear.initCause(e);
            throw clear;
        }
    }

    /**
     * WAV goes through {@link WavReader}. With a start or a length limit only the bytes needed
     * are read: the header and that stretch of frames, with the data chunk's size patched to
     * match, so a long recording is not loaded whole just to keep a few seconds of it.
     */
    private static AudioClip readWav(FileChannel channel, Path file, String name, double startSeconds,
                                     double maxSeconds) throws IOException {
        WavHeader header = WavHeader.read(channel);
        if (header != null) {
            long present = header.framesPresent(channel.size());
            long first = Math.min(present, MonoSink.startFrame(startSeconds, header.sampleRate()));
            long frames = Math.min(MonoSink.frameLimit(maxSeconds, header.sampleRate()), present - first);
            if (first > 0 && frames == 0) {
                throw MonoSink.endsBefore(name, startSeconds);
            }
            long dataBytes = frames * header.frameBytes();
            if ((first > 0 || frames < present) && header.dataOffset() + dataBytes < Integer.MAX_VALUE - 64) {
                byte[] head = FileBytes.readAt(channel, 0, (int) header.dataOffset());
                byte[] data = FileBytes.readAt(channel, header.dataOffset() + first * header.frameBytes(),
                        (int) dataBytes);
                byte[] wav = Arrays.copyOf(head, head.length + data.length);
                System.arraycopy(data, 0, wav, head.length, data.length);
                int sizeField = (int) header.dataOffset() - 4;
                for (int i = 0; i < 4; i++) {
                    wav[sizeField + i] = (byte) (dataBytes >>> (8 * i));
                }
                return WavReader.read(wav, name).toMono();
            }
        }
        AudioClip whole = WavReader.read(file).toMono();
        int first = (int) Math.min(whole.length(), MonoSink.startFrame(startSeconds, whole.sampleRate()));
        long frames = Math.min(MonoSink.frameLimit(maxSeconds, whole.sampleRate()), whole.length() - first);
        if (first > 0 && frames == 0) {
            throw MonoSink.endsBefore(name, startSeconds);
        }
        return first == 0 && frames >= whole.length() ? whole
                : new AudioClip(Arrays.copyOfRange(whole.samples(), first, (int) (first + frames)), whole.sampleRate());
    }

    private static AudioFileException damaged(String name, AudioFormatSniffer.Kind kind, Exception cause) {
        return new AudioFileException("cannot read " + name + ": the " + kind.label()
                + " data is damaged (copy or export the file again)", cause);
    }
}
