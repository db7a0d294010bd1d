package dev.cantor.engine.audio;

import dev.cantor.engine.io.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Writes WAV files that every player and DAW opens: a plain 44-byte header for integer PCM,
 * and WAVE_FORMAT_IEEE_FLOAT with a {@code fact} chunk (required by the spec for non-PCM
 * formats) for 32-bit float. Files are written atomically, so a crash never leaves a
 * half-written take in place of a good one. A clip made to loop carries its {@link LoopPoints}
 * in a {@code smpl} chunk after the samples (samplers and DAWs read it there; the first 44 bytes
 * stay the plain header that naive readers assume).
 *
 * <p>Integer PCM is clipped to [-1, 1] and rounded to the nearest step; values outside the
 * range saturate instead of wrapping around (which would sound like loud clicks). Float
 * output keeps values beyond ±1 as they are. NaN or infinite input is refused with
 * {@link IllegalArgumentException}: it is always an upstream bug, and a file full of
 * garbage is worse than no file.
 */
public final class WavWriter {

    private static final int FORMAT_PCM = 1;
    private static final int FORMAT_FLOAT = 3;
    /** The RIFF size fields are 32-bit unsigned. */
    private static final long MAX_RIFF_BYTES = 0xFFFF_FFFFL;
    private static final int BUFFER_FRAMES = 8192;
    /** A {@code smpl} chunk with one loop: 36 bytes of sampler fields, 24 of the loop. */
    private static final int SMPL_BODY_BYTES = 36 + 24;
    /** MIDI note the sample plays at its own pitch: middle C, as samplers assume when none is given. */
    private static final int MIDI_UNITY_NOTE = 60;

    private WavWriter() {
    }

    /** Writes a mono clip to {@code path}, replacing any existing file atomically. */
    public static void write(Path path, AudioClip clip, SampleFormat format) throws IOException {
        Objects.requireNonNull(clip, "clip");
        write(path, new float[][] {clip.samples()}, clip.sampleRate(), format);
    }

    /**
     * Writes a mono clip with its loop points (a {@code smpl} chunk), replacing any existing file
     * atomically (for callers that asked the user before replacing, as the studio's export does).
     */
    public static void write(Path path, AudioClip clip, SampleFormat format, LoopPoints loop) throws IOException {
        write(path, clip, format, AtomicFiles.Replacing.ANYTHING, loop);
    }

    /**
     * Writes interleaved multichannel audio to {@code path}, replacing any existing file atomically.
     *
     * @param channels [channel][frame]; all channels the same length
     */
    public static void write(Path path, float[][] channels, int sampleRate, SampleFormat format)
            throws IOException {
        write(path, channels, sampleRate, format, AtomicFiles.Replacing.ANYTHING);
    }

    /**
     * Writes a mono clip to {@code path} atomically, replacing only what {@code replacing} allows
     * (a user's {@code --out}: nothing, or with {@code --force} a regular file).
     *
     * @throws AtomicFiles.NotReplacedException when something it may not replace is at {@code path}
     */
    public static void write(Path path, AudioClip clip, SampleFormat format, AtomicFiles.Replacing replacing)
            throws IOException {
        Objects.requireNonNull(clip, "clip");
        write(path, new float[][] {clip.samples()}, clip.sampleRate(), format, replacing);
    }

    /**
     * Writes a mono clip with its loop points in a {@code smpl} chunk (a forward loop played
     * forever, unity note {@value #MIDI_UNITY_NOTE}), atomically, replacing only what
     * {@code replacing} allows.
     *
     * @throws IllegalArgumentException when the loop ends past the clip's last frame
     * @throws AtomicFiles.NotReplacedException when something it may not replace is at {@code path}
     */
    public static void write(Path path, AudioClip clip, SampleFormat format, AtomicFiles.Replacing replacing,
                             LoopPoints loop) throws IOException {
        Objects.requireNonNull(clip, "clip");
        Objects.requireNonNull(loop, "loop");
        Objects.requireNonNull(path, "path");
        float[][] channels = {clip.samples()};
        validate(channels, clip.sampleRate(), format, loop);
        AtomicFiles.write(path, replacing, out -> writeTo(out, channels, clip.sampleRate(), format, loop));
    }

    private static void write(Path path, float[][] channels, int sampleRate, SampleFormat format,
                              AtomicFiles.Replacing replacing) throws IOException {
        Objects.requireNonNull(path, "path");
        validate(channels, sampleRate, format, null);
        AtomicFiles.write(path, replacing, out -> writeTo(out, channels, sampleRate, format, null));
    }

    /** The bytes of a mono WAV file (handy for tests and for in-memory use). */
    public static byte[] toBytes(AudioClip clip, SampleFormat format) {
        Objects.requireNonNull(clip, "clip");
        return toBytes(new float[][] {clip.samples()}, clip.sampleRate(), format);
    }

    /** The bytes of a multichannel WAV file; {@code channels} is [channel][frame]. */
    public static byte[] toBytes(float[][] channels, int sampleRate, SampleFormat format) {
        return toBytes(channels, sampleRate, format, null);
    }

    /** The bytes of a mono WAV file with its loop points in a {@code smpl} chunk. */
    public static byte[] toBytes(AudioClip clip, SampleFormat format, LoopPoints loop) {
        Objects.requireNonNull(clip, "clip");
        Objects.requireNonNull(loop, "loop");
        return toBytes(new float[][] {clip.samples()}, clip.sampleRate(), format, loop);
    }

    private static byte[] toBytes(float[][] channels, int sampleRate, SampleFormat format, LoopPoints loop) {
        validate(channels, sampleRate, format, loop);
        long total = headerBytes(format) + paddedDataBytes(channels, format) + trailerBytes(loop);
        if (total > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("audio too long to hold as one byte array: " + total + " bytes");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) total);
        try {
            writeTo(bytes, channels, sampleRate, format, loop);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // ByteArrayOutputStream never throws
        }
        return bytes.toByteArray();
    }

    private static void validate(float[][] channels, int sampleRate, SampleFormat format, LoopPoints loop) {
        Objects.requireNonNull(format, "format");
        if (channels == null || channels.length == 0 || channels.length > WavReader.MAX_CHANNELS) {
            throw new IllegalArgumentException("need 1 to " + WavReader.MAX_CHANNELS + " channels");
        }
        if (sampleRate <= 0 || sampleRate > WavReader.MAX_SAMPLE_RATE) {
            throw new IllegalArgumentException("sample rate out of range: " + sampleRate);
        }
        int frames = channels[0].length;
        for (int c = 0; c < channels.length; c++) {
            float[] channel = channels[c];
            if (channel == null || channel.length != frames) {
                throw new IllegalArgumentException("all channels must have the same length");
            }
            for (int i = 0; i < frames; i++) {
                if (!Float.isFinite(channel[i])) {
                    throw new IllegalArgumentException("cannot write " + channel[i] + " (sample " + i
                            + " of channel " + (c + 1) + "): the audio is corrupt");
                }
            }
        }
        if (loop != null && loop.end() >= frames) {
            throw new IllegalArgumentException("the loop ends at frame " + loop.end() + ", past the clip's "
                    + frames + " frames");
        }
        if (headerBytes(format) + paddedDataBytes(channels, format) + trailerBytes(loop) - 8 > MAX_RIFF_BYTES) {
            throw new IllegalArgumentException("audio too long for a WAV file (over 4 GB)");
        }
    }

    private static int headerBytes(SampleFormat format) {
        // RIFF header 12 + fmt chunk (8 + 16, or 8 + 18 with cbSize) + [fact 8 + 4] + data header 8
        return format.isFloat() ? 12 + 26 + 12 + 8 : 12 + 24 + 8;
    }

    /** The chunks after the samples: a {@code smpl} chunk when there is a loop. */
    private static int trailerBytes(LoopPoints loop) {
        return loop == null ? 0 : 8 + SMPL_BODY_BYTES;
    }

    private static long dataBytes(float[][] channels, SampleFormat format) {
        return (long) channels[0].length * channels.length * format.bytesPerSample();
    }

    private static long paddedDataBytes(float[][] channels, SampleFormat format) {
        long data = dataBytes(channels, format);
        return data + (data & 1);
    }

    private static void writeTo(OutputStream out, float[][] channels, int sampleRate, SampleFormat format,
                                LoopPoints loop) throws IOException {
        int numChannels = channels.length;
        int frames = channels[0].length;
        int bytesPerSample = format.bytesPerSample();
        int blockAlign = numChannels * bytesPerSample;
        long data = dataBytes(channels, format);
        long padded = paddedDataBytes(channels, format);

        LittleEndianBuffer h = new LittleEndianBuffer(headerBytes(format));
        h.ascii("RIFF").u32(headerBytes(format) - 8 + padded + trailerBytes(loop)).ascii("WAVE");
        h.ascii("fmt ").u32(format.isFloat() ? 18 : 16);
        h.u16(format.isFloat() ? FORMAT_FLOAT : FORMAT_PCM).u16(numChannels).u32(sampleRate)
                .u32((long) sampleRate * blockAlign).u16(blockAlign).u16(format.bitsPerSample());
        if (format.isFloat()) {
            h.u16(0); // cbSize: no extension bytes
            h.ascii("fact").u32(4).u32(frames);
        }
        h.ascii("data").u32(data);
        out.write(h.bytes());

        LittleEndianBuffer buf = new LittleEndianBuffer(BUFFER_FRAMES * blockAlign);
        for (int start = 0; start < frames; start += BUFFER_FRAMES) {
            int end = Math.min(frames, start + BUFFER_FRAMES);
            buf.reset();
            for (int i = start; i < end; i++) {
                for (float[] channel : channels) {
                    encode(buf, channel[i], format);
                }
            }
            out.write(buf.bytes(), 0, buf.size());
        }
        if (padded != data) {
            out.write(0); // RIFF pad byte after an odd-sized chunk
        }
        if (loop != null) {
            out.write(samplerChunk(loop, sampleRate));
        }
    }

    /**
     * The {@code smpl} chunk of the RIFF specification with one forward loop played forever: no
     * manufacturer or product, the sample period in nanoseconds, unity note
     * {@value #MIDI_UNITY_NOTE}, no SMPTE offset and no sampler-specific data; loop points in
     * sample frames, the end inclusive.
     */
    private static byte[] samplerChunk(LoopPoints loop, int sampleRate) {
        LittleEndianBuffer c = new LittleEndianBuffer(8 + SMPL_BODY_BYTES);
        c.ascii("smpl").u32(SMPL_BODY_BYTES);
        c.u32(0).u32(0);                                          // manufacturer, product
        c.u32(Math.round(1e9 / sampleRate));                      // sample period, ns
        c.u32(MIDI_UNITY_NOTE).u32(0);                            // unity note, pitch fraction
        c.u32(0).u32(0);                                          // SMPTE format, offset
        c.u32(1).u32(0);                                          // one loop, no sampler data
        c.u32(0).u32(0);                                          // loop id, type 0 = forward
        c.u32(loop.start()).u32(loop.end());
        c.u32(0).u32(0);                                          // fraction, play count 0 = forever
        return c.bytes();
    }

    private static void encode(LittleEndianBuffer buf, float sample, SampleFormat format) {
        switch (format) {
            case PCM_16 -> buf.u16(quantize(sample, 32768));
            case PCM_24 -> buf.u24(quantize(sample, 8388608));
            case FLOAT_32 -> buf.u32(Float.floatToRawIntBits(sample) & 0xFFFF_FFFFL);
        }
    }

    /**
     * Scales by {@code 2^(bits-1)}, rounds to nearest and saturates to the integer range: +1.0
     * becomes the largest positive code, one step short of full scale, as in every DAW.
     */
    static int quantize(float sample, int fullScale) {
        long v = Math.round(sample * (double) fullScale);
        return (int) Math.max(-fullScale, Math.min(fullScale - 1, v));
    }

    /** A tiny growable-free byte writer for headers and sample blocks. */
    private static final class LittleEndianBuffer {
        private final byte[] bytes;
        private int size;

        LittleEndianBuffer(int capacity) {
            bytes = new byte[capacity];
        }

        void reset() {
            size = 0;
        }

        int size() {
            return size;
        }

        byte[] bytes() {
            return bytes;
        }

        LittleEndianBuffer ascii(String s) {
            for (int i = 0; i < s.length(); i++) {
                bytes[size++] = (byte) s.charAt(i);
            }
            return this;
        }

        LittleEndianBuffer u16(int v) {
            bytes[size++] = (byte) v;
            bytes[size++] = (byte) (v >> 8);
            return this;
        }

        LittleEndianBuffer u24(int v) {
            u16(v);
            bytes[size++] = (byte) (v >> 16);
            return this;
        }

        LittleEndianBuffer u32(long v) {
            u16((int) v);
            return u16((int) (v >> 16));
        }
    }
}
