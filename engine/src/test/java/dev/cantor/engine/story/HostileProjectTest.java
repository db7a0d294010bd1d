package dev.cantor.engine.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cantor.engine.api.RequestException;
import dev.cantor.engine.api.StoryRequest;
import dev.cantor.engine.api.story.StoryProject;
import dev.cantor.engine.api.story.StoryProjectException;
import dev.cantor.engine.api.story.StorySection;
import dev.cantor.engine.api.story.StoryService;
import dev.cantor.engine.audio.AudioClip;
import dev.cantor.engine.audio.SampleFormat;
import dev.cantor.engine.audio.WavWriter;
import dev.cantor.engine.io.Fifos;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 24, items 2, 6, 12, 14 and 15: project files and what they name, as a hostile or
 * careless hand may write them. Each case is one clear line, and nothing waits or fills memory.
 */
class HostileProjectTest {

    private static final Duration QUICKLY = Duration.ofSeconds(10);
    private static final String SECTION = "{\"prompt\": \"solo piano\", \"seconds\": 4}";
    private static final int RATE = 8000;

    @TempDir
    Path dir;

    private static String project(String version, String sections) {
        return "{\"format\": \"cantor-project\", \"version\": " + version + ", \"sections\": [" + sections + "]}";
    }

    private String refused(String text) throws Exception {
        Path file = Files.writeString(dir.resolve("story.json"), text);
        StoryProjectException e = assertThrows(StoryProjectException.class, () -> StoryProjects.read(file));
        assertOneLine(e.getMessage());
        return e.getMessage();
    }

    static void assertOneLine(String message) {
        assertFalse(message.contains("\n") || message.contains("[Source"), "one line, no Jackson source: " + message);
    }

    // ---- item 6: what is not a project file -----------------------------------------------------

    @Test
    void devZeroIsRefusedAsADeviceBeforeReading() {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero));
        StoryProjectException e = assertTimeoutPreemptively(QUICKLY,
                () -> assertThrows(StoryProjectException.class, () -> StoryProjects.read(zero)));
        assertTrue(e.getMessage().contains("is a device"), e.getMessage());
    }

    @Test
    void aNamedPipeAsTheProjectDoesNotHang() throws Exception {
        Path fifo = Fifos.make(dir.resolve("story.json"));
        StoryProjectException e = assertTimeoutPreemptively(QUICKLY,
                () -> assertThrows(StoryProjectException.class, () -> ProjectFile.open(fifo)));
        assertTrue(e.getMessage().contains("named pipe"), e.getMessage());
        assertTimeoutPreemptively(QUICKLY, () -> assertTrue(ProjectFile.create(fifo).changedElsewhere()));
    }

    @Test
    void aProjectOverTenMegabytesIsRefusedStatingTheLimit() throws Exception {
        byte[] big = new byte[(int) StoryProjects.MAX_PROJECT_BYTES + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        Path file = Files.write(dir.resolve("big.json"), big);
        StoryProjectException e = assertThrows(StoryProjectException.class, () -> StoryProjects.read(file));
        assertTrue(e.getMessage().contains("at most 10 MB"), e.getMessage());
    }

    // ---- items 12 and 14: parsing ---------------------------------------------------------------

    @Test
    void aByteOrderMarkIsAccepted() throws Exception {
        Path file = dir.resolve("notepad.json");
        Files.write(file, ("\uFEFF" + project("1", SECTION)).getBytes(StandardCharsets.UTF_8));
        assertEquals("solo piano", StoryProjects.read(file).sections().get(0).prompt());
        StoryService.Opened opened = ProjectFile.open(file);
        assertFalse(opened.file().changedElsewhere(), "the BOM is not mistaken for a change by another program");
    }

    @Test
    void textThatIsNotUtf8SaysSo() throws Exception {
        Path file = dir.resolve("latin1.json");
        Files.write(file, project("1", "{\"prompt\": \"caf\u00e9\", \"seconds\": 4}").getBytes(StandardCharsets.ISO_8859_1));
        StoryProjectException e = assertThrows(StoryProjectException.class, () -> StoryProjects.read(file));
        assertTrue(e.getMessage().contains("not UTF-8"), e.getMessage());
        assertFalse(e.getMessage().contains("Input length"), e.getMessage());
    }

    @Test
    void trailingGarbageIsRefused() throws Exception {
        String m = refused(project("1", SECTION) + " }garbage");
        assertTrue(m.contains("damaged"), m);
    }

    @Test
    void theVersionMustBeAWholeNumber() throws Exception {
        String text = refused(project("\"1\"", SECTION));
        assertTrue(text.contains("\"version\" must be a number") && !text.contains("has no schema"), text);
        String fraction = refused(project("1.5", SECTION));
        assertTrue(fraction.contains("whole number") && fraction.contains("1.5"), fraction);
    }

    @Test
    void anEmptyKeyIsRefusedNamingTheSection() throws Exception {
        String m = refused(project("1", SECTION + ", {\"prompt\": \"drums\", \"seconds\": 4, \"key\": \"\"}"));
        assertTrue(m.contains("section 2") && m.contains("not a key name"), m);
    }

    @Test
    void jacksonMessagesAreOneLineNamingTheFieldAndPlace() throws Exception {
        String broken = refused("{\"format\": \"cantor-project\",\n \"version\": 1,\n \"sections\": [\n");
        assertTrue(broken.contains("damaged") && broken.contains("line"), broken);
        String kind = refused(project("1", "{\"prompt\": \"p\", \"seconds\": \"four\"}"));
        assertTrue(kind.contains("sections[0].seconds") || kind.contains("seconds"), kind);
        String seed = refused(project("1", "{\"prompt\": \"p\", \"seconds\": 4, \"seed\": 1.5}"));
        assertTrue(seed.contains("seed"), seed);
    }

    // ---- item 15: a stated limit on sections ----------------------------------------------------

    @Test
    void moreThanAHundredSectionsAreRefusedBeforeAnythingIsEmbedded() throws Exception {
        List<String> sections = new ArrayList<>();
        for (int i = 0; i < StoryProject.MAX_SECTIONS + 1; i++) {
            sections.add("{\"prompt\": \"p\", \"seconds\": 3}");
        }
        String m = refused(project("1", String.join(",", sections)));
        assertTrue(m.contains("101 sections") && m.contains("at most 100"), m);
        List<StoryRequest.Section> many = new ArrayList<>();
        for (int i = 0; i < StoryRequest.MAX_SECTIONS + 1; i++) {
            many.add(StoryRequest.Section.of("p", 1, i));
        }
        assertThrows(RequestException.class, () -> StoryRequest.of(many, 0));
    }

    // ---- item 2: what a project names stays in its folder ---------------------------------------

    @Test
    void takesNamedOutsideTheProjectFolderAreRefused() throws Exception {
        Path project = Files.createDirectories(dir.resolve("music")).resolve("s.json");
        Files.writeString(dir.resolve("secret.wav"), "secret");
        for (String name : new String[] {"../secret.wav", dir.resolve("secret.wav").toString(), "s.takes/../../secret.wav"}) {
            StoryProject.StoryTake take = new StoryProject.StoryTake(name, 1, "now", List.of(), "s.takes/x.codes");
            StoryProjectException e = assertThrows(StoryProjectException.class, () -> StoryTakeFiles.load(project, take));
            assertTrue(e.getMessage().contains("outside the project's folder") || e.getMessage().contains("absolute path"),
                    e.getMessage());
            assertOneLine(e.getMessage());
        }
    }

    @Test
    void aLinkThatLeadsOutOfTheFolderIsRefused() throws Exception {
        Path music = Files.createDirectories(dir.resolve("music"));
        Path secret = Files.writeString(dir.resolve("secret.wav"), "secret");
        try {
            Files.createSymbolicLink(music.resolve("link.wav"), secret);
        } catch (UnsupportedOperationException | java.io.IOException e) {
            assumeTrue(false, "no symbolic links here");
        }
        StoryProjectException e = assertThrows(StoryProjectException.class,
                () -> ProjectFolder.existingFile(music, "link.wav", "the take link.wav", 1000));
        assertTrue(e.getMessage().contains("link that leads outside"), e.getMessage());
    }

    @Test
    void aTakeThatIsAPipeOrADeviceIsRefusedWithoutReading() throws Exception {
        Path project = dir.resolve("s.json");
        Files.createDirectories(dir.resolve("s.takes"));
        Fifos.make(dir.resolve("s.takes/take-001.wav"));
        StoryProject.StoryTake take = new StoryProject.StoryTake("s.takes/take-001.wav", 1, "now", List.of(),
                "s.takes/take-001.codes");
        StoryProjectException e = assertTimeoutPreemptively(QUICKLY,
                () -> assertThrows(StoryProjectException.class, () -> StoryTakeFiles.load(project, take)));
        assertTrue(e.getMessage().contains("named pipe"), e.getMessage());
    }

    @Test
    void aMelodyMustBeAFileInTheProjectFolderAndOnlyItsSectionsLengthIsRead() throws Exception {
        Path music = Files.createDirectories(dir.resolve("music"));
        WavWriter.write(dir.resolve("outside.wav"), new AudioClip(new float[RATE], RATE), SampleFormat.PCM_16);
        StoryProject outside = StoryProject.of(1, List.of(StorySection.of("p", 2).withMelody("../outside.wav")));
        StoryProjectException e = assertThrows(StoryProjectException.class,
                () -> StoryRequests.of(outside, music, RATE));
        assertTrue(e.getMessage().contains("melody of section 1") && e.getMessage().contains("outside"), e.getMessage());

        Fifos.make(music.resolve("pipe.wav"));
        StoryProject piped = StoryProject.of(1, List.of(StorySection.of("p", 2).withMelody("pipe.wav")));
        e = assertTimeoutPreemptively(QUICKLY,
                () -> assertThrows(StoryProjectException.class, () -> StoryRequests.of(piped, music, RATE)));
        assertTrue(e.getMessage().contains("named pipe"), e.getMessage());

        WavWriter.write(music.resolve("long.wav"), new AudioClip(new float[RATE * 30], RATE), SampleFormat.PCM_16);
        StoryProject inside = StoryProject.of(1, List.of(StorySection.of("p", 2).withMelody("long.wav")));
        assertEquals(2 * RATE, StoryRequests.of(inside, music, RATE).sections().get(0).melody().length(),
                "a 30 s file as a 2 s section's melody: only 2 s is read");
    }

    @Test
    void saveAsCopiesTakesAndMelodiesFromInsideTheFolderOnly() throws Exception {
        Path from = Files.createDirectories(dir.resolve("a")).resolve("s.json");
        WavWriter.write(from.resolveSibling("hum.wav"), new AudioClip(new float[RATE], RATE), SampleFormat.PCM_16);
        StoryProject p = StoryProject.of(1, List.of(StorySection.of("p", 2).withMelody("hum.wav")));
        Path to = Files.createDirectories(dir.resolve("b")).resolve("t.json");
        StoryProject copied = ProjectFolder.copyFiles(from, to, p);
        assertEquals("t.melodies/hum.wav", copied.sections().get(0).melody());
        assertTrue(Files.isRegularFile(to.resolveSibling("t.melodies/hum.wav")));

        StoryProject hostile = p.withTakes(List.of(new StoryProject.StoryTake("/etc/hostname", 1, "now", List.of())));
        StoryProjectException e = assertThrows(StoryProjectException.class, () -> ProjectFolder.copyFiles(from, to, hostile));
        assertTrue(e.getMessage().contains("absolute path"), e.getMessage());
    }

    @Test
    void aMelodyFromElsewhereIsCopiedBesideTheProject() throws Exception {
        Path project = Files.createDirectories(dir.resolve("music")).resolve("song.json");
        Path hum = dir.resolve("hum.wav");
        WavWriter.write(hum, new AudioClip(new float[RATE], RATE), SampleFormat.PCM_16);
        assertEquals("song.melodies/hum.wav", ProjectFolder.importMelody(project, hum));
        assertEquals("song.melodies/hum.wav", ProjectFolder.importMelody(project, hum), "the same file is not copied twice");
        Path inside = project.resolveSibling("tune.wav");
        Files.copy(hum, inside);
        assertEquals("tune.wav", ProjectFolder.importMelody(project, inside));
    }
}
