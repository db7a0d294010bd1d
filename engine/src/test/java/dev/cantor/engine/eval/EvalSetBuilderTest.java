package dev.cantor.engine.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cantor.engine.conditioning.PromptAttributes;
import dev.cantor.engine.data.Style;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalSetBuilderTest {

    @TempDir
    Path dir;

    @Test
    void coversEveryStyleTempoBandAndModeAndStatesWhatIsScored() {
        List<EvalPrompt> set = EvalSetBuilder.build(EvalSetBuilder.DEFAULT_SEED, 63, 8, 8);
        assertEquals(63, set.size());
        assertEquals(8, set.stream().filter(EvalPrompt::hasMelody).count());
        Set<Style> styles = set.stream().map(EvalPrompt::styleLabel).collect(Collectors.toCollection(
                () -> EnumSet.noneOf(Style.class)));
        assertEquals(EnumSet.allOf(Style.class), styles);
        for (Style s : Style.values()) {
            assertEquals(3, set.stream().filter(p -> p.styleLabel() == s).count(), s.label());
        }
        assertEquals(Set.of(EvalSetBuilder.TempoBand.values()), set.stream()
                .map(p -> EvalSetBuilder.TempoBand.of(p.tempoBpm())).collect(Collectors.toSet()));
        assertEquals(Set.of("major", "minor"), set.stream().map(EvalPrompt::mode).collect(Collectors.toSet()));
        for (EvalPrompt p : set) {
            PromptAttributes a = PromptAttributes.parse(p.prompt());
            assertEquals(p.tempoBpm(), a.tempoBpm(), 1e-9, p.prompt());
            assertEquals(p.tonality().key().pitchClass(), a.keyRoot(), p.prompt());
            assertEquals(p.tonality().mode(), a.mode(), p.prompt());
            assertEquals(p.tempoBpm(), p.spec().tempoBpm());
            assertTrue(p.seed() == EvalSetBuilder.DEFAULT_SEED && p.seconds() == 8);
        }
        assertEquals(63, set.stream().map(EvalPrompt::id).distinct().count());
    }

    @Test
    void sameSeedSameSetAndItSurvivesARoundTrip() throws Exception {
        List<EvalPrompt> a = EvalSetBuilder.build(900_123, 21, 3, 6);
        List<EvalPrompt> b = EvalSetBuilder.build(900_123, 21, 3, 6);
        assertEquals(a, b);
        Path file = dir.resolve("prompts.jsonl");
        EvalSet.write(file, a);
        assertEquals(a, EvalSet.read(file));
        assertEquals(21, Files.readAllLines(file).size());
    }

    @Test
    void aSetThatNoLongerMatchesTheComposerIsRefused() throws Exception {
        Path file = dir.resolve("tampered.jsonl");
        EvalSet.write(file, EvalSetBuilder.build(900_123, 21, 0, 6));
        String text = Files.readString(file);
        int at = text.indexOf("\"tempo_bpm\":") + "\"tempo_bpm\":".length();
        int end = text.indexOf(',', at);
        int bpm = Integer.parseInt(text.substring(at, end));
        Files.writeString(file, text.substring(0, at) + (bpm + 1) + text.substring(end));
        EvalPrompt changed = EvalSet.read(file).get(0);
        EvalSetException e = assertThrows(EvalSetException.class, changed::spec);
        assertTrue(e.getMessage().contains("make-eval-set"), e.getMessage());
    }

    @Test
    void badFilesGiveTheLineThatIsWrong() throws Exception {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, "{\"id\":\"x\",\"prompt\":\"p\"}\n");
        EvalSetException e = assertThrows(EvalSetException.class, () -> EvalSet.read(file));
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
        assertThrows(EvalSetException.class, () -> EvalSet.read(dir.resolve("missing.jsonl")));
        assertThrows(IllegalArgumentException.class, () -> EvalSetBuilder.build(1, Style.values().length - 1, 0, 8));
    }
}
