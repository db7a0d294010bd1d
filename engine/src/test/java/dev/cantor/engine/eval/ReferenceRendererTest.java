package dev.cantor.engine.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cantor.engine.audio.AudioClip;
import dev.cantor.engine.data.Composer;
import dev.cantor.engine.data.NoteEvent;
import dev.cantor.engine.data.PieceSpec;
import dev.cantor.engine.data.Soundfont;
import dev.cantor.engine.music.Style;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The shipped second set ({@code resources/eval/prompts-v2.jsonl}): every style of the vocabulary,
 * each line's piece written out and agreeing with its labels, and reference pieces that render for
 * every style, the waltz in 3/4 among them.
 */
class ReferenceRendererTest {

    private static final int RATE = 16_000;

    static Path secondSet() {
        return EvalSetBuilderTest.shippedSet().resolveSibling("prompts-v2.jsonl");
    }

    @Test
    void theShippedSecondSetCoversEveryStyleWithItsPiecesWrittenOut() {
        List<EvalPrompt> set = EvalSet.read(secondSet());
        assertEquals(60, set.size());
        assertEquals(EnumSet.allOf(Style.class), set.stream().map(EvalPrompt::styleLabel)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Style.class))));
        assertEquals(20, set.stream().filter(EvalPrompt::hasMelody).count());
        for (EvalPrompt p : set) {
            assertTrue(p.id().startsWith("v2-") && p.hasPiece() && p.seed() == EvalSetBuilder.NOVEL_SEED, p.id());
            assertEquals(p.tempoBpm(), p.spec().tempoBpm(), p.id());
        }
        Set<String> first = EvalSet.read(EvalSetBuilderTest.shippedSet()).stream().map(EvalPrompt::prompt)
                .collect(Collectors.toSet());
        assertTrue(set.stream().noneMatch(p -> first.contains(p.prompt())), "no prompt is in both sets");
    }

    @Test
    void everyStyleOfTheSecondSetRendersItsReferenceAndAlternate() {
        Map<Style, EvalPrompt> oneEach = new LinkedHashMap<>();
        for (EvalPrompt p : EvalSet.read(secondSet())) {
            oneEach.putIfAbsent(p.styleLabel(), p);
        }
        try (ReferenceRenderer renderer = new ReferenceRenderer(Soundfont.builtIn(), RATE)) {
            for (EvalPrompt p : oneEach.values()) {
                for (AudioClip clip : List.of(renderer.render(p), renderer.renderAlternate(p))) {
                    assertEquals(Math.round(p.seconds() * RATE), clip.length(), 1, p.id() + " " + p.style());
                    double sum = 0;
                    for (float s : clip.samples()) {
                        assertTrue(Float.isFinite(s) && Math.abs(s) <= 1.0f, p.id());
                        sum += s * (double) s;
                    }
                    double dbfs = 10 * Math.log10(sum / clip.length() + 1e-12);
                    assertTrue(dbfs > -40, p.id() + " " + p.style() + " is nearly silent: " + dbfs + " dBFS");
                }
            }
        }
    }

    /**
     * The waltz references are in 3/4: their bass plays on the first of every three beats only
     * (DOWNBEAT), or on every beat with the first of three the loudest (ROOT_BEATS, the waltzes with
     * no drums, whose bass keeps the pulse).
     */
    @Test
    void waltzReferencesAreInThreeFour() {
        List<EvalPrompt> waltzes = EvalSet.read(secondSet()).stream().filter(p -> p.styleLabel() == Style.WALTZ)
                .toList();
        assertTrue(waltzes.size() >= 2, "waltzes in the second set: " + waltzes.size());
        for (EvalPrompt p : waltzes) {
            PieceSpec spec = p.spec();
            double beatMicros = 60e6 / spec.tempoBpm();
            double[] velocity = new double[3];
            int[] count = new int[3];
            boolean offFourFour = false;
            for (NoteEvent n : new Composer().compose(spec).notes()) {
                if (n.channel() != PieceSpec.BASS_CHANNEL) {
                    continue;
                }
                long beat = Math.round(n.onMicros() / beatMicros);
                assertTrue(Math.abs(n.onMicros() - beat * beatMicros) < 0.15 * beatMicros, p.id() + " bass off the beat");
                velocity[(int) (beat % 3)] += n.velocity();
                count[(int) (beat % 3)]++;
                offFourFour |= beat % 3 == 0 && beat % 4 != 0;
            }
            assertTrue(count[0] >= 2 && offFourFour, p.id() + ": bass on the downbeats of 3/4 bars");
            for (int inBar = 1; inBar < 3; inBar++) {
                assertTrue(count[inBar] == 0 || velocity[0] / count[0] > velocity[inBar] / count[inBar],
                        p.id() + ": beat " + (inBar + 1) + " of 3 is as loud as the downbeat");
            }
        }
    }
}
