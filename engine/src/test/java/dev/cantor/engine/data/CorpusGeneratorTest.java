package dev.cantor.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cantor.engine.api.CancellationToken;
import dev.cantor.engine.api.CancelledException;
import dev.cantor.engine.api.ProgressListener;
import dev.cantor.engine.audio.WavAudio;
import dev.cantor.engine.audio.WavReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusGeneratorTest {

    private static Soundfont builtIn;

    @TempDir
    Path dir;

    @BeforeAll
    static void soundfont() {
        builtIn = Soundfont.builtIn();
    }

    private CorpusGenerator.Config config(Path out, int clips, long seed, int threads, boolean force) {
        return new CorpusGenerator.Config(out, clips, 2, seed, 32_000, builtIn, threads, force);
    }

    private static CorpusGenerator.Result run(CorpusGenerator.Config c) throws IOException {
        return CorpusGenerator.generate(c, ProgressListener.NONE, CancellationToken.NEVER);
    }

    @Test
    void sameSeedGivesIdenticalFilesWhateverTheClipCountAndThreads() throws IOException {
        run(config(dir.resolve("a"), 3, 77, 1, false));
        run(config(dir.resolve("b"), 5, 77, 2, false));
        run(config(dir.resolve("c"), 3, 78, 2, false));
        List<String> a = Files.readAllLines(Manifest.path(dir.resolve("a")));
        List<String> b = Files.readAllLines(Manifest.path(dir.resolve("b")));
        assertEquals(3, a.size());
        assertEquals(5, b.size());
        assertEquals(a, b.subList(0, 3));
        for (int i = 0; i < 3; i++) {
            String f = CorpusGenerator.fileName(i);
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(f)), Files.readAllBytes(dir.resolve("b").resolve(f)), f);
            assertFalse(java.util.Arrays.equals(Files.readAllBytes(dir.resolve("a").resolve(f)),
                    Files.readAllBytes(dir.resolve("c").resolve(f))), "another seed gave the same " + f);
        }
    }

    @Test
    void writesSixteenBitMonoClipsOfExactLengthAndAReadableManifest() throws IOException {
        Path out = dir.resolve("corpus");
        CorpusGenerator.Result result = run(new CorpusGenerator.Config(out, 4, 1.25, 5, 24_000, builtIn, 2, false));
        assertEquals(4, result.clips());
        assertTrue(result.realtimeFactor() > 0);
        List<ManifestEntry> entries = Manifest.read(out);
        assertEquals(4, entries.size());
        for (int i = 0; i < entries.size(); i++) {
            ManifestEntry e = entries.get(i);
            assertEquals(CorpusGenerator.fileName(i), e.file());
            WavAudio wav = WavReader.read(out.resolve(e.file()));
            assertEquals(1, wav.channelCount());
            assertEquals(16, wav.bitsPerSample());
            assertEquals(24_000, wav.sampleRate());
            assertEquals(30_000, wav.frames());
            assertEquals(24_000, e.sampleRate());
            assertEquals(1.25, e.seconds());
            assertEquals(5, e.seed());
            assertEquals(i, e.clipIndex());
            assertFalse(e.caption().isBlank());
            assertFalse(e.melody().isEmpty());
            assertEquals(e.hasDrums(), e.instruments().contains("drums"));
            assertEquals(e.programs().size() + (e.hasDrums() ? 1 : 0), e.instruments().size(), e.toString());
            assertTrue(e.tempoBpm() >= PieceSpec.MIN_BPM && e.tempoBpm() <= PieceSpec.MAX_BPM);
            e.tonality(); // key and mode parse back
        }
        String line = Files.readAllLines(Manifest.path(out)).get(0);
        for (String field : List.of("\"file\"", "\"caption\"", "\"style\"", "\"instruments\"", "\"programs\"",
                "\"tempo_bpm\"", "\"key\"", "\"mode\"", "\"mood\"", "\"seconds\"", "\"sample_rate\"", "\"seed\"",
                "\"melody\"", "\"onset_s\"", "\"duration_s\"", "\"midi_pitch\"", "\"has_drums\"")) {
            assertTrue(line.contains(field), "manifest line lacks " + field + ": " + line);
        }
    }

    @Test
    void refusesToMixCorporaUnlessForced() throws IOException {
        Path out = dir.resolve("corpus");
        run(config(out, 2, 1, 1, false));
        Files.writeString(out.resolve("notes.txt"), "mine");
        CorpusFolderException e = assertThrows(CorpusFolderException.class, () -> run(config(out, 1, 2, 1, false)));
        assertTrue(e.getMessage().contains("already holds a corpus") && e.getMessage().contains("--force"),
                e.getMessage());
        run(config(out, 1, 2, 1, true));
        assertEquals(1, Manifest.read(out).size());
        assertFalse(Files.exists(out.resolve(CorpusGenerator.fileName(1))), "stale clip of the old corpus left");
        assertTrue(Files.exists(out.resolve("notes.txt")), "--force deleted a file that was not ours");

        Path leftovers = dir.resolve("interrupted");
        Files.createDirectories(leftovers);
        Files.write(leftovers.resolve("00000.wav"), new byte[10]);
        CorpusFolderException unfinished = assertThrows(CorpusFolderException.class,
                () -> run(config(leftovers, 1, 2, 1, false)));
        assertTrue(unfinished.getMessage().contains("unfinished"), unfinished.getMessage());
    }

    @Test
    void reportsProgressAndStopsWhenCancelledWithoutAManifest() throws IOException {
        AtomicLong last = new AtomicLong(-1);
        CorpusGenerator.generate(config(dir.resolve("q"), 3, 1, 2, false), (done, total, stage) -> {
            assertEquals(3, total);
            assertEquals("rendering", stage.toString());
            last.accumulateAndGet(done, Math::max);
        }, CancellationToken.NEVER);
        assertEquals(3, last.get());

        CancellationToken cancel = new CancellationToken();
        Path out = dir.resolve("cancelled");
        assertThrows(CancelledException.class, () -> CorpusGenerator.generate(config(out, 50, 1, 2, false),
                (done, total, stage) -> {
                    if (done >= 1) {
                        cancel.cancel();
                    }
                }, cancel));
        assertFalse(Files.exists(Manifest.path(out)));
        assertTrue(Files.list(out).count() < 50);
    }

    @Test
    void manifestProblemsAreTypedAndClear() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        ManifestException missing = assertThrows(ManifestException.class, () -> Manifest.read(empty));
        assertTrue(missing.getMessage().contains("no corpus manifest"), missing.getMessage());

        Path out = dir.resolve("corpus");
        run(config(out, 2, 3, 1, false));
        List<String> lines = Files.readAllLines(Manifest.path(out));
        Files.writeString(Manifest.path(out), lines.get(0) + "\n{\"file\": \"00001.wav\", \"caption\": 12,\n");
        ManifestException corrupt = assertThrows(ManifestException.class, () -> Manifest.read(out));
        assertTrue(corrupt.getMessage().contains("line 2"), corrupt.getMessage());

        Files.writeString(Manifest.path(out), String.join("\n", lines) + "\n");
        Files.delete(out.resolve("00001.wav"));
        ManifestException gone = assertThrows(ManifestException.class, () -> Manifest.read(out));
        assertTrue(gone.getMessage().contains("00001.wav") && gone.getMessage().contains("missing"), gone.getMessage());
    }

    @Test
    void configRejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> config(dir, 0, 1, 1, false));
        assertThrows(IllegalArgumentException.class,
                () -> new CorpusGenerator.Config(dir, 1, 601, 1, 32_000, builtIn, 1, false));
        assertThrows(IllegalArgumentException.class,
                () -> new CorpusGenerator.Config(dir, 1, 2, 1, 4_000, builtIn, 1, false));
    }
}
