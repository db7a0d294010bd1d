package dev.cantor.engine.data;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SoundfontTest {

    @TempDir
    Path dir;

    @Test
    void refusesSf3ByExtension() throws IOException {
        Path sf3 = Files.write(dir.resolve("MuseScore_General.sf3"), riffSoundfont(2));
        SoundfontException e = assertThrows(SoundfontException.class, () -> Soundfont.load(sf3));
        assertTrue(e.getMessage().contains("SF3") && e.getMessage().contains("noise"), e.getMessage());
    }

    @Test
    void refusesSf3RenamedToSf2() throws IOException {
        Path renamed = Files.write(dir.resolve("renamed.sf2"), riffSoundfont(3));
        SoundfontException e = assertThrows(SoundfontException.class, () -> Soundfont.load(renamed));
        assertTrue(e.getMessage().contains("SF3"), e.getMessage());
    }

    @Test
    void missingFileGivesAClearError() {
        SoundfontException e = assertThrows(SoundfontException.class,
                () -> Soundfont.load(dir.resolve("nowhere.sf2")));
        assertTrue(e.getMessage().startsWith("soundfont not found"), e.getMessage());
    }

    @Test
    void garbageFileGivesAClearError() throws IOException {
        Path garbage = Files.writeString(dir.resolve("notes.sf2"), "these are not samples");
        SoundfontException e = assertThrows(SoundfontException.class, () -> Soundfont.load(garbage));
        assertTrue(e.getMessage().contains("not a soundfont"), e.getMessage());
        SoundfontException folder = assertThrows(SoundfontException.class, () -> Soundfont.load(dir));
        assertTrue(folder.getMessage().contains("not a readable file"), folder.getMessage());
    }

    @Test
    void builtInBankHasTheGeneralMidiSet() {
        Soundfont builtIn = Soundfont.builtIn();
        assertTrue(builtIn.name().startsWith("builtin:"));
        for (int p : new int[] {0, 24, 32, 33, 40, 48, 56, 73, 80, 89}) {
            assertTrue(builtIn.hasProgram(p), "program " + p);
        }
        assertTrue(builtIn.hasDrumKit(0));
        assertFalse(builtIn.hasDrumKit(99));
    }

    /** A minimal RIFF sfbk header with an ifil version chunk (enough for the format sniffing). */
    private static byte[] riffSoundfont(int majorVersion) throws IOException {
        ByteArrayOutputStream info = new ByteArrayOutputStream();
        info.write("INFOifil".getBytes(StandardCharsets.US_ASCII));
        info.write(le32(4));
        info.write(new byte[] {(byte) majorVersion, 0, 1, 0});
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write("sfbkLIST".getBytes(StandardCharsets.US_ASCII));
        body.write(le32(info.size()));
        body.write(info.toByteArray());
        ByteArrayOutputStream riff = new ByteArrayOutputStream();
        riff.write("RIFF".getBytes(StandardCharsets.US_ASCII));
        riff.write(le32(body.size()));
        riff.write(body.toByteArray());
        return riff.toByteArray();
    }

    private static byte[] le32(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }
}
