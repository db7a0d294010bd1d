package dev.cantor.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cantor.engine.audio.AudioClip;
import dev.cantor.engine.dsp.TempoEstimator;
import dev.cantor.engine.music.MelodyNote;
import dev.cantor.engine.music.Style;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The labels must be true of the rendered audio: the tempo is what a tempo estimator hears
 * (within 4 %, no octave allowance), the melody is in the labelled key, and the audio is
 * audible, unclipped and exactly as long as labelled.
 */
class LabelTruthTest {

    private static final long SEED = 2026;
    private static final double SECONDS = 8;
    private static final int RATE = 32_000;

    private static Soundfont builtIn;
    private static SpecSampler sampler;
    private static GervillRenderer renderer;

    @BeforeAll
    static void open() {
        builtIn = Soundfont.builtIn();
        sampler = new SpecSampler(builtIn::hasProgram, builtIn::hasDrumKit);
        renderer = new GervillRenderer(builtIn, RATE);
    }

    @AfterAll
    static void close() {
        renderer.close();
    }

    /** A handful of clips chosen to span tempo, style and drums / no drums. */
    private static List<PieceSpec> chosenClips() {
        List<Predicate<PieceSpec>> wanted = List.of(
                s -> !s.hasDrums() && s.tempoBpm() >= 66 && s.tempoBpm() <= 76,
                s -> s.hasDrums() && s.tempoBpm() >= 96 && s.tempoBpm() <= 104,
                s -> s.hasDrums() && s.tempoBpm() >= 136 && s.tempoBpm() <= 150,
                s -> !s.hasDrums() && s.tempoBpm() >= 115,
                s -> s.hasDrums() && s.recipe().swing() > 0 && s.tempoBpm() >= 120,
                s -> s.style() == Style.CLASSICAL && s.tempoBpm() <= 100);
        List<PieceSpec> chosen = new ArrayList<>();
        Set<Style> used = EnumSet.noneOf(Style.class);
        for (Predicate<PieceSpec> want : wanted) {
            PieceSpec pick = null;
            for (int i = 0; i < 5000 && pick == null; i++) { // prefer a style not chosen yet
                PieceSpec s = sampler.sample(SEED, i, SECONDS);
                if (want.test(s) && !used.contains(s.style())) {
                    pick = s;
                }
            }
            for (int i = 0; i < 5000 && pick == null; i++) {
                PieceSpec s = sampler.sample(SEED, i, SECONDS);
                if (want.test(s)) {
                    pick = s;
                }
            }
            assertTrue(pick != null, "no clip fits one of the wanted kinds");
            chosen.add(pick);
            used.add(pick.style());
        }
        return chosen;
    }

    @Test
    void chosenClipsHaveTheLabelledTempoKeyLengthAndLevel() {
        TempoEstimator estimator = new TempoEstimator();
        for (PieceSpec spec : chosenClips()) {
            Score score = new Composer().compose(spec);
            AudioClip audio = renderer.render(score);
            String what = spec.style().label() + " " + spec.mood().label() + " " + spec.tempoBpm() + " BPM"
                    + (spec.hasDrums() ? " with drums" : " without drums");

            double bpm = estimator.estimateBpm(audio);
            System.out.printf("tempo check: %-40s estimated %.1f BPM%n", what, bpm);
            assertEquals(spec.tempoBpm(), bpm, 0.04 * spec.tempoBpm(), what);

            for (MelodyNote note : score.melody()) {
                assertTrue(spec.tonality().contains(note.midiPitch()),
                        what + ": melody pitch " + note.midiPitch() + " is not in " + spec.tonality().label());
            }
            assertEquals((int) (SECONDS * RATE), audio.length(), what);
            assertTrue(rms(audio.samples()) > 0.02, what + " is (nearly) silent: rms " + rms(audio.samples()));
            assertTrue(clippedFraction(audio.samples()) < 0.001, what + " clips");
            assertTrue(rms(java.util.Arrays.copyOfRange(audio.samples(), 0, RATE / 2)) > 0.005,
                    what + " starts with silence");
            assertTrue(rms(java.util.Arrays.copyOfRange(audio.samples(), audio.length() - RATE, audio.length())) > 0.005,
                    what + " ends in silence");
        }
    }

    @Test
    void tempoLabelsOfRandomClipsAreAudible() {
        TempoEstimator estimator = new TempoEstimator();
        int clips = 40;
        int right = 0;
        List<String> misses = new ArrayList<>();
        for (int i = 0; i < clips; i++) {
            PieceSpec spec = sampler.sample(SEED + 1, i, SECONDS);
            double bpm = estimator.estimateBpm(renderer.render(new Composer().compose(spec)));
            if (Math.abs(bpm / spec.tempoBpm() - 1) <= 0.04) {
                right++;
            } else {
                misses.add(spec.style().label() + " " + spec.tempoBpm() + " -> " + Math.round(bpm));
            }
        }
        System.out.println("tempo check: " + right + "/" + clips + " random clips within 4% " + misses);
        assertTrue(right >= clips - 2, right + "/" + clips + " within 4%; misses " + misses);
    }

    private static double rms(float[] x) {
        double s = 0;
        for (float v : x) {
            s += (double) v * v;
        }
        return Math.sqrt(s / x.length);
    }

    private static double clippedFraction(float[] x) {
        int n = 0;
        for (float v : x) {
            if (Math.abs(v) >= 0.999f) {
                n++;
            }
        }
        return n / (double) x.length;
    }
}
