package dev.cantor.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cantor.engine.music.Style;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Corpus v2's played timing, moving dynamics, per-clip mix and caption families (no rendering). */
class PerformanceAndMixTest {

    private final SpecSampler sampler = SpecSampler.fullGeneralMidi();
    private final Composer composer = new Composer();

    @Test
    void notesArePlayedOffTheGridButWithinAFewMilliseconds() {
        int offGrid = 0;
        int total = 0;
        for (int i = 0; i < 40; i++) {
            PieceSpec spec = sampler.sample(31, i, 6);
            Groove groove = new Groove(spec.tempoBpm(), spec.recipe().swing());
            double sixteenth = groove.microsPerBeat() / 4;
            for (NoteEvent n : composer.compose(spec).notes()) {
                if (n.channel() != PieceSpec.DRUM_CHANNEL) {
                    continue;
                }
                double steps = n.onMicros() / sixteenth;
                long nearest = Math.round(steps);
                // swing moves off-beat eighths on purpose; look at beats only
                if (nearest % 4 == 0) {
                    double off = Math.abs(n.onMicros() - groove.micros(nearest / 4.0));
                    assertTrue(off <= 25_000 + 1, "drum hit " + off / 1000 + " ms off the beat in clip " + i);
                    offGrid += off > 0 ? 1 : 0;
                    total++;
                }
            }
        }
        assertTrue(offGrid > total / 2, offGrid + "/" + total + " beat hits are humanised");
    }

    @Test
    void aCrescendoGrowsLouderAndTheShapesVary() {
        Set<Performance.Dynamics> seen = new HashSet<>();
        boolean checked = false;
        for (int i = 0; i < 60; i++) {
            PieceSpec spec = sampler.sample(33, i, 10);
            Performance p = Performance.of(spec);
            seen.add(p.dynamics());
            if (p.dynamics() == Performance.Dynamics.CRESCENDO && !checked) {
                List<NoteEvent> notes = composer.compose(spec).notes();
                long half = Math.round(5e6);
                double early = notes.stream().filter(n -> n.onMicros() < half).mapToInt(NoteEvent::velocity)
                        .average().orElseThrow();
                double late = notes.stream().filter(n -> n.onMicros() >= half).mapToInt(NoteEvent::velocity)
                        .average().orElseThrow();
                assertTrue(late > early + 3, "crescendo: " + early + " -> " + late);
                checked = true;
            }
        }
        assertTrue(checked);
        assertEquals(Set.of(Performance.Dynamics.values()), seen);
    }

    @Test
    void reverbAndChorusVaryPerClipAndOnlyLoFiIsMuffled() {
        Set<Integer> reverbs = new HashSet<>();
        int withChorus = 0;
        for (int i = 0; i < 200; i++) {
            PieceSpec spec = sampler.sample(35, i, 4);
            Mix mix = Mix.of(spec);
            Score score = composer.compose(spec);
            Part lead = score.parts().get(0);
            assertEquals(mix.reverb(), lead.reverb());
            assertEquals(mix.chorus(), lead.chorus());
            assertEquals(spec.style() == Style.LOFI_HIP_HOP, score.lowPassHz() > 0, spec.style().label());
            reverbs.add(mix.reverb());
            withChorus += mix.chorus() > 0 ? 1 : 0;
        }
        assertTrue(reverbs.size() > 40, reverbs.size() + " distinct reverb sends");
        assertTrue(withChorus > 20 && withChorus < 150, withChorus + " clips with chorus");
    }

    @Test
    void captionsComeAsDescriptionsParagraphsTagsAndShorthand() {
        Captioner captioner = new Captioner();
        int paragraphs = 0;
        int tags = 0;
        for (int i = 0; i < 300; i++) {
            String c = captioner.caption(sampler.sample(37, i, 8));
            paragraphs += c.split("\\. ").length >= 2 ? 1 : 0;
            tags += !c.endsWith(".") && c.split(", ").length >= 3 ? 1 : 0;
        }
        assertTrue(paragraphs > 40, paragraphs + " paragraphs");
        assertTrue(tags > 15, tags + " tag lists");
    }
}
