package dev.cantor.engine.audio;

import static dev.cantor.engine.audio.WavBytes.ADPCM;
import static dev.cantor.engine.audio.WavBytes.ALAW;
import static dev.cantor.engine.audio.WavBytes.FLOAT;
import static dev.cantor.engine.audio.WavBytes.PCM;
import static dev.cantor.engine.audio.WavBytes.float32;
import static dev.cantor.engine.audio.WavBytes.float64;
import static dev.cantor.engine.audio.WavBytes.pcm16;
import static dev.cantor.engine.audio.WavBytes.wave;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a file can be unreadable gives an AudioFileException that names the file and the problem. */
class WavReaderErrorsTest {

    /** Reads, expects failure, checks the message names the file and contains each phrase. */
    private static String failure(byte[] file, String name, String... phrases) {
        AudioFileException e = assertThrows(AudioFileException.class, () -> WavReader.read(file, name));
        String message = e.getMessage();
        assertTrue(message.contains(name), "message should name the file: " + message);
        for (String phrase : phrases) {
            assertTrue(message.contains(phrase), "expected '" + phrase + "' in: " + message);
        }
        return message;
    }

    @Test
    void emptyFile() {
        assertEquals("empty file: nothing.wav (0 bytes)", failure(new byte[0], "nothing.wav"));
    }

    @Test
    void zeroLengthData() {
        byte[] file = wave().fmt(PCM, 2, 44100, 16).data(new byte[0]).build();
        assertEquals("empty WAV: silence.wav has no samples", failure(file, "silence.wav"));
    }

    @Test
    void dataShorterThanOneFrameIsEmpty() {
        byte[] file = wave().fmt(PCM, 2, 44100, 24).data(new byte[5]).build();
        failure(file, "tiny.wav", "empty WAV");
    }

    @Test
    void truncatedHeaderAtEveryShortLength() {
        byte[] valid = WavBytes.simple16(100, 8000);
        for (int length = 1; length < 44; length++) {
            byte[] cut = Arrays.copyOf(valid, length);
            String message = assertThrows(AudioFileException.class, () -> WavReader.read(cut, "cut.wav"))
                    .getMessage();
            if (length >= 4) {
                assertTrue(message.startsWith("truncated WAV"), length + " bytes: " + message);
            }
        }
    }

    @Test
    void truncatedData() {
        byte[] valid = wave().fmt(PCM, 1, 8000, 16).data(pcm16(new int[500_000])).build();
        byte[] cut = Arrays.copyOf(valid, 44 + 12_000);
        String message = failure(cut, "take3.wav", "truncated WAV", "claims 1 000 000 bytes", "ends after 12 000");
        assertTrue(message.contains("cut short"), message);
    }

    @Test
    void mp3IsNamedAsSuch() {
        byte[] id3 = "ID3\u0004\0\0\0\0\0\u0021TIT2".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("not a WAV file: song.mp3 (looks like MP3; no RIFF header)", failure(id3, "song.mp3"));
        failure(new byte[] {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0x64}, "raw.mp3", "MP3");
        failure("fLaC\0\0\0\"".getBytes(StandardCharsets.ISO_8859_1), "a.flac", "FLAC", "not a WAV file");
        failure("hello, I am text".getBytes(StandardCharsets.US_ASCII), "notes.txt", "no RIFF header");
    }

    @Test
    void riffButNotWave() {
        byte[] avi = wave().form("AVI ").chunk("LIST", new byte[8]).build();
        failure(avi, "clip.avi", "not a WAV file", "'AVI '", "not 'WAVE'");
    }

    @Test
    void unsupportedEncodingsAreNamed() {
        byte[] alaw = wave().fmt(ALAW, 1, 8000, 1, 8).data(new byte[100]).build();
        assertEquals("unsupported WAV encoding: A-law (format tag 6) in phone.wav; "
                + "convert it to 16-bit PCM or float WAV", failure(alaw, "phone.wav"));
        byte[] adpcm = wave().fmt(ADPCM, 1, 22050, 256, 4).data(new byte[256]).build();
        failure(adpcm, "old.wav", "Microsoft ADPCM", "format tag 2");
        byte[] twelveBit = wave().fmt(PCM, 1, 8000, 2, 12).data(new byte[10]).build();
        failure(twelveBit, "odd.wav", "unsupported WAV encoding", "12-bit integer PCM");
        byte[] float16 = wave().fmt(FLOAT, 1, 8000, 2, 16).data(new byte[10]).build();
        failure(float16, "half.wav", "16-bit float");
    }

    @Test
    void unknownExtensibleSubformat() {
        byte[] wrapped = wave().fmtExtensible(2, 48000, 16, 7).data(new byte[8]).build();
        failure(wrapped, "mulaw.wav", "unsupported WAV encoding", "µ-law", "extensible sub-format 7");

        // Ambisonic B-format PCM: a GUID outside the standard family, named in full.
        byte[] ambisonic = wave().fmtExtensible(4, 48000, 16, PCM).data(new byte[8]).build();
        int guidAt = 12 + 8 + 24;
        byte[] tail = {0x21, 0x07, (byte) 0xD3, 0x11, (byte) 0x86, 0x44, (byte) 0xC8, (byte) 0xC1, (byte) 0xCA, 0, 0, 0};
        System.arraycopy(tail, 0, ambisonic, guidAt + 4, tail.length);
        failure(ambisonic, "ambi.wav", "unsupported WAV encoding", "sub-format",
                "00000001-0721-11d3-8644-c8c1ca000000");
    }

    @Test
    void zeroChannels() {
        byte[] file = wave().fmt(PCM, 0, 44100, 0, 16).data(new byte[4]).build();
        failure(file, "zero.wav", "0 channels");
    }

    @Test
    void tooManyChannels() {
        byte[] file = wave().fmt(PCM, 65535, 44100, 65535 * 2 & 0xFFFF, 16).data(new byte[4]).build();
        failure(file, "many.wav", "65535 channels", "up to 32");
    }

    @Test
    void absurdSampleRates() {
        failure(wave().fmt(PCM, 1, 0, 16).data(new byte[4]).build(), "r0.wav", "0 Hz");
        failure(wave().fmt(PCM, 1, -5, 16).data(new byte[4]).build(), "r4g.wav",
                "unsupported sample rate", "4 294 967 291 Hz");
    }

    @Test
    void inconsistentBlockAlign() {
        byte[] file = wave().fmt(PCM, 2, 44100, 3, 16).data(new byte[12]).build();
        failure(file, "ba.wav", "inconsistent", "block align 3", "2 channels × 2 bytes = 4");
    }

    @Test
    void absurdChunkSizesAreCheckedBeforeAllocating() {
        byte[] hugeData = wave().fmt(PCM, 1, 8000, 16).chunkClaiming("data", 0xFFFF_FFF0L, new byte[16]).build();
        failure(hugeData, "huge.wav", "truncated WAV", "4 294 967 280 bytes");
        byte[] hugeFmt = wave().chunkClaiming("fmt ", 0x7FFF_FFFFL, new byte[16]).build();
        failure(hugeFmt, "hugefmt.wav", "truncated WAV", "'fmt '");
        byte[] hugeList = wave().chunkClaiming("LIST", 0xFFFF_FFFFL, new byte[4]).build();
        failure(hugeList, "list.wav", "'LIST' chunk");
        ByteBuffer ds64 = WavBytes.le(28).putLong(0).putLong(Long.MAX_VALUE).putLong(0).putInt(0);
        byte[] rf64 = wave().magic("RF64").chunk("ds64", ds64.array()).fmt(PCM, 1, 8000, 16)
                .chunkClaiming("data", 0xFFFF_FFFFL, new byte[4]).build();
        failure(rf64, "lie.wav");
    }

    @Test
    void shortFmtChunk() {
        byte[] file = wave().chunk("fmt ", new byte[10]).data(new byte[4]).build();
        failure(file, "short.wav", "format chunk", "only 10 bytes");
        byte[] ext = wave().chunk("fmt ", Arrays.copyOf(
                WavBytes.le(16).putShort((short) 0xFFFE).putShort((short) 1).putInt(8000).putInt(16000)
                        .putShort((short) 2).putShort((short) 16).array(), 18)).data(new byte[4]).build();
        failure(ext, "ext.wav", "extensible", "only 18 bytes");
    }

    @Test
    void missingChunks() {
        failure(wave().data(pcm16(1, 2)).build(), "nofmt.wav", "no 'fmt ' chunk");
        failure(wave().fmt(PCM, 1, 8000, 16).build(), "nodata.wav", "no 'data' chunk");
        failure(wave().build(), "bare.wav", "no 'fmt ' chunk");
    }

    @Test
    void nonFiniteFloatsAreRefused() {
        byte[] nan = wave().fmt(FLOAT, 2, 1000, 32).data(float32(0f, 0f, 0.5f, Float.NaN)).build();
        assertEquals("damaged WAV: nan.wav contains an invalid sample value, NaN (not a number), "
                + "at 0.001 s in channel 2", failure(nan, "nan.wav"));
        byte[] inf = wave().fmt(FLOAT, 1, 8000, 64).data(float64(0, Double.NEGATIVE_INFINITY)).build();
        failure(inf, "inf.wav", "infinite");
        byte[] tooBig = wave().fmt(FLOAT, 1, 8000, 64).data(float64(1e300)).build();
        failure(tooBig, "big.wav", "out of float range");
    }

    @Test
    void readFromPathNamesTheFileAndPassesFileSystemErrorsThrough(@TempDir Path dir) throws IOException {
        Path mp3 = dir.resolve("demo.mp3");
        Files.write(mp3, "ID3\u0003".getBytes(StandardCharsets.ISO_8859_1));
        AudioFileException e = assertThrows(AudioFileException.class, () -> WavReader.read(mp3));
        assertTrue(e.getMessage().contains("demo.mp3"), e.getMessage());
        assertFalse(e.getMessage().contains(dir.toString()), "only the file name, not the full path");

        IOException missing = assertThrows(IOException.class, () -> WavReader.read(dir.resolve("gone.wav")));
        assertInstanceOf(NoSuchFileException.class, missing);
    }
}
