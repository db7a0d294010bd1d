package dev.cantor.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cantor.engine.music.GmInstruments;
import dev.cantor.engine.music.Key;
import dev.cantor.engine.music.MelodyNote;
import dev.cantor.engine.music.Mode;
import dev.cantor.engine.music.Mood;
import dev.cantor.engine.music.Style;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Checks what the composer writes, without rendering (fast, so it covers many clips). */
class ComposerTest {

    private static final int CLIPS = 400;
    private static final double SECONDS = 10;

    private final SpecSampler sampler = SpecSampler.fullGeneralMidi();
    private final Composer composer = new Composer();

    @Test
    void everyPitchedNoteIsInTheLabelledKey() {
        for (int i = 0; i < CLIPS; i++) {
            PieceSpec spec = sampler.sample(3, i, SECONDS);
            Score score = composer.compose(spec);
            for (NoteEvent n : score.notes()) {
                if (n.channel() != PieceSpec.DRUM_CHANNEL) {
                    assertTrue(spec.tonality().contains(n.pitch()), "clip " + i + " (" + spec.style() + ", "
                            + spec.tonality().label() + ") plays " + n.pitch() + " on channel " + n.channel());
                }
            }
            for (MelodyNote m : score.melody()) {
                assertTrue(spec.tonality().contains(m.midiPitch()), "melody note " + m + " of clip " + i);
            }
        }
    }

    @Test
    void melodyIsMonophonicAndExactlyTheLeadChannelNotes() {
        for (int i = 0; i < CLIPS; i++) {
            Score score = composer.compose(sampler.sample(5, i, SECONDS));
            List<NoteEvent> lead = score.notes().stream().filter(n -> n.channel() == PieceSpec.LEAD_CHANNEL).toList();
            assertEquals(lead.size(), score.melody().size(), "clip " + i);
            assertFalse(score.melody().isEmpty(), "clip " + i + " has no melody");
            for (int k = 0; k < lead.size(); k++) {
                NoteEvent e = lead.get(k);
                MelodyNote m = score.melody().get(k);
                assertEquals(e.onMicros() / 1e6, m.onsetSeconds(), 1e-9);
                assertEquals((e.offMicros() - e.onMicros()) / 1e6, m.durationSeconds(), 1e-9);
                assertEquals(e.pitch(), m.midiPitch());
                if (k > 0) {
                    assertTrue(score.melody().get(k - 1).endSeconds() <= m.onsetSeconds() + 1e-9,
                            "overlapping melody notes in clip " + i + " at " + m.onsetSeconds());
                }
            }
        }
    }

    @Test
    void musicStartsAtZeroAndFillsTheClip() {
        for (int i = 0; i < CLIPS; i++) {
            PieceSpec spec = sampler.sample(7, i, SECONDS);
            Score score = composer.compose(spec);
            long length = Math.round(SECONDS * 1e6);
            assertEquals(length, score.lengthMicros());
            assertEquals(0, score.notes().get(0).onMicros(), "clip " + i + " starts late");
            long beat = Math.round(60e6 / spec.tempoBpm());
            long lastOnset = score.notes().get(score.notes().size() - 1).onMicros();
            assertTrue(lastOnset >= length - beat, "clip " + i + " goes quiet before its end");
            long maxGap = 0;
            for (int k = 1; k < score.notes().size(); k++) {
                maxGap = Math.max(maxGap, score.notes().get(k).onMicros() - score.notes().get(k - 1).onMicros());
            }
            assertTrue(maxGap <= 2 * beat, "clip " + i + " has a " + maxGap / 1e6 + " s hole");
            score.notes().forEach(n -> assertTrue(n.offMicros() <= length));
        }
    }

    @Test
    void withoutDrumsEveryBeatIsPlayedBySharpAttackHarmonyAndBass() {
        int withoutDrums = 0;
        for (int i = 0; i < CLIPS; i++) {
            PieceSpec spec = sampler.sample(11, i, SECONDS);
            if (spec.hasDrums()) {
                continue;
            }
            withoutDrums++;
            assertTrue(spec.comp().marksBeats() && spec.bass().marksBeats(), "clip " + i);
            assertTrue(GmInstruments.hasSharpAttack(spec.harmonyProgram()), "clip " + i);
            Score score = composer.compose(spec);
            List<Long> onsets = score.notes().stream().filter(n -> n.channel() == PieceSpec.BASS_CHANNEL)
                    .map(NoteEvent::onMicros).toList();
            Groove groove = new Groove(spec.tempoBpm(), spec.recipe().swing());
            for (int b = 0; groove.micros(b) < score.lengthMicros(); b++) {
                long beat = groove.micros(b);
                // played, not quantised: within the performance's timing offsets (at most ~25 ms)
                assertTrue(onsets.stream().anyMatch(on -> Math.abs(on - beat) <= 25_000),
                        "clip " + i + ": no bass on beat " + b);
            }
        }
        assertTrue(withoutDrums > 20, "too few clips without drums: " + withoutDrums);
    }

    @Test
    void labelsCoverStylesMoodsKeysModesAndTempos() {
        Set<Style> styles = EnumSet.noneOf(Style.class);
        Set<Mood> moods = EnumSet.noneOf(Mood.class);
        Set<Key> keys = EnumSet.noneOf(Key.class);
        Set<Mode> modes = EnumSet.noneOf(Mode.class);
        int min = 999;
        int max = 0;
        for (int i = 0; i < CLIPS; i++) {
            PieceSpec spec = sampler.sample(13, i, SECONDS);
            styles.add(spec.style());
            moods.add(spec.mood());
            keys.add(spec.tonality().key());
            modes.add(spec.tonality().mode());
            min = Math.min(min, spec.tempoBpm());
            max = Math.max(max, spec.tempoBpm());
            assertTrue(spec.tempoBpm() >= spec.recipe().minBpm() && spec.tempoBpm() <= spec.recipe().maxBpm());
            assertTrue(spec.recipe().moods().contains(spec.mood()));
        }
        assertEquals(Style.values().length, styles.size());
        assertEquals(Mood.values().length, moods.size());
        assertEquals(12, keys.size());
        assertEquals(2, modes.size());
        assertTrue(min <= 65 && max >= 170, "tempo range " + min + ".." + max);
    }

    @Test
    void moodShapesDynamicsAndRegister() {
        double energetic = meanLeadVelocity(Mood.ENERGETIC);
        double calm = meanLeadVelocity(Mood.CALM);
        assertTrue(energetic > calm + 25, "energetic " + energetic + " vs calm " + calm);
    }

    private double meanLeadVelocity(Mood mood) {
        double sum = 0;
        int n = 0;
        for (int i = 0; n < 200 && i < 5000; i++) {
            PieceSpec spec = sampler.sample(17, i, 6);
            if (spec.mood() != mood) {
                continue;
            }
            for (NoteEvent e : composer.compose(spec).notes()) {
                if (e.channel() == PieceSpec.LEAD_CHANNEL) {
                    sum += e.velocity();
                    n++;
                }
            }
        }
        return sum / n;
    }

    @Test
    void theSameClipIsComposedWhateverElseWasComposed() {
        PieceSpec a = sampler.sample(21, 4, SECONDS);
        Score first = composer.compose(a);
        for (int i = 0; i < 10; i++) {
            composer.compose(sampler.sample(21, i, SECONDS));
        }
        assertEquals(first, composer.compose(sampler.sample(21, 4, SECONDS)));
        assertEquals(a, sampler.sample(21, 4, 10));
        assertFalse(a.equals(sampler.sample(22, 4, 10)) && first.equals(composer.compose(sampler.sample(22, 4, 10))));
    }
}
