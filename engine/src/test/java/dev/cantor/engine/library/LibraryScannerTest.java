package dev.cantor.engine.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cantor.engine.api.CancellationToken;
import dev.cantor.engine.api.ProgressListener;
import dev.cantor.engine.api.finetune.LibraryTrack;
import dev.cantor.engine.api.finetune.TrackAnalysis;
import dev.cantor.engine.api.finetune.TrainingLibrary;
import dev.cantor.engine.audio.EncodedFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryScannerTest {

    @TempDir
    Path dir;

    private Path library() throws Exception {
        Path lib = dir.resolve("My Music");
        for (int i = 0; i < 6; i++) {
            LibraryFixtures.wav(lib.resolve("Piano Pieces/0" + i + " - Song_" + i + ".wav"),
                    LibraryFixtures.song(8, 80 + 10 * i, 220 + 20 * i, 0, i));
        }
        LibraryFixtures.wav(lib.resolve("Beats/loop.wav"), LibraryFixtures.song(8, 120, 330, 0.8, 42));
        Files.copy(lib.resolve("Piano Pieces/01 - Song_1.wav"), lib.resolve("Beats/copy of song 1.wav"));
        LibraryFixtures.wav(lib.resolve("Beats/blip.wav"), LibraryFixtures.song(1.5, 120, 330, 0, 7));
        Files.writeString(lib.resolve("Beats/broken.mp3"), "this is not an mp3 at all, just text");
        Files.write(lib.resolve("Beats/cover.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3});
        Files.createDirectories(lib.resolve(".hidden"));
        Files.writeString(lib.resolve(".hidden/notes.wav"), "x");      // hidden folders are not searched
        return lib;
    }

    private static Map<String, LibraryTrack> byPath(TrainingLibrary l) {
        return l.tracks().stream().collect(Collectors.toMap(LibraryTrack::path, Function.identity()));
    }

    @Test
    void anImportListsEveryFileWithItsStatusAndNeverChangesTheFolder() throws Exception {
        Path lib = library();
        Map<String, String> before = LibraryFixtures.checksums(lib);
        TrainingLibrary scanned = LibraryScanner.scan(lib, null, ProgressListener.NONE, CancellationToken.NEVER);
        assertEquals(before, LibraryFixtures.checksums(lib), "the library folder is only read");

        Map<String, LibraryTrack> t = byPath(scanned);
        assertEquals(10, t.size(), t.keySet().toString());
        assertEquals(1, scanned.ignored(), "cover.jpg is not audio");
        assertEquals(LibraryTrack.Status.UNREADABLE, t.get("Beats/broken.mp3").status());
        assertTrue(t.get("Beats/broken.mp3").reason().contains("broken.mp3"), t.get("Beats/broken.mp3").reason());
        assertEquals(LibraryTrack.Status.TOO_SHORT, t.get("Beats/blip.wav").status());
        LibraryTrack copy = t.get("Beats/copy of song 1.wav");
        LibraryTrack original = t.get("Piano Pieces/01 - Song_1.wav");
        assertTrue(copy.status() == LibraryTrack.Status.DUPLICATE ^ original.status() == LibraryTrack.Status.DUPLICATE,
                "one of the two copies is used: " + copy.status() + ", " + original.status());
        LibraryTrack dropped = copy.status() == LibraryTrack.Status.DUPLICATE ? copy : original;
        assertEquals(dropped == copy ? original.path() : copy.path(), dropped.duplicateOf());
        for (LibraryTrack other : scanned.tracks()) {
            if (other != copy && other != original) {
                assertFalse(other.status() == LibraryTrack.Status.DUPLICATE, other.path() + " is no duplicate");
            }
        }
        assertEquals(7, scanned.usable().size());
        assertFalse(scanned.validation().isEmpty(), "some files are held out");
        assertFalse(scanned.training().isEmpty());
        assertNull(scanned.tooSmall());

        LibraryTrack song = t.get("Piano Pieces/02 - Song_2.wav");
        assertEquals(8.0, song.seconds(), 0.01);
        assertTrue(song.caption().startsWith("piano pieces, song 2"), song.caption());
        assertNotNull(song.analysis());
        LibraryTrack loop = t.get("Beats/loop.wav");
        assertTrue(loop.analysis().percussiveness() > song.analysis().percussiveness(),
                "the drum loop is more percussive: " + loop.analysis() + " vs " + song.analysis());
    }

    /** Opus and M4A songs count as readable; without FFmpeg an M4A is listed with what to install. */
    @Test
    void opusAndM4aSongsAreReadAndAMissingFfmpegIsTheReason() throws Exception {
        Path lib = dir.resolve("phone");
        Path source = dir.resolve("source.wav");
        LibraryFixtures.wav(source, LibraryFixtures.song(8, 100, 300, 0, 3));
        Files.createDirectories(lib);
        Files.move(EncodedFixtures.opus(source, "memo.opus", false), lib.resolve("memo.opus"));
        LibraryFixtures.wav(source, LibraryFixtures.song(8, 130, 440, 0.5, 4));
        Files.move(EncodedFixtures.m4a(source, "take.m4a", false, false), lib.resolve("take.m4a"));

        Map<String, LibraryTrack> t = byPath(LibraryScanner.scan(lib, null, ProgressListener.NONE,
                CancellationToken.NEVER));
        assertEquals(LibraryTrack.Status.OK, t.get("memo.opus").status(), t.get("memo.opus").reason());
        assertEquals(8.0, t.get("memo.opus").seconds(), 0.01);
        assertEquals(LibraryTrack.Status.OK, t.get("take.m4a").status(), t.get("take.m4a").reason());
        assertEquals(8.0, t.get("take.m4a").seconds(), 0.05);

        String before = System.getProperty("cantor.ffmpeg");
        System.setProperty("cantor.ffmpeg", dir.resolve("no-ffmpeg-here").toString());
        try {
            Map<String, LibraryTrack> without = byPath(LibraryScanner.scan(lib, null, ProgressListener.NONE,
                    CancellationToken.NEVER));
            assertEquals(LibraryTrack.Status.UNREADABLE, without.get("take.m4a").status());
            assertTrue(without.get("take.m4a").reason().contains("install ffmpeg to read M4A"),
                    without.get("take.m4a").reason());
            assertEquals(LibraryTrack.Status.OK, without.get("memo.opus").status(), "Opus needs no FFmpeg");
        } finally {
            if (before == null) {
                System.clearProperty("cantor.ffmpeg");
            } else {
                System.setProperty("cantor.ffmpeg", before);
            }
        }
    }

    @Test
    void aRescanKeepsEditedCaptionsAndTheSplit() throws Exception {
        Path lib = library();
        TrainingLibrary first = LibraryScanner.scan(lib, null, ProgressListener.NONE, CancellationToken.NEVER);
        TrainingLibrary edited = first.withTrack("Beats/loop.wav", x -> x.withCaption("my drum loop", true))
                .withFolderCaption("Piano Pieces", "gentle piano");
        LibraryFixtures.wav(lib.resolve("Piano Pieces/new.wav"), LibraryFixtures.song(8, 90, 500, 0, 99));
        TrainingLibrary second = LibraryScanner.scan(lib, edited, ProgressListener.NONE, CancellationToken.NEVER);
        Map<String, LibraryTrack> t = byPath(second);
        assertEquals("my drum loop", t.get("Beats/loop.wav").caption());
        assertEquals("gentle piano", t.get("Piano Pieces/03 - Song_3.wav").caption());
        assertTrue(t.get("Piano Pieces/new.wav").caption().contains("new"), t.get("Piano Pieces/new.wav").caption());
        for (LibraryTrack old : first.usable()) {
            assertEquals(old.validation(), t.get(old.path()).validation(), old.path() + " stays on its side");
        }
    }

    @Test
    void aTooSmallLibraryAndAMissingFolderSaySo() throws Exception {
        Path lib = dir.resolve("small");
        LibraryFixtures.wav(lib.resolve("one.wav"), LibraryFixtures.song(8, 100, 300, 0, 1));
        TrainingLibrary one = LibraryScanner.scan(lib, null, ProgressListener.NONE, CancellationToken.NEVER);
        assertTrue(one.tooSmall().contains("1 usable file"), one.tooSmall());
        LibraryFixtures.wav(lib.resolve("two.wav"), LibraryFixtures.song(8, 140, 400, 0, 2));
        TrainingLibrary two = LibraryScanner.scan(lib, null, ProgressListener.NONE, CancellationToken.NEVER);
        assertTrue(two.tooSmall().contains("8 s of music"), two.tooSmall());
        assertThrows(java.io.IOException.class,
                () -> LibraryScanner.scan(dir.resolve("nope"), null, ProgressListener.NONE, CancellationToken.NEVER));
    }

    @Test
    void aLibraryFileReadsBackAsItWasWritten() throws Exception {
        Path lib = library();
        TrainingLibrary scanned = LibraryScanner.scan(lib, null, ProgressListener.NONE, CancellationToken.NEVER)
                .withTrack("Beats/loop.wav", t -> new LibraryTrack(t.path(), t.bytes(), t.modified(), t.status(),
                        t.reason(), t.seconds(), t.sampleRate(), t.duplicateOf(),
                        new dev.cantor.engine.audio.TrackTags("Loop", "Me", null, "Electronic", null), t.analysis(),
                        t.caption(), t.captionEdited(), t.validation()));
        Path file = dir.resolve("project/library.json");
        TrainingLibraries.write(file, scanned);
        assertEquals(scanned, TrainingLibraries.read(file));
        Files.writeString(file, Files.readString(file).replace("\"version\" : 1", "\"version\" : 7"));
        java.io.IOException e = assertThrows(java.io.IOException.class, () -> TrainingLibraries.read(file));
        assertTrue(e.getMessage().contains("newer Cantor"), e.getMessage());
    }

    @Test
    void captionsComeFromTagsElseFromNamesWithWhatWasHeard() {
        TrackAnalysis heard = new TrackAnalysis(92.0, "A", "minor", -18, 0.6);
        assertEquals("jazz: Blue Train by John Coltrane, with drums, 92 bpm, in A minor",
                CaptionWriter.suggest("x/01 - blue.mp3", new dev.cantor.engine.audio.TrackTags("Blue Train",
                        "John Coltrane", "Blue Train", "Jazz", null), heard));
        assertEquals("piano pieces, moonlight, sustained, no drums, quiet",
                CaptionWriter.suggest("Piano_Pieces/03 - Moonlight.flac", null,
                        new TrackAnalysis(null, null, null, -35, 0.05)));
        assertEquals("music", CaptionWriter.suggest("01.wav", null, null));
    }
}
