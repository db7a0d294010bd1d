package dev.cantor.engine.data;

import static dev.cantor.engine.data.Mood.CALM;
import static dev.cantor.engine.data.Mood.DARK;
import static dev.cantor.engine.data.Mood.DREAMY;
import static dev.cantor.engine.data.Mood.ENERGETIC;
import static dev.cantor.engine.data.Mood.HAPPY;
import static dev.cantor.engine.data.Mood.PLAYFUL;
import static dev.cantor.engine.data.Mood.SAD;
import static dev.cantor.engine.data.Mood.TENSE;

import java.util.List;

/**
 * A musical style and everything the composer needs to play it: tempo range, how likely major
 * mode and drums are, its grooves, General MIDI palettes per role, typical chord progressions
 * (Roman numerals, diatonic; see {@link ChordSymbol}), accompaniment patterns, swing, melody
 * density and the moods it is usually heard in.
 */
public enum Style {
    POP(new Traits("pop").tempo(85, 128).major(0.65).drums(0.92, DrumPattern.POP, DrumPattern.ROCK, DrumPattern.DISCO)
            .kits(0, 8).lead(0, 4, 80, 81, 73, 65, 27, 11).harmony(0, 4, 25, 27, 48).bass(33, 34, 38).pad(0.35, 89, 48, 50)
            .majorChords("I V vi IV", "vi IV I V", "I vi IV V", "I IV vi V", "IV I V vi")
            .minorChords("i VI III VII", "i iv VI V", "i VII VI VII", "VI VII i i")
            .comps(CompStyle.BLOCK_BEATS, CompStyle.STRUM, CompStyle.ARPEGGIO)
            .basses(BassStyle.ROOT_EIGHTHS, BassStyle.ROOT_BEATS).melody(1.0, 0.3)
            .moods(HAPPY, ENERGETIC, SAD, DREAMY, PLAYFUL, CALM)),
    ROCK(new Traits("rock").tempo(100, 160).major(0.6).drums(0.97, DrumPattern.ROCK, DrumPattern.POP)
            .kits(0, 16).lead(29, 30, 27, 18, 81).harmony(29, 30, 25, 18).bass(33, 34).pad(0.1, 48)
            .majorChords("I IV V IV", "I V IV IV", "I IV I V", "vi IV I V", "I iii IV V")
            .minorChords("i VI VII i", "i iv VII III", "i VII VI VII", "i iv v iv")
            .comps(CompStyle.POWER_EIGHTHS, CompStyle.STRUM, CompStyle.BLOCK_BEATS)
            .basses(BassStyle.ROOT_EIGHTHS).melody(1.0, 0.6)
            .moods(ENERGETIC, DARK, TENSE, HAPPY, SAD)),
    JAZZ(new Traits("jazz").tempo(80, 180).major(0.65).drums(0.85, DrumPattern.SWING)
            .kits(32, 40, 0).lead(66, 65, 56, 59, 26, 0, 11, 71).harmony(0, 4, 26).bass(32).pad(0)
            .majorChords("ii7 V7 I7 I7", "I7 vi7 ii7 V7", "iii7 vi7 ii7 V7", "I7 IV7 iii7 vi7")
            .minorChords("ii7 V7 i7 i7", "i7 iv7 V7 i7", "i7 VI7 ii7 V7")
            .chordBeats(4, 2).comps(CompStyle.BLOCK_BEATS, CompStyle.CHARLESTON)
            .basses(BassStyle.WALKING).swing(1 / 6.0).melody(1.4, 0.15)
            .moods(CALM, HAPPY, SAD, PLAYFUL, DREAMY, ENERGETIC)),
    CLASSICAL(new Traits("classical").tempo(60, 140).major(0.55).drums(0)
            .lead(40, 73, 68, 71, 0, 60, 42).harmony(0, 46).bass(42, 43, 45).pad(0.3, 48, 49)
            .majorChords("I IV V I", "I vi IV V", "I ii V I", "I V vi iii IV I IV V")
            .minorChords("i iv V i", "i VI iv V", "i iv VII III VI iv V i")
            .chordBeats(4, 2).comps(CompStyle.ALBERTI, CompStyle.ARPEGGIO, CompStyle.BLOCK_BEATS)
            .basses(BassStyle.ROOT_BEATS).melody(1.1, 0)
            .moods(CALM, SAD, HAPPY, DREAMY, TENSE, PLAYFUL, DARK)),
    ELECTRONIC(new Traits("electronic").tempo(110, 140).major(0.45).drums(0.95, DrumPattern.DISCO, DrumPattern.ELECTRO)
            .kits(24, 25, 0).lead(80, 81, 84, 87, 85, 98).harmony(90, 50, 81, 62).bass(38, 39, 87)
            .pad(0.6, 88, 89, 90, 94, 95)
            .majorChords("I V vi IV", "vi IV I V", "I IV vi V", "IV V vi vi")
            .minorChords("i VI III VII", "i VII VI VII", "i iv VI VII", "i i VI VII")
            .chordBeats(4, 8).comps(CompStyle.ARPEGGIO, CompStyle.BLOCK_BEATS, CompStyle.SUSTAIN)
            .basses(BassStyle.OCTAVES, BassStyle.ROOT_EIGHTHS).melody(1.1, 0.3)
            .moods(ENERGETIC, DARK, DREAMY, HAPPY, TENSE)),
    AMBIENT(new Traits("ambient").tempo(60, 96).major(0.5).drums(0.25, DrumPattern.SOFT_PULSE)
            .kits(0, 24).lead(88, 94, 73, 75, 11, 8, 10, 0, 92).harmony(46, 0, 8, 11, 108).bass(35, 38, 32)
            .pad(0.9, 89, 91, 92, 94, 95, 88, 52)
            .majorChords("I IV I IV", "I iii IV I", "IV I V vi", "I V IV IV")
            .minorChords("i VI i VI", "i iv VI v", "i VII VI VI")
            .chordBeats(8, 4).comps(CompStyle.ARPEGGIO).basses(BassStyle.ROOT_BEATS, BassStyle.ROOT_HELD)
            .melody(0.5, 0.4).moods(CALM, DREAMY, SAD, DARK)),
    HIP_HOP(new Traits("hip-hop").tempo(70, 100).major(0.3).drums(1.0, DrumPattern.BOOM_BAP)
            .kits(0, 25).lead(4, 0, 11, 80, 73, 61, 48).harmony(4, 0, 89, 48).bass(38, 33, 39).pad(0.3, 89, 88)
            .majorChords("I vi IV V", "IV iii ii I", "I IV I IV")
            .minorChords("i VI i VI", "i iv i iv", "i VI III VII", "i VII VI V")
            .chordBeats(4, 8).comps(CompStyle.BLOCK_BEATS, CompStyle.SUSTAIN, CompStyle.ARPEGGIO)
            .basses(BassStyle.SYNCOPATED, BassStyle.ROOT_BEATS).melody(0.9, 0.5)
            .moods(DARK, CALM, SAD, ENERGETIC, DREAMY, TENSE)),
    FOLK(new Traits("folk").tempo(80, 140).major(0.7).drums(0.5, DrumPattern.FOLK)
            .kits(0).lead(73, 110, 22, 21, 24, 25, 105, 74, 71).harmony(25, 24, 105, 46, 21).bass(32).pad(0.1, 48)
            .majorChords("I IV I V", "I V vi IV", "I IV V I", "vi IV I V")
            .minorChords("i VII VI VII", "i iv i V", "i III VII i")
            .comps(CompStyle.STRUM, CompStyle.ARPEGGIO, CompStyle.BOOM_CHICK)
            .basses(BassStyle.ROOT_FIFTH, BassStyle.ROOT_BEATS).melody(1.0, 0.5)
            .moods(HAPPY, SAD, CALM, PLAYFUL, DREAMY)),
    BLUES(new Traits("blues").tempo(60, 130).major(0.5).drums(0.9, DrumPattern.SHUFFLE)
            .kits(0).lead(22, 27, 29, 65, 66, 0, 26).harmony(0, 3, 16, 27, 26).bass(32, 33).pad(0)
            .majorChords("I I I I IV IV I I V IV I V", "I IV I V")
            .minorChords("i7 i7 i7 i7 iv7 iv7 i7 i7 V7 iv7 i7 V7", "i7 iv7 i7 V7")
            .comps(CompStyle.BLOCK_BEATS, CompStyle.BOOM_CHICK)
            .basses(BassStyle.WALKING, BassStyle.ROOT_BEATS).swing(1 / 6.0).melody(1.0, 0.7)
            .moods(SAD, CALM, DARK, HAPPY, PLAYFUL)),
    LATIN(new Traits("latin").tempo(90, 130).major(0.5).drums(0.9, DrumPattern.BOSSA, DrumPattern.LATIN_POP)
            .kits(0).lead(56, 73, 24, 65, 11, 0, 21).harmony(24, 0, 26, 114).bass(32, 33).pad(0.2, 48)
            .majorChords("ii7 V7 I7 I7", "I7 vi7 ii7 V7", "I IV V IV")
            .minorChords("i iv V i", "i VII VI V", "i7 iv7 V7 i7")
            .comps(CompStyle.BLOCK_BEATS, CompStyle.ARPEGGIO, CompStyle.STRUM)
            .basses(BassStyle.ROOT_FIFTH, BassStyle.ROOT_BEATS).melody(1.1, 0.2)
            .moods(HAPPY, PLAYFUL, CALM, ENERGETIC, SAD)),
    FUNK(new Traits("funk").tempo(95, 120).major(0.4).drums(1.0, DrumPattern.FUNK)
            .kits(0).lead(27, 62, 61, 66, 7, 80).harmony(7, 28, 4, 16).bass(36, 33, 38).pad(0.1, 62)
            .majorChords("I7 IV7 I7 IV7", "I7 I7 IV7 V7", "ii7 V7 ii7 V7")
            .minorChords("i7 iv7 i7 iv7", "i7 i7 VII7 VI7", "i7 iv7 v7 i7")
            .chordBeats(4, 8).comps(CompStyle.BLOCK_BEATS, CompStyle.STRUM, CompStyle.POWER_EIGHTHS)
            .basses(BassStyle.SYNCOPATED, BassStyle.OCTAVES).melody(1.2, 0.6)
            .moods(ENERGETIC, PLAYFUL, HAPPY, TENSE)),
    COUNTRY(new Traits("country").tempo(90, 160).major(0.85).drums(0.85, DrumPattern.TRAIN, DrumPattern.ROCK)
            .kits(0, 40).lead(110, 25, 105, 22, 27).harmony(25, 105, 0, 24).bass(32, 33).pad(0.1, 48)
            .majorChords("I IV V I", "I I IV IV V V I I", "I V IV I", "I IV I V")
            .minorChords("i iv V i", "i VII VI V")
            .comps(CompStyle.BOOM_CHICK, CompStyle.STRUM)
            .basses(BassStyle.ROOT_FIFTH, BassStyle.ROOT_BEATS).melody(1.1, 0.6)
            .moods(HAPPY, SAD, PLAYFUL, CALM, ENERGETIC));

    private final Traits t;

    Style(Traits traits) {
        this.t = traits;
    }

    /** Lower-case name used in labels, e.g. "hip-hop". */
    public String label() {
        return t.label;
    }

    public int minBpm() {
        return t.minBpm;
    }

    public int maxBpm() {
        return t.maxBpm;
    }

    /** Probability of major mode before the mood's bias. */
    public double majorProbability() {
        return t.major;
    }

    /** Probability that a clip of this style has drums. */
    public double drumProbability() {
        return t.drumProbability;
    }

    public List<DrumPattern> drumPatterns() {
        return t.drumPatterns;
    }

    /** GM drum kits (0 standard, 8 room, 16 power, 24 electronic, 25 TR-808, 32 jazz, 40 brush). */
    public int[] drumKits() {
        return t.kits.clone();
    }

    public int[] leadPrograms() {
        return t.lead.clone();
    }

    public int[] harmonyPrograms() {
        return t.harmony.clone();
    }

    public int[] bassPrograms() {
        return t.bass.clone();
    }

    public int[] padPrograms() {
        return t.pad.clone();
    }

    /** Probability of a sustained pad part. */
    public double padProbability() {
        return t.padProbability;
    }

    /** Chord progressions for {@code mode}, parsed and checked. */
    public List<List<ChordSymbol>> progressions(Mode mode) {
        return mode == Mode.MAJOR ? t.majorChords : t.minorChords;
    }

    /** Possible harmonic rhythms: beats per chord. */
    public int[] chordBeats() {
        return t.chordBeats.clone();
    }

    public List<CompStyle> comps() {
        return t.comps;
    }

    public List<BassStyle> basses() {
        return t.basses;
    }

    /** Swing amount for {@link Groove} (0 straight, 1/6 triplet feel). */
    public double swing() {
        return t.swing;
    }

    /** Average melody notes per beat at a neutral mood. */
    public double melodyDensity() {
        return t.density;
    }

    /** Probability that the melody keeps to the pentatonic subset of the scale. */
    public double pentatonicProbability() {
        return t.pentatonic;
    }

    /** Moods this style is heard in. */
    public List<Mood> moods() {
        return t.moods;
    }

    /** Parses a label such as "hip-hop" or the enum name. */
    public static Style fromLabel(String text) {
        for (Style s : values()) {
            if (s.label().equalsIgnoreCase(text.trim()) || s.name().equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("not a style: '" + text + "'");
    }

    /** Builder for the constants above; only used while the enum initialises. */
    private static final class Traits {
        final String label;
        int minBpm;
        int maxBpm;
        double major;
        double drumProbability;
        List<DrumPattern> drumPatterns = List.of();
        int[] kits = {0};
        int[] lead;
        int[] harmony;
        int[] bass;
        int[] pad = {};
        double padProbability;
        List<List<ChordSymbol>> majorChords;
        List<List<ChordSymbol>> minorChords;
        int[] chordBeats = {4};
        List<CompStyle> comps;
        List<BassStyle> basses;
        double swing;
        double density;
        double pentatonic;
        List<Mood> moods;

        Traits(String label) {
            this.label = label;
        }

        Traits tempo(int min, int max) {
            if (min < 60 || max > 180 || min >= max) {
                throw new IllegalStateException(label + ": tempo range must lie in 60..180");
            }
            minBpm = min;
            maxBpm = max;
            return this;
        }

        Traits major(double p) {
            major = p;
            return this;
        }

        Traits drums(double p, DrumPattern... patterns) {
            drumProbability = p;
            drumPatterns = List.of(patterns);
            return this;
        }

        Traits kits(int... k) {
            kits = k;
            return this;
        }

        Traits lead(int... p) {
            lead = p;
            return this;
        }

        Traits harmony(int... p) {
            harmony = p;
            return this;
        }

        Traits bass(int... p) {
            bass = p;
            return this;
        }

        Traits pad(double p, int... programs) {
            padProbability = p;
            pad = programs;
            return this;
        }

        Traits majorChords(String... progressions) {
            majorChords = ChordSymbol.parseAll(Mode.MAJOR, progressions);
            return this;
        }

        Traits minorChords(String... progressions) {
            minorChords = ChordSymbol.parseAll(Mode.MINOR, progressions);
            return this;
        }

        Traits chordBeats(int... beats) {
            chordBeats = beats;
            return this;
        }

        Traits comps(CompStyle... c) {
            comps = List.of(c);
            return this;
        }

        Traits basses(BassStyle... b) {
            basses = List.of(b);
            return this;
        }

        Traits swing(double s) {
            swing = s;
            return this;
        }

        Traits melody(double notesPerBeat, double pentatonicProbability) {
            density = notesPerBeat;
            pentatonic = pentatonicProbability;
            return this;
        }

        Traits moods(Mood... m) {
            moods = List.of(m);
            return this;
        }
    }
}
