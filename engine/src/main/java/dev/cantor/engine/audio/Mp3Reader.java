package dev.cantor.engine.audio;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import javazoom.jl.decoder.Bitstream;
import javazoom.jl.decoder.Decoder;
import javazoom.jl.decoder.Header;
import javazoom.jl.decoder.JavaLayerException;
import javazoom.jl.decoder.SampleBuffer;

/**
 * Reads MP3 (and MPEG Layer I/II) files with JLayer, mixing down to mono as it goes.
 *
 * <p>JLayer is given only the frames: ID3v2 tags and any junk before the first frame have been
 * skipped by {@link AudioFormatSniffer} (JLayer's own tag skipping allocates whatever size the
 * tag claims), and ID3v1/APE tags at the end are cut off, because JLayer silently drops the
 * last frame when anything but another frame or the end of the stream follows it. The first frame is checked for a Xing/Info/VBRI
 * tag, which is metadata, not music, and is not decoded.
 *
 * <p>Gapless decoding: an MP3 encoder puts silence before the music (its "delay") and pads the
 * last frame, and the decoder's synthesis filter adds {@value #DECODER_DELAY} samples more.
 * LAME (and FFmpeg) record delay and padding in the Info tag; when present they are trimmed,
 * so a 1.5 s WAV encoded to MP3 decodes to exactly 1.5 s again, aligned to the sample. Files
 * without that information keep the extra silence (about 50 ms at the start).
 */
final class Mp3Reader {

    /** Samples the standard MPEG synthesis filterbank delays the output by. */
    static final int DECODER_DELAY = 529;
    /** JLayer scales its output to ±32 700 (not 32 768) before rounding to 16 bits. */
    private static final float JLAYER_FULL_SCALE = 32_700f;
    /** Enough for the largest MPEG frame (Layer II at 384 kbit/s and 32 kHz: 1 728 bytes). */
    private static final int FIRST_FRAME_BYTES = 8192;
    private static final int ID3V1_BYTES = 128;
    private static final int APE_FOOTER_BYTES = 32;
    /** How far to hunt for the next frame when counting frames across junk. */
    private static final int RESYNC_LIMIT = 64 * 1024;

    private Mp3Reader() {
    }

    /**
     * The first frame's header, its Info tag (null if it has none), and where the frames end:
     * before an ID3v1 tag and an APEv2 tag at the end of the file, if any.
     */
    private record Start(MpegFrameHeader header, MpegFrameHeader.InfoFrame info, long end) {
    }

    private static Start start(FileChannel channel, long firstFrame, String name) throws IOException {
        byte[] head = FileBytes.readAt(channel, firstFrame, FIRST_FRAME_BYTES);
        MpegFrameHeader header = MpegFrameHeader.at(head, 0);
        if (header == null) {
            throw new AudioFileException("cannot read " + name + ": no MP3 audio found in it");
        }
        boolean whole = head.length >= header.frameLength();
        MpegFrameHeader.InfoFrame info = whole ? MpegFrameHeader.InfoFrame.parse(head, 0, header) : null;
        return new Start(header, info, audioEnd(channel, firstFrame));
    }

    /** Where the MPEG frames end: trailing ID3v1 (128 bytes, "TAG") and APEv2 ("APETAGEX" footer) tags are cut off. */
    static long audioEnd(FileChannel channel, long firstFrame) throws IOException {
        long end = channel.size();
        if (end - firstFrame >= ID3V1_BYTES && FileBytes.matches(FileBytes.readAt(channel, end - ID3V1_BYTES, 3), 0, "TAG")) {
            end -= ID3V1_BYTES;
        }
        if (end - firstFrame >= APE_FOOTER_BYTES) {
            byte[] footer = FileBytes.readAt(channel, end - APE_FOOTER_BYTES, APE_FOOTER_BYTES);
            if (FileBytes.matches(footer, 0, "APETAGEX")) {
                // The size covers items and footer; a header of the same size may precede them.
                long size = FileBytes.u32le(footer, 12) + ((FileBytes.u32le(footer, 20) & 0x8000_0000L) != 0
                        ? APE_FOOTER_BYTES : 0);
                if (size <= end - firstFrame) {
                    end -= size;
                }
            }
        }
        return end;
    }

    /** Decodes the file from {@code startSeconds} on (≤ 0: the start), keeping at most {@code maxSeconds} (≤ 0: all). */
    static AudioClip read(FileChannel channel, long firstFrame, String name, double startSeconds, double maxSeconds)
            throws IOException {
        Start start = start(channel, firstFrame, name);
        MpegFrameHeader first = start.header();
        MpegFrameHeader.InfoFrame info = start.info();
        int rate = first.sampleRate();
        int perFrame = first.samplesPerFrame();
        boolean gapless = info != null && info.gapless() && info.frames() > 0;
        long expected = gapless ? info.frames() * perFrame - info.delay() - info.padding() : -1;
        long estimate = expected > 0 ? expected
                : (channel.size() - firstFrame) / Math.max(1, first.frameLength()) * perFrame;
        MonoSink sink = new MonoSink(name, rate, startSeconds, maxSeconds, estimate);

        long skip = gapless ? info.delay() + DECODER_DELAY : 0;
        boolean infoFramePending = info != null;
        long framesDecoded = 0;
        InputStream in = new BufferedInputStream(new ChannelInputStream(channel, firstFrame, start.end()), 1 << 16);
        Bitstream bitstream = new Bitstream(in);
        Decoder decoder = new Decoder();
        try {
            while (!sink.full()) {
                Header frame = bitstream.readFrame();
                if (frame == null) {
                    break;
                }
                if (infoFramePending) {
                    infoFramePending = false;
                    bitstream.closeFrame();
                    continue;
                }
                if (frame.frequency() != rate) {
                    throw new AudioFileException("cannot read " + name
                            + ": its sample rate changes in the middle (the file is damaged or spliced together)");
                }
                SampleBuffer out = (SampleBuffer) decoder.decodeFrame(frame, bitstream);
                framesDecoded++;
                int channels = out.getChannelCount();
                short[] pcm = out.getBuffer();
                int n = out.getBufferLength() / channels;
                float scale = 1f / (JLAYER_FULL_SCALE * channels);
                for (int i = 0; i < n; i++) {
                    if (skip > 0) {
                        skip--;
                        continue;
                    }
                    int sum = 0;
                    for (int c = 0; c < channels; c++) {
                        sum += pcm[i * channels + c];
                    }
                    sink.put(sum * scale);
                }
                bitstream.closeFrame();
            }
        } catch (JavaLayerException e) {
            throw new AudioFileException("cannot read " + name + ": the MP3 data is damaged (" + e.getMessage() + ")", e);
        } finally {
            closeQuietly(bitstream);
        }
        if (framesDecoded == 0) {
            throw new AudioFileException("cannot read " + name + ": no MP3 audio found in it");
        }
        if (!sink.full() && info != null && info.frames() > 0 && framesDecoded < info.frames()) {
            throw new AudioFileException("cannot read " + name + ": the file is cut short (it holds "
                    + AudioFileException.grouped(framesDecoded) + " of its " + AudioFileException.grouped(info.frames())
                    + " MP3 frames)");
        }
        if (expected > 0) {
            sink.truncate(expected);
        }
        return sink.toClip();
    }

    /**
     * The duration without decoding: exact from the Info tag's frame count when there is one,
     * otherwise by walking the frame headers through the file (fast: no audio is decoded).
     */
    static double probeSeconds(FileChannel channel, long firstFrame, String name) throws IOException {
        Start start = start(channel, firstFrame, name);
        MpegFrameHeader first = start.header();
        MpegFrameHeader.InfoFrame info = start.info();
        long frames;
        if (info != null && info.frames() > 0) {
            frames = info.frames();
        } else {
            frames = countFrames(channel, firstFrame, start.end(), first) - (info != null ? 1 : 0);
        }
        long samples = frames * first.samplesPerFrame();
        if (info != null && info.gapless()) {
            samples -= info.delay() + info.padding();
        }
        return Math.max(0, samples) / (double) first.sampleRate();
    }

    private static long countFrames(FileChannel channel, long firstFrame, long end, MpegFrameHeader first)
            throws IOException {
        InputStream in = new BufferedInputStream(new ChannelInputStream(channel, firstFrame, end), 1 << 16);
        long frames = 0;
        int word = 0;
        int have = 0;
        int junk = 0;
        for (int c = in.read(); c >= 0; c = in.read()) {
            word = word << 8 | c;
            if (++have < 4) {
                continue;
            }
            MpegFrameHeader header = MpegFrameHeader.parse(word);
            if (header != null && first.sameStream(header)) {
                long body = header.frameLength() - 4;
                if (skipFully(in, body) < body) {
                    break; // a partial last frame does not count
                }
                frames++;
                have = 0;
                junk = 0;
            } else if (++junk > RESYNC_LIMIT) {
                break;
            }
        }
        return frames;
    }

    private static long skipFully(InputStream in, long n) throws IOException {
        long done = 0;
        while (done < n) {
            long step = in.skip(n - done);
            if (step <= 0) {
                if (in.read() < 0) {
                    break;
                }
                step = 1;
            }
            done += step;
        }
        return done;
    }

    private static void closeQuietly(Bitstream bitstream) {
        try {
            bitstream.close();
        } catch (JavaLayerException | RuntimeException ignored) {
            // Closing only releases a stream over a channel the caller closes anyway.
        }
    }
}
