package dev.cantor.engine.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import javax.sound.midi.Instrument;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Patch;
import javax.sound.midi.Soundbank;
import javax.sound.midi.Synthesizer;

/**
 * A General MIDI soundbank for {@link GervillRenderer}: an {@code .sf2}/{@code .dls} file, or the
 * JDK's built-in one. SF3 files (SF2 with Ogg-compressed samples) are refused: Java's synthesizer
 * loads them but cannot decode the samples and plays noise.
 *
 * <p>One instance may be shared by several renderers; it is thread-safe.
 */
public final class Soundfont {

    /** Debian's fluid-soundfont-gm (MIT licence), the soundfont the training corpus is made with. */
    public static final Path FLUID_R3 = Path.of("/usr/share/sounds/sf2/FluidR3_GM.sf2");

    private final Soundbank bank;
    private final String name;
    /** Instruments whose samples are in memory; read under either lock, added under the write lock. */
    private final Set<String> warm = ConcurrentHashMap.newKeySet();
    private final ReadWriteLock samplesLock = new ReentrantReadWriteLock();

    private Soundfont(Soundbank bank, String name) {
        this.bank = bank;
        this.name = name;
    }

    /**
     * Loads a soundfont file.
     *
     * @throws SoundfontException when the file is missing, unreadable, SF3, or not a soundbank
     */
    public static Soundfont load(Path file) {
        if (!Files.exists(file)) {
            throw new SoundfontException("soundfont not found: " + file);
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new SoundfontException("cannot read soundfont " + file + " (not a readable file)");
        }
        if (isSf3(file)) {
            throw new SoundfontException(file.getFileName() + " is an SF3 soundfont (compressed samples), which "
                    + "Java's synthesizer renders as noise; use an .sf2 soundfont such as FluidR3_GM.sf2 "
                    + "(Debian package fluid-soundfont-gm)");
        }
        try {
            Soundbank bank = MidiSystem.getSoundbank(file.toFile());
            return new Soundfont(bank, file.getFileName().toString());
        } catch (InvalidMidiDataException e) {
            throw new SoundfontException(file + " is not a soundfont Java can read (expected .sf2 or .dls)", e);
        } catch (IOException e) {
            throw new SoundfontException("cannot read soundfont " + file + ": " + e.getMessage(), e);
        }
    }

    /** The JDK's built-in soundbank (Gervill's small generated "emergency" bank): fast, no file. */
    public static Soundfont builtIn() {
        try {
            Synthesizer synth = MidiSystem.getSynthesizer();
            Soundbank bank = synth.getDefaultSoundbank();
            if (bank == null) {
                throw new SoundfontException("this Java runtime has no built-in soundbank; pass a .sf2 file");
            }
            return new Soundfont(bank, "builtin:" + bank.getName());
        } catch (MidiUnavailableException e) {
            throw new SoundfontException("Java's MIDI synthesizer is unavailable: " + e.getMessage(), e);
        }
    }

    /** FluidR3_GM when installed, otherwise the built-in soundbank. */
    public static Soundfont systemDefault() {
        return Files.isRegularFile(FLUID_R3) ? load(FLUID_R3) : builtIn();
    }

    /** File name (or "builtin:..." for the JDK bank), for manifests and reports. */
    public String name() {
        return name;
    }

    /** True when melodic GM program {@code program} (bank 0) exists. */
    public boolean hasProgram(int program) {
        return melodic(program) != null;
    }

    /** True when GM drum kit {@code kit} exists. */
    public boolean hasDrumKit(int kit) {
        return drumKit(kit) != null;
    }

    Instrument melodic(int program) {
        return bank.getInstrument(new Patch(0, program));
    }

    Instrument drumKit(int kit) {
        return bank.getInstrument(Gervill.drumKitPatch(kit));
    }

    /**
     * Loads the instruments of {@code score} into an open synthesizer. A file soundbank reads
     * each instrument's samples from disk on first use, into buffers shared by every renderer,
     * so the first load of an instrument holds the write lock; later loads of it only read
     * those buffers and share the read lock, letting workers render in parallel.
     */
    void loadInto(Synthesizer synth, Score score) {
        List<Instrument> instruments = new ArrayList<>();
        boolean allWarm = true;
        for (Part part : score.parts()) {
            Instrument instrument = part.role() == PartRole.DRUMS ? drumKit(part.program()) : melodic(part.program());
            if (instrument == null) {
                throw new SoundfontException(name + " has no " + part.instrumentName()
                        + " (GM " + (part.role() == PartRole.DRUMS ? "drum kit " : "program ") + part.program() + ")");
            }
            instruments.add(instrument);
            allWarm &= warm.contains(key(part));
        }
        Lock lock = allWarm ? samplesLock.readLock() : samplesLock.writeLock();
        lock.lock();
        try {
            for (int i = 0; i < instruments.size(); i++) {
                if (!synth.loadInstrument(instruments.get(i))) {
                    throw new SoundfontException("the synthesizer could not load "
                            + score.parts().get(i).instrumentName() + " from " + name);
                }
            }
            if (!allWarm) {
                score.parts().forEach(p -> warm.add(key(p)));
            }
        } finally {
            lock.unlock();
        }
    }

    private static String key(Part part) {
        return (part.role() == PartRole.DRUMS ? "kit" : "program") + part.program();
    }

    /** SF3 by extension, or an SF2 RIFF whose version chunk ({@code ifil}) says major version 3. */
    private static boolean isSf3(Path file) {
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sf3")) {
            return true;
        }
        byte[] head = new byte[256];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new SoundfontException("cannot read soundfont " + file + ": " + e.getMessage(), e);
        }
        String text = new String(head, 0, n, StandardCharsets.ISO_8859_1);
        if (n < 12 || !text.startsWith("RIFF") || !text.startsWith("sfbk", 8)) {
            return false;
        }
        int ifil = text.indexOf("ifil");
        return ifil >= 0 && ifil + 10 <= n && (head[ifil + 8] & 0xFF | (head[ifil + 9] & 0xFF) << 8) >= 3;
    }
}
