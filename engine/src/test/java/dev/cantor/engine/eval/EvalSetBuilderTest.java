package dev.cantor.engine.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cantor.engine.conditioning.PromptAttributes;
import dev.cantor.engine.data.PieceSpec;
import dev.cantor.engine.data.SpecSampler;
import dev.cantor.engine.music.Style;
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
        List<EvalPrompt> read = EvalSet.read(file);
        assertEquals(a, read);
        assertEquals(21, Files.readAllLines(file).size());
        SpecSampler sampler = SpecSampler.fullGeneralMidi();
        for (EvalPrompt p : read) {
            assertTrue(p.hasPiece(), "make-eval-set writes every prompt's piece: " + p.id());
            assertEquals(sampler.sample(p.seed(), p.clipIndex(), p.seconds()), p.spec(),
                    "the written piece reads back as the piece drawn: " + p.id());
        }
        assertTrue(Files.readAllLines(file).stream().allMatch(l -> l.contains(",\"piece\":{\"style\":")));
    }

    @Test
    void aSetWithoutPiecesThatNoLongerMatchesTheComposerIsRefused() throws Exception {
        Path file = dir.resolve("tampered.jsonl");
        EvalSet.write(file, EvalSetBuilder.build(900_123, 21, 0, 6).stream().map(EvalPrompt::withoutPiece).toList());
        String text = Files.readString(file);
        int at = text.indexOf("\"tempo_bpm\":") + "\"tempo_bpm\":".length();
        int end = text.indexOf(',', at);
        int bpm = Integer.parseInt(text.substring(at, end));
        Files.writeString(file, text.substring(0, at) + (bpm + 1) + text.substring(end));
        EvalPrompt changed = EvalSet.read(file).get(0);
        EvalSetException e = assertThrows(EvalSetException.class, changed::spec);
        assertTrue(e.getMessage().contains("make-eval-set") && e.getMessage().contains("tempo_bpm " + (bpm + 1)),
                e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
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

    /** The shipped first set, found from the module's folder upwards. */
    static Path shippedSet() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path f = d.resolve("resources/eval/prompts.jsonl");
            if (Files.isRegularFile(f)) {
                return f;
            }
        }
        throw new IllegalStateException("resources/eval/prompts.jsonl not found above " + Path.of("").toAbsolutePath());
    }

    /**
     * The shipped set is a frozen artifact: corpus v1's composer drew it (commit b20703e), and since
     * corpus v2 the sampler draws other pieces from its seeds, so its pieces are written out. Its
     * prompts, labels and melodies are byte for byte those of the set as first shipped (SHA-256 of the
     * file without the pieces), and each written-out piece has its prompt's labels.
     */
    @Test
    void theShippedSetKeepsItsFirstTextAndItsPiecesAgreeWithItsLabels() throws Exception {
        List<EvalPrompt> shipped = EvalSet.read(shippedSet());
        assertEquals(60, shipped.size());
        Path written = dir.resolve("again.jsonl");
        EvalSet.write(written, shipped);
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(shippedSet()), Files.readAllBytes(written)),
                "the shipped set reads and writes back byte for byte");
        Path withoutPieces = dir.resolve("without-pieces.jsonl");
        EvalSet.write(withoutPieces, shipped.stream().map(EvalPrompt::withoutPiece).toList());
        assertEquals("5447d5bb831f72683a1c5696ac3b15a9bd8bc8c14052b8b47ee7668785af910b",
                java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(Files.readAllBytes(withoutPieces))),
                "prompts, labels and melodies are those of the set as first shipped");
        for (int i = 0; i < shipped.size(); i++) {
            EvalPrompt p = shipped.get(i);
            assertEquals(String.format(java.util.Locale.ROOT, "eval-%03d", i), p.id());
            assertTrue(p.hasPiece(), p.id());
            PieceSpec spec = p.spec();      // throws when the piece contradicts a label
            assertEquals(p.style(), spec.style().label(), p.id());
            assertEquals(p.mood(), spec.mood().label(), p.id());
            assertEquals(p.instruments(), spec.instrumentNames(), p.id());
            assertEquals(p.tempoBpm(), spec.tempoBpm(), p.id());
            assertEquals(p.tonality(), spec.tonality(), p.id());
            assertEquals(p.hasDrums(), spec.hasDrums(), p.id());
            assertEquals(p.seed(), spec.corpusSeed(), p.id());
            assertEquals(p.clipIndex(), spec.index(), p.id());
        }
        assertEquals(12, shipped.stream().map(EvalPrompt::style).distinct().count(), "corpus v1's twelve styles");
    }

    @Test
    void theSecondSetGivesStylesAndInstrumentsTheFirstLacksMoreRoom() {
        List<EvalPrompt> first = EvalSet.read(shippedSet());
        // as if the first set had never heard of jazz and blues
        List<EvalPrompt> older = first.stream().filter(p -> p.styleLabel() != Style.JAZZ
                && p.styleLabel() != Style.BLUES).toList();
        int count = Style.values().length * 2;
        List<EvalPrompt> second = EvalSetBuilder.buildNovel(EvalSetBuilder.NOVEL_SEED, count, 4, 8, older);
        assertEquals(count, second.size());
        long jazz = second.stream().filter(p -> p.styleLabel() == Style.JAZZ).count();
        long pop = second.stream().filter(p -> p.styleLabel() == Style.POP).count();
        assertTrue(jazz > pop, "a style the older set lacks gets more prompts: jazz " + jazz + ", pop " + pop);
        assertEquals(EnumSet.allOf(Style.class), second.stream().map(EvalPrompt::styleLabel)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Style.class))), "every style of the vocabulary");

        Set<String> known = first.stream().flatMap(p -> p.instruments().stream()).collect(Collectors.toSet());
        List<EvalPrompt> balanced = EvalSetBuilder.build(EvalSetBuilder.NOVEL_SEED, count, 4, 8);
        List<EvalPrompt> novel = EvalSetBuilder.buildNovel(EvalSetBuilder.NOVEL_SEED, count, 4, 8, first);
        assertTrue(unknownInstruments(novel, known) > unknownInstruments(balanced, known),
                "pieces with instruments the first set never names are taken first: " + unknownInstruments(novel, known)
                + " vs " + unknownInstruments(balanced, known));
        for (EvalPrompt p : novel) {
            assertTrue(p.id().startsWith("v2-"), p.id());
            PromptAttributes a = PromptAttributes.parse(p.prompt());
            assertEquals(p.tempoBpm(), a.tempoBpm(), 1e-9, p.prompt());
            assertEquals(p.tonality().mode(), a.mode(), p.prompt());
            assertEquals(p.tempoBpm(), p.spec().tempoBpm(), "the reference piece can be drawn again");
        }
    }

    @Test
    void everyStyleTheShippedSetLacksIsInTheSecondSet() {
        List<EvalPrompt> first = EvalSet.read(shippedSet());
        Set<String> firstStyles = first.stream().map(EvalPrompt::style).collect(Collectors.toSet());
        List<EvalPrompt> second = EvalSetBuilder.buildNovel(EvalSetBuilder.NOVEL_SEED, 60, 20, 8, first);
        Set<String> secondStyles = second.stream().map(EvalPrompt::style).collect(Collectors.toSet());
        for (Style s : Style.values()) {
            assertTrue(secondStyles.contains(s.label()), s.label());
            if (!firstStyles.contains(s.label())) {
                // styles added to the corpus since the first set was drawn (issue 21: corpus v2)
                assertTrue(second.stream().filter(p -> p.styleLabel() == s).count() >= 60 / (2 * Style.values().length),
                        s.label() + " gets a double share");
            }
        }
        assertTrue(java.util.Collections.disjoint(first.stream().map(EvalPrompt::prompt).toList(),
                second.stream().map(EvalPrompt::prompt).toList()), "no prompt is in both sets");
    }

    @Test
    void quotasGiveEveryStyleOneAndShareTheRestByWeight() {
        java.util.Map<Style, Integer> weights = new java.util.EnumMap<>(Style.class);
        for (Style s : Style.values()) {
            weights.put(s, s == Style.FUNK ? 2 : 1);
        }
        java.util.Map<Style, Integer> q = EvalSetBuilder.quotas(weights, Style.values().length + 13);
        assertEquals(Style.values().length + 13, q.values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(3, q.get(Style.FUNK));
        assertTrue(q.values().stream().allMatch(n -> n >= 1 && n <= 3), q.toString());
    }

    private static long unknownInstruments(List<EvalPrompt> set, Set<String> known) {
        return set.stream().flatMap(p -> p.instruments().stream()).filter(i -> !known.contains(i)).count();
    }
}
