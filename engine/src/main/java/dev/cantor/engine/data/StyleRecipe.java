package dev.cantor.engine.data;

import static dev.cantor.engine.music.Mood.CALM;
import static dev.cantor.engine.music.Mood.DARK;
import static dev.cantor.engine.music.Mood.DREAMY;
import static dev.cantor.engine.music.Mood.ENERGETIC;
import static dev.cantor.engine.music.Mood.HAPPY;
import static dev.cantor.engine.music.Mood.PLAYFUL;
import static dev.cantor.engine.music.Mood.SAD;
import static dev.cantor.engine.music.Mood.TENSE;

import dev.cantor.engine.music.Mode;
import dev.cantor.engine.music.Mood;
import dev.cantor.engine.music.Style;
import java.util.List;

/**
 * How the composer plays each {@link Style}: tempo range, how likely major mode and drums are,
 * its grooves, General MIDI palettes per role, typical chord progressions (Roman numerals,
 * diatonic; see {@link ChordSymbol}), accompaniment patterns, swing, melody density, metre,
 * recording feel and the moods it is usually heard in. One recipe per style, in the same order.
 */
public enum StyleRecipe {
    POP(new Traits(Style.POP).tempo(85, 128).major(0.65).drums(0.92, DrumPattern.POP, DrumPattern.ROCK, DrumPattern.DISCO)
            .kits(0, 8).lead(0, 4, 80, 81, 73, 65, 27, 11).harmony(0, 4, 25, 27, 48).bass(33, 34, 38).pad(0.35, 89, 48, 50)
            .majorChords("I V vi IV", "vi IV I V", "I vi IV V", "I IV vi V", "IV I V vi")
            .minorChords("i VI III VII", "i iv VI V", "i VII VI VII", "VI VII i i")
            .comps(CompStyle.BLOCK_BEATS, CompStyle.STRUM, CompStyle.ARPEGGIO)
            .basses(BassStyle.ROOT_EIGHTHS, BassStyle.ROOT_BEATS).melody(1.0, 0.3)
            .moods(HAPPY, ENERGETIC, SAD, DREAMY, PLAYFUL, CALM)),
    ROCK(new Traits(Style.ROCK).tempo(100, 160).major(0.6).drums(0.97, DrumPattern.ROCK, DrumPattern.POP)
            .kits(0, 16).lead(29, 30, 27, 18, 81).harmony(29, 30, 25, 18).bass(33, 34).pad(0.1, 48)
            .majorChords("I IV V IV", "I V IV IV", "I IV I V", "vi IV I V", "I iii IV V")
            .minorChords("i VI VII i", "i iv VII III", "i VII VI VII", "i iv v iv")
            .comps(CompStyle.POWER_EIGHTHS, CompStyle.STRUM, CompStyle.BLOCK_BEATS)
            .basses(BassStyle.ROOT_EIGHTHS).melody(1.0, 0.6)
            .moods(ENERGETIC, DARK, TENSE, HAPPY, SAD)),
    JAZZ(new Traits(Style.JAZZ).tempo(80, 180).major(0.65).drums(0.85, DrumPattern.SWING)
            .kits(32, 40, 0).lead(66, 65, 56, 59, 26, 0, 11, 71).harmony(0, 4, 26).bass(32).pad(0)
            .majorChords("ii7 V7 I7 I7", "I7 vi7 ii7 V7", "iii7 vi7 ii7 V7", "I7 IV7 iii7 vi7")
            .minorChords("ii7 V7 i7 i7", "i7 iv7 V7 i7", "i7 VI7 ii7 V7")
            .chordBeats(4, 2).comps(CompStyle.BLOCK_BEATS, CompStyle.CHARLESTON)
            .basses(BassStyle.WALKING).swing(1 / 6.0).melody(1.4, 0.15)
            .moods(CALM, HAPPY, SAD, PLAYFUL, DREAMY, ENERGETIC)),
    CLASSICAL(new Traits(Style.CLASSICAL).tempo(60, 140).major(0.55).drums(0)
            .lead(40, 73, 68, 71, 0, 60, 42).harmony(0, 46).bass(42, 43, 45).pad(0.3, 48, 49)
            .majorChords("I IV V I", "I vi IV V", "I ii V I", "I V vi iii IV I IV V")
            .minorChords("i iv V i", "i VI iv V", "i iv VII III VI iv V i")
            .chordBeats(4, 2).comps(CompStyle.ALBERTI, CompStyle.ARPEGGIO, CompStyle.BLOCK_BEATS)
            .basses(BassStyle.ROOT_BEATS).melody(1.1, 0)
            .moods(CALM, SAD, HAPPY, DREAMY, TENSE, PLAYFUL, DARK)),
    ELECTRONIC(new Traits(Style.ELECTRONIC).tempo(110, 140).major(0.45).drums(0.95, DrumPattern.DISCO, DrumPattern.ELECTRO)
            .kits(24, 25, 0).lead(80, 81, 84, 87, 85, 98).harmony(90, 50, 81, 62).bass(38, 39, 87)
            .pad(0.6, 88, 89, 90, 94, 95)
            .majorChords("I V vi IV", "vi IV I V", "I IV vi V", "IV V vi vi")
            .minorChords("i VI III VII", "i VII VI VII", "i iv VI VII", "i i VI VII")
            .chordBeats(4, 8).comps(CompStyle.ARPEGGIO, CompStyle.BLOCK_BEATS, CompStyle.SUSTAIN)
            .basses(BassStyle.OCTAVES, BassStyle.ROOT_EIGHTHS).melody(1.1, 0.3)
            .moods(ENERGETIC, DARK, DREAMY, HAPPY, TENSE)),
    AMBIENT(new Traits(Style.AMBIENT).tempo(50, 96).major(0.5).drums(0.25, DrumPattern.SOFT_PULSE)
            .kits(0, 24).lead(88, 94, 73, 75, 11, 8, 10, 0, 92).harmony(46, 0, 8, 11, 108).bass(35, 38, 32)
            .pad(0.9, 89, 91, 92, 94, 95, 88, 52)
            .majorChords("I IV I IV", "I iii IV I", "IV I V vi", "I V IV IV")
            .minorChords("i VI i VI", "i iv VI v", "i VII VI VI")
            .chordBeats(8, 4).comps(CompStyle.ARPEGGIO).basses(BassStyle.ROOT_BEATS, BassStyle.ROOT_HELD)
            .melody(0.5, 0.4).moods(CALM, DREAMY, SAD, DARK)),
    HIP_HOP(new Traits(Style.HIP_HOP).tempo(70, 100).major(0.3).drums(1.0, DrumPattern.BOOM_BAP)
            .kits(0, 25).lead(4, 0, 11, 80, 73, 61, 48).harmony(4, 0, 89, 48).bass(38, 33, 39).pad(0.3, 89, 88)
            .majorChords("I vi IV V", "IV iii ii I", "I IV I IV")
            .minorChords("i VI i VI", "i iv i iv", "i VI III VII", "i VII VI V")
            .chordBeats(4, 8).comps(CompStyle.BLOCK_BEATS, CompStyle.SUSTAIN, CompStyle.ARPEGGIO)
            .basses(BassStyle.SYNCOPATED, BassStyle.ROOT_BEATS).melody(0.9, 0.5)
            .moods(DARK, CALM, SAD, ENERGETIC, DREAMY, TENSE)),
    FOLK(new Traits(Style.FOLK).tempo(80, 140).major(0.7).drums(0.5, DrumPattern.FOLK)
            .kits(0).lead(73, 110, 22, 21, 24, 25, 105, 74, 71).harmony(25, 24, 105, 46, 21).bass(32).pad(0.1, 48)
            .majorChords("I IV I V", "I V vi IV", "I IV V I", "vi IV I V")
            .minorChords("i VII VI VII", "i iv i V", "i III VII i")
            .comps(CompStyle.STRUM, CompStyle.ARPEGGIO, CompStyle.BOOM_CHICK)
            .basses(BassStyle.ROOT_FIFTH, BassStyle.ROOT_BEATS).melody(1.0, 0.5)
            .moods(HAPPY, SAD, CALM, PLAYFUL, DREAMY)),
    BLUES(new Traits(Style.BLUES).tempo(60, 130).major(0.5).drums(0.9, DrumPattern.SHUFFLE)
            .kits(0).lead(22, 27, 29, 65, 66, 0, 26).harmony(0, 3, 16, 27, 26).bass(32, 33).pad(0)
            .majorChords("I I I I IV IV I I V IV I V", "I IV I V")
            .minorChords("i7 i7 i7 i7 iv7 iv7 i7 i7 V7 iv7 i7 V7", "i7 iv7 i7 V7")
            .comps(CompStyle.BLOCK_BEATS, CompStyle.BOOM_CHICK)
            .basses(BassStyle.WALKING, BassStyle.ROOT_BEATS).swing(1 / 6.0).melody(1.0, 0.7)
            .moods(SAD, CALM, DARK, HAPPY, PLAYFUL)),
    LATIN(new Traits(Style.LATIN).tempo(90, 130).major(0.5).drums(0.9, DrumPattern.BOSSA, DrumPattern.LATIN_POP)
            .kits(0).lead(56, 73, 24, 65, 11, 0, 21).harmony(24, 0, 26, 114).bass(32, 33).pad(0.2, 48)
            .majorChords("ii7 V7 I7 I7", "I7 vi7 ii7 V7", "I IV V IV")
            .minorChords("i iv V i", "i VII VI V", "i7 iv7 V7 i7")
            .comps(CompStyle.BLOCK_BEATS, CompStyle.ARPEGGIO, CompStyle.STRUM)
            .basses(BassStyle.ROOT_FIFTH, BassStyle.ROOT_BEATS).melody(1.1, 0.2)
            .moods(HAPPY, PLAYFUL, CALM, ENERGETIC, SAD)),
    FUNK(new Traits(Style.FUNK).tempo(95, 120).major(0.4).drums(1.0, DrumPattern.FUNK)
            .kits(0).lead(27, 62, 61, 66, 67, 7, 80).harmony(7, 28, 4, 16).bass(36, 37, 33, 38).pad(0.1, 62)
            .majorChords("I7 IV7 I7 IV7", "I7 I7 IV7 V7", "ii7 V7 ii7 V7")
            .minorChords("i7 iv7 i7 iv7", "i7 i7 VII7 VI7", "i7 iv7 v7 i7")
            .chordBeats(4, 8).comps(CompStyle.BLOCK_BEATS, CompStyle.STRUM, CompStyle.POWER_EIGHTHS)
            .basses(BassStyle.SYNCOPATED, BassStyle.OCTAVES).melody(1.2, 0.6)
            .moods(ENERGETIC, PLAYFUL, HAPPY, TENSE)),
    COUNTRY(new Traits(Style.COUNTRY).tempo(90, 160).major(0.85).drums(0.85, DrumPattern.TRAIN, DrumPattern.ROCK)
            .kits(0, 40).lead(110, 25, 105, 22, 27).harmony(25, 105, 0, 24).bass(32, 33).pad(0.1, 48)
            .majorChords("I IV V I", "I I IV IV V V I I", "I V IV I", "I IV I V")
            .minorChords("i iv V i", "i VII VI V")
            .comps(CompStyle.BOOM_CHICK, CompStyle.STRUM)
            .basses(BassStyle.ROOT_FIFTH, BassStyle.ROOT_BEATS).melody(1.1, 0.6)
            .moods(HAPPY, SAD, PLAYFUL, CALM, ENERGETIC)),
    // --- corpus v2: appended, so the ordinals above (indices of trained style tables) stay put ---
    // The fastest styles stop at 180 BPM although PieceSpec allows 200: from ~180 BPM up the tempo
    // estimator sometimes hears a third of a steady 4/4 beat (its comb, evenness and midpoint tests
    // score one beat and three beats alike, and its prior then favours ~60 over ~190), measured at
    // 2-3 clips in 20 at 181-186 BPM, so faster labels would not be what it hears.
    METAL(new Traits(Style.METAL).tempo(90, 180).major(0.12)
            .drums(1.0, DrumPattern.METAL_DOUBLE_KICK, DrumPattern.METAL_GALLOP)
            .kits(16, 0).lead(30, 29, 81, 30).harmony(30, 29).bass(33, 34, 38).pad(0.15, 52, 48)
            .majorChords("I V vi IV", "vi IV I V", "I iii IV V")
            .minorChords("i VI VII i", "i iv VI V", "i VI iv VII", "i i VI VII", "i v VI iv")
            .comps(CompStyle.POWER_EIGHTHS).basses(BassStyle.ROOT_EIGHTHS).melody(1.1, 0.5)
            .recording(0.4, 0.1, 0).moods(ENERGETIC, DARK, TENSE)),
    REGGAE(new Traits(Style.REGGAE).tempo(64, 96).major(0.6).drums(0.95, DrumPattern.ONE_DROP, DrumPattern.ROCKERS)
            .kits(0, 8).lead(56, 66, 65, 22, 16, 61, 80).harmony(28, 27, 16, 4).bass(33, 34, 38, 35).pad(0.1, 16)
            .majorChords("I IV I IV", "I V IV V", "I vi IV V", "ii V I I", "I IV V IV")
            .minorChords("i iv i iv", "i VII VI VII", "i v i v", "i VI VII i")
            .chordBeats(4, 8).comps(CompStyle.SKANK).basses(BassStyle.SYNCOPATED, BassStyle.ROOT_FIFTH)
            .swing(1 / 12.0).melody(0.9, 0.6).recording(0.8, 0.3, 0).moods(CALM, HAPPY, PLAYFUL, DREAMY, SAD)),
    BOSSA_NOVA(new Traits(Style.BOSSA_NOVA).tempo(104, 144).major(0.6)
            .drums(0.85, DrumPattern.BOSSA_NOVA, DrumPattern.BOSSA)
            .kits(40, 32, 0).lead(73, 65, 66, 64, 11, 59, 0).harmony(24, 24, 0, 4).bass(32, 33, 35).pad(0.2, 48, 49)
            .majorChords("ii7 V7 I7 I7", "I7 vi7 ii7 V7", "I7 IV7 iii7 vi7", "I7 I7 ii7 V7")
            .minorChords("i7 iv7 VII7 III7", "i7 iv7 V7 i7", "i7 VI7 ii7 V7")
            .chordBeats(4, 8).comps(CompStyle.BOSSA_GUITAR, CompStyle.BOSSA_GUITAR, CompStyle.ARPEGGIO)
            .basses(BassStyle.ROOT_FIFTH, BassStyle.ROOT_BEATS).melody(1.0, 0.2)
            .recording(0.9, 0.4, 0).moods(CALM, DREAMY, HAPPY, SAD, PLAYFUL)),
    LOFI_HIP_HOP(new Traits(Style.LOFI_HIP_HOP).tempo(68, 92).major(0.45).drums(0.95, DrumPattern.LOFI)
            .kits(0, 8, 25).lead(4, 0, 11, 73, 66, 26, 24).harmony(4, 0, 26, 5).bass(33, 32, 38, 35).pad(0.3, 89, 88)
            .majorChords("ii7 V7 I7 vi7", "I7 vi7 ii7 V7", "IV7 iii7 ii7 I7", "IV7 IV7 I7 I7")
            .minorChords("i7 iv7 i7 iv7", "i7 VI7 iv7 v7", "VI7 v7 i7 i7", "iv7 v7 i7 i7")
            .chordBeats(4, 8).comps(CompStyle.SUSTAIN, CompStyle.BLOCK_BEATS, CompStyle.ARPEGGIO)
            .basses(BassStyle.ROOT_BEATS, BassStyle.SYNCOPATED, BassStyle.ROOT_HELD).swing(1 / 12.0).melody(0.7, 0.5)
            .recording(0.8, 0.5, 3200).moods(CALM, DREAMY, SAD, PLAYFUL)),
    DRUM_AND_BASS(new Traits(Style.DRUM_AND_BASS).tempo(164, 176).major(0.3)
            .drums(1.0, DrumPattern.DNB_TWO_STEP, DrumPattern.DNB_BREAK)
            .kits(0, 24, 25, 16).lead(81, 80, 87, 4, 54, 73).harmony(89, 90, 4, 50).bass(38, 39, 87)
            .pad(0.6, 89, 90, 91, 95)
            .majorChords("vi IV I V", "I V vi IV", "IV V vi vi")
            .minorChords("i VI III VII", "i iv VI v", "i VII VI VII", "i i VI VI")
            .chordBeats(8, 16).comps(CompStyle.SUSTAIN, CompStyle.ARPEGGIO)
            .basses(BassStyle.ROOT_HELD, BassStyle.SYNCOPATED).melody(0.7, 0.5)
            .recording(0.9, 0.4, 0).moods(ENERGETIC, DARK, TENSE, DREAMY)),
    CINEMATIC(new Traits(Style.CINEMATIC).tempo(50, 120).major(0.4).drums(0.45, DrumPattern.CINEMATIC)
            .kits(48, 0).lead(60, 48, 40, 73, 68, 52, 56, 42).harmony(48, 49, 46, 61, 44, 45).bass(43, 42, 58, 47, 45)
            .pad(0.6, 52, 53, 49, 48)
            .majorChords("I V vi IV", "vi IV I V", "I iii vi IV", "IV I V vi")
            .minorChords("i VI III VII", "i VI iv V", "i iv VI V", "i VII VI V", "i i VI VI")
            .chordBeats(4, 8).comps(CompStyle.OSTINATO, CompStyle.SUSTAIN, CompStyle.ARPEGGIO)
            .basses(BassStyle.ROOT_HELD, BassStyle.ROOT_BEATS).melody(0.7, 0.2)
            .recording(1.4, 0.2, 0).moods(DARK, TENSE, SAD, CALM, DREAMY, ENERGETIC, HAPPY)),
    MARCH(new Traits(Style.MARCH).tempo(100, 132).major(0.8).drums(1.0, DrumPattern.MARCH)
            .kits(48, 0).lead(56, 72, 73, 71, 60).harmony(61, 57, 60).bass(58, 57).pad(0)
            .majorChords("I IV V I", "I V V I", "I I IV I V V I I", "I vi ii V")
            .minorChords("i iv V i", "i VI iv V", "i i V V")
            .chordBeats(4, 2).comps(CompStyle.BOOM_CHICK, CompStyle.BLOCK_BEATS)
            .basses(BassStyle.ROOT_FIFTH, BassStyle.ROOT_BEATS).melody(1.1, 0.3)
            .recording(0.8, 0.0, 0).moods(HAPPY, ENERGETIC, PLAYFUL, TENSE)),
    CHIPTUNE(new Traits(Style.CHIPTUNE).tempo(110, 176).major(0.6).drums(0.9, DrumPattern.CHIP)
            .kits(24, 25).lead(80, 81, 80).harmony(80, 81).bass(38, 39, 80).pad(0)
            .majorChords("I V vi IV", "I IV V I", "vi IV V I", "I vi IV V")
            .minorChords("i VI VII i", "i iv V i", "i VII VI VII")
            .chordBeats(4, 2).comps(CompStyle.CHIP_ARPEGGIO, CompStyle.CHIP_ARPEGGIO, CompStyle.BLOCK_BEATS)
            .basses(BassStyle.OCTAVES, BassStyle.ROOT_EIGHTHS, BassStyle.ROOT_BEATS).melody(1.3, 0.5)
            .recording(0.1, 0.0, 0).moods(HAPPY, ENERGETIC, PLAYFUL, TENSE)),
    WALTZ(new Traits(Style.WALTZ).meter(3).tempo(84, 176).major(0.7).drums(0.4, DrumPattern.WALTZ)
            .kits(40, 32, 0).lead(40, 73, 21, 71, 0, 68).harmony(0, 21, 45, 46, 48).bass(32, 43, 58).pad(0.2, 48, 49)
            .majorChords("I IV V I", "I I V V", "I vi ii V", "I V I IV I V I I")
            .minorChords("i iv V i", "i VI iv V", "i i V V")
            .chordBeats(3, 6).comps(CompStyle.WALTZ).basses(BassStyle.DOWNBEAT).melody(1.0, 0.3)
            .recording(1.0, 0.2, 0).moods(HAPPY, SAD, CALM, DREAMY, PLAYFUL));

    private final Traits t;

    StyleRecipe(Traits traits) {
        this.t = traits;
    }

    /** The recipe for {@code style}. */
    public static StyleRecipe of(Style style) {
        return valueOf(style.name());
    }

    /** The style this recipe plays. */
    public Style style() {
        return t.style;
    }

    public int minBpm() {
        return t.minBpm;
    }

    public int maxBpm() {
        return t.maxBpm;
    }

    /** Beats in a bar: 4, or 3 for the waltz. */
    public int beatsPerBar() {
        return t.beatsPerBar;
    }

    /** Reverb sends are scaled by this (0.1 a dry chip, 1.4 a concert hall). */
    public double reverbScale() {
        return t.reverbScale;
    }

    /** Probability that the melodic parts get a chorus send. */
    public double chorusProbability() {
        return t.chorusProbability;
    }

    /** Corner frequency of the "muffled recording" low-pass (lo-fi), or 0 for none. */
    public int lowPassHz() {
        return t.lowPassHz;
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

    /** Builder for the constants above; only used while the enum initialises. */
    private static final class Traits {
        final Style style;
        final String label;
        int minBpm;
        int maxBpm;
        int beatsPerBar = 4;
        double reverbScale = 1;
        double chorusProbability = 0.3;
        int lowPassHz;
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

        Traits(Style style) {
            this.style = style;
            this.label = style.label();
        }

        Traits tempo(int min, int max) {
            if (min < PieceSpec.MIN_BPM || max > PieceSpec.MAX_BPM || min >= max) {
                throw new IllegalStateException(label + ": tempo range must lie in " + PieceSpec.MIN_BPM + ".."
                        + PieceSpec.MAX_BPM);
            }
            minBpm = min;
            maxBpm = max;
            return this;
        }

        Traits major(double p) {
            major = p;
            return this;
        }

        Traits meter(int beats) {
            beatsPerBar = beats;
            return this;
        }

        Traits drums(double p, DrumPattern... patterns) {
            drumProbability = p;
            drumPatterns = List.of(patterns);
            for (DrumPattern d : patterns) {
                if (d.beatsPerBar() != beatsPerBar) {
                    throw new IllegalStateException(label + ": groove " + d + " is not in " + beatsPerBar + "/4");
                }
            }
            return this;
        }

        Traits recording(double reverb, double chorus, int lowPass) {
            reverbScale = reverb;
            chorusProbability = chorus;
            lowPassHz = lowPass;
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
