package dev.cantor.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What bytecode cannot show: javac copies a {@code static final} constant's value into the class
 * that reads it, so a studio class reading, say, a default from an engine package leaves no trace
 * for ArchUnit. This reads the studio's sources instead: every {@code dev.cantor.engine.X} it names
 * (an import, a static import or a qualified name in code) must be engine.api or engine.audio.
 */
class UiSourceImportsTest {

    private static final Pattern ENGINE_NAME = Pattern.compile("\\bdev\\.cantor\\.engine\\.([a-z][a-z0-9_]*)\\.");
    private static final Pattern COMMENTS = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);
    private static final List<String> ALLOWED = List.of("api", "audio");

    private static Path uiSources() {
        return Path.of(System.getProperty("cantor.root", "..")).resolve("ui/src/main/java/dev/cantor/ui");
    }

    @Test
    void theStudioNamesOnlyEngineApiAndAudio() throws IOException {
        List<String> outside = new ArrayList<>();
        int files = 0;
        try (Stream<Path> all = Files.walk(uiSources())) {
            for (Path file : all.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                files++;
                outside.addAll(engineNamesOutsideTheDoor(file.getFileName().toString(), Files.readString(file)));
            }
        }
        assertTrue(files > 30, "found the studio's sources in " + uiSources() + " (" + files + " files)");
        assertEquals(List.of(), outside, "the studio names engine packages other than api and audio");
    }

    @Test
    void theScanSeesImportsStaticImportsAndQualifiedNamesButNotComments() {
        String source = """
                package dev.cantor.ui.x;
                import dev.cantor.engine.api.SamplingParams;
                import static dev.cantor.engine.sampling.Defaults.TOP_K;
                // dev.cantor.engine.lm.TransformerLm is mentioned in a comment only
                class X { double t = dev.cantor.engine.dsp.WaveformPeaks.BASE_BUCKET; }
                """;
        assertEquals(List.of("X.java: dev.cantor.engine.sampling", "X.java: dev.cantor.engine.dsp"),
                engineNamesOutsideTheDoor("X.java", source));
    }

    /** "File.java: dev.cantor.engine.pkg" for every engine package outside api and audio the code names. */
    static List<String> engineNamesOutsideTheDoor(String file, String source) {
        List<String> found = new ArrayList<>();
        Matcher m = ENGINE_NAME.matcher(COMMENTS.matcher(source).replaceAll(" "));
        while (m.find()) {
            if (!ALLOWED.contains(m.group(1))) {
                found.add(file + ": dev.cantor.engine." + m.group(1));
            }
        }
        return found;
    }
}
