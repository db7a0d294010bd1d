package dev.cantor.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cantor.engine.audio.AudioClip;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GervillRendererTest {

    private static Soundfont builtIn;
    private static GervillRenderer renderer;

    @BeforeAll
    static void open() {
        builtIn = Soundfont.builtIn();
        renderer = new GervillRenderer(builtIn, 32_000);
    }

    @AfterAll
    static void close() {
        renderer.close();
    }

    private static Score compose(long seed, int index, double seconds) {
        SpecSampler sampler = new SpecSampler(builtIn::hasProgram, builtIn::hasDrumKit);
        return new Composer().compose(sampler.sample(seed, index, seconds));
    }

    @Test
    void aClipRendersTheSameWhateverWasRenderedBefore() {
        Score a = compose(1, 0, 3);
        float[] first = renderer.render(a).samples();
        renderer.render(compose(1, 1, 3));
        renderer.render(compose(1, 2, 5));
        float[] again = renderer.render(a).samples();
        assertArrayEquals(first, again);
        try (GervillRenderer fresh = new GervillRenderer(builtIn, 32_000)) {
            assertArrayEquals(first, fresh.render(a).samples());
        }
    }

    @Test
    void noteSoundsExactlyWhenTheScoreSaysAndNotBefore() {
        Part piano = new Part(PartRole.LEAD, 0, 0, 110, 0);
        Score score = new Score(List.of(piano), List.of(new NoteEvent(0, 60, 100, 1_000_000, 1_500_000)),
                List.of(), 2_000_000);
        float[] x = renderer.render(score).samples();
        float before = 0;
        for (int i = 0; i < 31_840; i++) { // up to 0.995 s
            before = Math.max(before, Math.abs(x[i]));
        }
        float after = 0;
        for (int i = 32_000; i < 32_000 + 1_600; i++) { // 1.000 to 1.050 s
            after = Math.max(after, Math.abs(x[i]));
        }
        assertEquals(0, before, 1e-6, "sound before the note-on");
        assertTrue(after > 0.01, "no sound in the first 50 ms of the note: " + after);
    }

    @Test
    void lengthIsExactAtAnyRate() {
        try (GervillRenderer r = new GervillRenderer(builtIn, 22_050)) {
            AudioClip clip = r.render(compose(4, 3, 1.5));
            assertEquals(33_075, clip.length());
            assertEquals(22_050, clip.sampleRate());
        }
        assertEquals(64_000, renderer.render(compose(4, 3, 2)).length());
    }
}
