package dev.cantor.engine.data;

import dev.cantor.engine.music.GmInstruments;
import dev.cantor.engine.music.Key;
import dev.cantor.engine.music.Mode;
import dev.cantor.engine.music.Mood;
import dev.cantor.engine.music.Style;
import dev.cantor.engine.music.Tonality;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Draws the labels and arrangement of clip {@code index} of a corpus from the corpus seed. Only
 * instruments the soundfont actually has are chosen, so the instrument labels are true of the
 * audio. Without drums, bass and accompaniment both play on every beat so the labelled tempo
 * is still clearly audible.
 */
public final class SpecSampler {

    private static final long SALT = 0x5EC5L;

    private final IntPredicate programAvailable;
    private final IntPredicate kitAvailable;

    /**
     * @param programAvailable true for GM programs (0..127) the soundfont can play
     * @param kitAvailable     true for GM drum kits the soundfont can play
     */
    public SpecSampler(IntPredicate programAvailable, IntPredicate kitAvailable) {
        this.programAvailable = programAvailable;
        this.kitAvailable = kitAvailable;
    }

    /** A sampler that assumes a complete General MIDI soundfont. */
    public static SpecSampler fullGeneralMidi() {
        return new SpecSampler(p -> true, k -> true);
    }

    public PieceSpec sample(long corpusSeed, int index, double seconds) {
        ClipRandom rnd = new ClipRandom(ClipRandom.derive(corpusSeed, index, SALT));
        Style style = rnd.pick(List.of(Style.values()));
        StyleRecipe recipe = StyleRecipe.of(style);
        Mood mood = rnd.pick(recipe.moods());
        double pMajor = Math.max(0.08, Math.min(0.92, recipe.majorProbability() + mood.majorBias()));
        Mode mode = rnd.chance(pMajor) ? Mode.MAJOR : Mode.MINOR;
        Tonality tonality = new Tonality(Key.ofPitchClass(rnd.below(12)), mode);

        double position = Math.max(0, Math.min(1, mood.tempoPosition() + 0.25 * rnd.gaussian()));
        int bpm = (int) Math.round(recipe.minBpm() + position * (recipe.maxBpm() - recipe.minBpm()));

        boolean calmMood = mood == Mood.CALM || mood == Mood.DREAMY || mood == Mood.SAD;
        double pDrums = recipe.drumProbability() * (calmMood ? 0.8 : 1.0);
        boolean drums = !recipe.drumPatterns().isEmpty() && rnd.chance(pDrums);
        int kit = -1;
        DrumPattern pattern = null;
        if (drums) {
            pattern = rnd.pick(recipe.drumPatterns());
            kit = pickAvailable(rnd, recipe.drumKits(), kitAvailable, new int[] {0});
            if (kit < 0) {
                pattern = null;
            }
        }

        int lead = pickAvailable(rnd, recipe.leadPrograms(), programAvailable, new int[] {0, 73, 80});
        // Without drums, harmony and bass carry the pulse, so they must have a sharp attack.
        IntPredicate pulseOk = kit >= 0 ? programAvailable
                : p -> programAvailable.test(p) && GmInstruments.hasSharpAttack(p);
        int harmony = pickAvailable(rnd, recipe.harmonyPrograms(), pulseOk, new int[] {0, 46, 24, 48});
        int bass = pickAvailable(rnd, recipe.bassPrograms(), pulseOk, new int[] {32, 33, 38, 0});
        int pad = -1;
        if (recipe.padPrograms().length > 0 && rnd.chance(recipe.padProbability())) {
            pad = pickAvailable(rnd, recipe.padPrograms(), programAvailable, new int[0]);
        }
        if (lead < 0 || harmony < 0 || bass < 0) {
            throw new SoundfontException("the soundfont lacks the basic General MIDI instruments (piano, bass)");
        }

        CompStyle comp = rnd.pick(kit >= 0 ? recipe.comps() : onBeats(recipe.comps(), CompStyle::marksBeats,
                CompStyle.ARPEGGIO));
        BassStyle bassStyle = rnd.pick(kit >= 0 ? recipe.basses() : onBeats(recipe.basses(), BassStyle::marksBeats,
                BassStyle.ROOT_BEATS));
        List<ChordSymbol> progression = rnd.pick(recipe.progressions(mode));
        int beatsPerChord = rnd.pick(recipe.chordBeats());
        boolean pentatonic = rnd.chance(recipe.pentatonicProbability());

        return new PieceSpec(corpusSeed, index, style, mood, tonality, bpm, seconds, lead, harmony, bass, pad,
                kit, pattern, comp, bassStyle, progression, beatsPerChord, pentatonic);
    }

    /** A random available choice from {@code preferred}, else the first available fallback, else -1. */
    private static int pickAvailable(ClipRandom rnd, int[] preferred, IntPredicate available, int[] fallback) {
        List<Integer> ok = new ArrayList<>();
        for (int p : preferred) {
            if (available.test(p)) {
                ok.add(p);
            }
        }
        if (!ok.isEmpty()) {
            return rnd.pick(ok);
        }
        for (int p : fallback) {
            if (available.test(p)) {
                return p;
            }
        }
        return -1;
    }

    private static <T> List<T> onBeats(List<T> options, java.util.function.Predicate<T> marksBeats, T fallback) {
        List<T> ok = options.stream().filter(marksBeats).toList();
        return ok.isEmpty() ? List.of(fallback) : ok;
    }
}
