package dev.cantor.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenCacheTest {

    static TokenClip clip(String name, int frames, int seed) {
        java.util.Random r = new java.util.Random(seed);
        int[][] codes = new int[2][frames];
        for (int[] row : codes) {
            for (int t = 0; t < frames; t++) {
                row[t] = r.nextInt(1024);
            }
        }
        int[] melody = new int[frames];
        for (int t = 0; t < frames; t++) {
            melody[t] = r.nextInt(13);
        }
        float[] text = new float[3];
        for (int i = 0; i < 3; i++) {
            text[i] = (float) r.nextGaussian();
        }
        return new TokenClip(name, "caption " + name, seed % 2 == 0 ? 120.0 : null, "F#", "minor", "jazz", frames,
                codes, melody, text);
    }

    @Test
    void writeThenReadGivesEveryClipBack(@TempDir Path dir) throws IOException {
        List<TokenClip> clips = List.of(clip("a.wav", 7, 2), clip("sub/b.wav", 3, 3));
        TokenCache.Meta meta = TokenCache.Meta.of("/codec", 2, 1024, 50, "enc", 3, clips);
        TokenCache.write(dir, meta, clips);
        TokenCache.Contents read = TokenCache.read(dir);
        assertEquals(meta, read.meta());
        assertEquals(10, read.meta().frames());
        for (int i = 0; i < clips.size(); i++) {
            TokenClip a = clips.get(i);
            TokenClip b = read.clips().get(i);
            assertEquals(a.file(), b.file());
            assertEquals(a.caption(), b.caption());
            assertEquals(a.tempoBpm(), b.tempoBpm());
            assertArrayEquals(a.codes(), b.codes());
            assertArrayEquals(a.melody(), b.melody());
            assertArrayEquals(a.text(), b.text());
        }
    }

    @Test
    void damagedCachesAreReportedNotMisread(@TempDir Path dir) throws IOException {
        List<TokenClip> clips = List.of(clip("a.wav", 7, 2));
        TokenCache.write(dir, TokenCache.Meta.of("/codec", 2, 1024, 50, "enc", 3, clips), clips);
        byte[] data = Files.readAllBytes(dir.resolve(TokenCache.DATA_FILE));
        Files.write(dir.resolve(TokenCache.DATA_FILE), java.util.Arrays.copyOf(data, data.length - 5));
        IOException e = assertThrows(IOException.class, () -> TokenCache.read(dir));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertThrows(java.nio.file.NoSuchFileException.class, () -> TokenCache.read(dir.resolve("none")));
    }
}
