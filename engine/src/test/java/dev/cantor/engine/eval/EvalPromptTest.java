package dev.cantor.engine.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cantor.engine.data.PieceSpec;
import dev.cantor.engine.data.SpecSampler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An evaluation prompt's reference piece: written out ({@code piece}) or drawn again from seed and clip index. */
class EvalPromptTest {

    @TempDir
    Path dir;

    /** The first line of the shipped set (eval-000: pop, calm, 85 BPM, G major, no drums). */
    private static String shippedLine() throws Exception {
        return Files.readAllLines(EvalSetBuilderTest.shippedSet()).get(0);
    }

    private EvalPrompt readOne(String line) throws Exception {
        Path file = dir.resolve("one.jsonl");
        Files.writeString(file, line + "\n");
        return EvalSet.read(file).get(0);
    }

    @Test
    void aLineWithoutPieceIsDrawnAgainFromSeedAndClipIndex() throws Exception {
        List<EvalPrompt> set = EvalSetBuilder.build(900_321, 21, 2, 6);
        Path file = dir.resolve("old-style.jsonl");
        EvalSet.write(file, set.stream().map(EvalPrompt::withoutPiece).toList());
        assertFalse(Files.readString(file).contains("\"piece\""));
        List<EvalPrompt> read = EvalSet.read(file);
        for (int i = 0; i < set.size(); i++) {
            assertFalse(read.get(i).hasPiece());
            assertEquals(set.get(i).spec(), read.get(i).spec(), "drawn again, the same piece: " + set.get(i).id());
            assertEquals(SpecSampler.fullGeneralMidi().sample(set.get(i).seed(), set.get(i).clipIndex(), 6),
                    read.get(i).spec());
        }
    }

    @Test
    void aWrittenOutPieceIsTheSpecComposedWithTheSeedAndClipIndex() throws Exception {
        EvalPrompt p = readOne(shippedLine());
        PieceSpec spec = p.spec();
        assertEquals(900_000, spec.corpusSeed());
        assertEquals(13, spec.index());
        assertEquals(FrozenPiece.of(spec), p.piece());
        assertEquals(List.of("vi", "IV", "I", "V"), p.piece().progression());
        assertEquals(spec, p.piece().toSpec(p.seed(), p.clipIndex()));
    }

    @Test
    void aPieceThatContradictsTheLabelsIsRefusedInOneLine() throws Exception {
        String line = shippedLine();
        String[][] cases = {
            {"\"tempo_bpm\":85,\"seconds\":8.0,\"lead", "\"tempo_bpm\":86,\"seconds\":8.0,\"lead", "tempo_bpm 85, piece 86"},
            {"\"lead_program\":65", "\"lead_program\":66", "instruments [alto sax"},
            {"\"mood\":\"calm\",\"key\"", "\"mood\":\"happy\",\"key\"", "mood calm, piece happy"},
            {"\"key\":\"G\",\"mode\":\"major\",\"tempo_bpm\":85,\"seconds\"",
                "\"key\":\"A\",\"mode\":\"major\",\"tempo_bpm\":85,\"seconds\"", "key G, piece A"},
            {"\"drum_kit\":-1,\"drum_pattern\":null", "\"drum_kit\":0,\"drum_pattern\":\"ROCK\"", "has_drums false, piece true"},
        };
        for (String[] c : cases) {
            assertTrue(line.contains(c[0]), c[0]);
            EvalPrompt p = readOne(line.replace(c[0], c[1]));
            EvalSetException e = assertThrows(EvalSetException.class, p::spec, c[1]);
            assertTrue(e.getMessage().contains("eval-000 contradicts its own piece") && e.getMessage().contains(c[2]),
                    e.getMessage());
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        }
        EvalSetException e = assertThrows(EvalSetException.class,
                () -> readOne(line.replace("\"drum_pattern\":null", "\"drum_pattern\":\"ROCK\"")).spec());
        assertTrue(e.getMessage().contains("not one") && e.getMessage().contains("drum"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    @Test
    void aPieceWithUnknownOrMissingFieldsIsABadLine() throws Exception {
        String line = shippedLine();
        String[][] cases = {
            {"\"comp\":\"STRUM\"", "\"comp\":\"STRUMMING\"", "comp 'STRUMMING'"},
            {",\"pentatonic\":false}}", "}}", "pentatonic is missing"},
            {"\"progression\":[\"vi\",", "\"progression\":[\"vii9\",", "vii9"},
            {"\"lead_program\":65", "\"lead_program\":128", "lead_program must be 0..127"},
            {"\"style\":\"pop\",\"mood\":\"calm\",\"key\"", "\"style\":\"polka\",\"mood\":\"calm\",\"key\"", "polka"},
        };
        for (String[] c : cases) {
            assertTrue(line.contains(c[0]), c[0]);
            EvalSetException e = assertThrows(EvalSetException.class, () -> readOne(line.replace(c[0], c[1])), c[1]);
            assertTrue(e.getMessage().contains("line 1") && e.getMessage().contains(c[2]), e.getMessage());
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        }
    }
}
