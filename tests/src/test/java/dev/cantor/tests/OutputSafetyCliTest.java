package dev.cantor.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user's files through the packaged jar: nothing at {@code --out} is replaced without
 * {@code --force}, and with it only a regular file; options and the output folder are checked
 * before any work; bad input exits 2 with one line naming the user's path and the reason.
 */
class OutputSafetyCliTest {

    private static Path shippedCodec() {
        return CliHarness.jar().toAbsolutePath().getParent().getParent().getParent()
                .resolve("resources/models/default/codec");
    }

    private static void assertOneLine(CliHarness.Result r, String expected) {
        assertEquals(2, r.exitCode(), r.stderr());
        assertEquals(1, r.stderr().strip().lines().count(), "one line: " + r.stderr());
        assertTrue(r.stderr().startsWith("cantor: "), r.stderr());
        assertTrue(r.stderr().contains(expected), "expected '" + expected + "' in: " + r.stderr());
        assertFalse(r.stderr().contains(".tmp"), "never the temporary file: " + r.stderr());
    }

    @Test
    void twoRunsWithoutForceToOneFileOneWinsTheOtherFailsClearly(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("prompts.jsonl");
        List<Process> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(CliHarness.start(dir, dir.resolve("out" + i), dir.resolve("err" + i), "make-eval-set",
                    "--out", out.toString(), "--prompts", "21", "--melodies", "0"));
        }
        List<Integer> codes = new ArrayList<>();
        StringBuilder errors = new StringBuilder();
        for (int i = 0; i < 2; i++) {
            assertTrue(runs.get(i).waitFor(5, TimeUnit.MINUTES));
            codes.add(runs.get(i).exitValue());
            errors.append(Files.readString(dir.resolve("err" + i), StandardCharsets.UTF_8));
        }
        codes.sort(null);
        assertEquals(List.of(0, 2), codes, errors.toString());
        // refused at the start ("already exists") or at the end ("appeared while Cantor was working")
        assertTrue(errors.toString().contains("--force"), errors.toString());
        assertEquals(21, Files.readAllLines(out).size(), "the winner's file, whole");
    }

    @Test
    void forceReplacesOnlyARegularFile(@TempDir Path dir) throws Exception {
        Path elsewhere = Files.writeString(dir.resolve("elsewhere.txt"), "keep me");
        Path link = Files.createSymbolicLink(dir.resolve("prompts.jsonl"), elsewhere);
        assertOneLine(CliHarness.run(dir, "make-eval-set", "--out", link.toString(), "--prompts", "21", "--force"),
                "symbolic link");
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("keep me", Files.readString(elsewhere));

        Path regular = Files.writeString(dir.resolve("old.jsonl"), "old");
        CliHarness.Result replaced = CliHarness.run(dir, "make-eval-set", "--out", regular.toString(), "--prompts",
                "21", "--melodies", "0", "--force");
        assertEquals(0, replaced.exitCode(), replaced.stderr());
        assertEquals(21, Files.readAllLines(regular).size());
    }

    @Test
    void anUnwritableOutputFolderIsFoundBeforeAnyWork(@TempDir Path dir) throws Exception {
        Path sys = Path.of("/sys");
        assumeTrue(Files.isDirectory(sys), "Linux: /sys refuses new files, even to root");
        Path out = sys.resolve("take.wav");
        Path wav = Files.write(dir.resolve("in.wav"), new byte[100]);
        // the model is never opened: the folder is checked first
        assertOneLine(CliHarness.run(dir, "codec", "--model", dir.resolve("no-model").toString(), "--in",
                wav.toString(), "--out", out.toString()), "cannot write " + out + ": ");
    }

    @Test
    void badInputExitsTwoEverywhere(@TempDir Path dir) throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.wav"), "not audio at all, just text");
        assertOneLine(CliHarness.run(dir, "codec", "--model", shippedCodec().toString(), "--in", junk.toString(),
                "--out", dir.resolve("round.wav").toString()), "cannot read the input file");
        assertFalse(Files.exists(dir.resolve("round.wav")));

        Path story = Files.copy(shippedCodec().getParent().getParent().getParent().resolve("stories/jazz-to-rock.json"),
                dir.resolve("story.json"));
        // refused before the model loads and the piece renders (which would take a minute)
        assertOneLine(CliHarness.run(dir, "story", story.toString(), "--format", "99", "--out",
                dir.resolve("story.wav").toString()), "99");

        Path folder = Files.createDirectories(dir.resolve("a-folder.wav"));
        assertOneLine(CliHarness.run(dir, "codec", "--model", shippedCodec().toString(), "--in", junk.toString(),
                "--out", folder.toString(), "--force"), "folder");
    }
}
