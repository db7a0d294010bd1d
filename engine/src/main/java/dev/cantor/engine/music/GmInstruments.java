package dev.cantor.engine.music;


/**
 * Plain-language names of the 128 General MIDI programs (as a musician would say them in a
 * caption, e.g. "tenor sax" rather than "Tenor Sax (GM 67)"), and the register a lead line on
 * each instrument sits in.
 */
public final class GmInstruments {

    /** Name of the drum kit on MIDI channel 10. */
    public static final String DRUMS = "drums";

    private static final String[] NAMES = {
        "piano", "bright piano", "electric grand piano", "honky-tonk piano",
        "electric piano", "FM electric piano", "harpsichord", "clavinet",
        "celesta", "glockenspiel", "music box", "vibraphone",
        "marimba", "xylophone", "tubular bells", "dulcimer",
        "drawbar organ", "percussive organ", "rock organ", "church organ",
        "reed organ", "accordion", "harmonica", "bandoneon",
        "nylon-string guitar", "acoustic guitar", "jazz guitar", "clean electric guitar",
        "muted electric guitar", "overdriven guitar", "distorted guitar", "guitar harmonics",
        "acoustic bass", "electric bass", "picked bass", "fretless bass",
        "slap bass", "bright slap bass", "synth bass", "analog synth bass",
        "violin", "viola", "cello", "contrabass",
        "tremolo strings", "pizzicato strings", "harp", "timpani",
        "strings", "slow strings", "synth strings", "warm synth strings",
        "choir", "voice oohs", "synth voice", "orchestra hit",
        "trumpet", "trombone", "tuba", "muted trumpet",
        "french horn", "brass section", "synth brass", "soft synth brass",
        "soprano sax", "alto sax", "tenor sax", "baritone sax",
        "oboe", "english horn", "bassoon", "clarinet",
        "piccolo", "flute", "recorder", "pan flute",
        "blown bottle", "shakuhachi", "whistle", "ocarina",
        "square lead", "sawtooth lead", "calliope lead", "chiff lead",
        "charang lead", "voice lead", "fifths lead", "bass-and-lead synth",
        "new age pad", "warm pad", "polysynth pad", "choir pad",
        "bowed pad", "metallic pad", "halo pad", "sweep pad",
        "rain effect", "soundtrack effect", "crystal effect", "atmosphere effect",
        "brightness effect", "goblins effect", "echoes effect", "sci-fi effect",
        "sitar", "banjo", "shamisen", "koto",
        "kalimba", "bagpipe", "fiddle", "shanai",
        "tinkle bell", "agogo", "steel drums", "woodblock",
        "taiko drum", "melodic tom", "synth drum", "reverse cymbal",
        "guitar fret noise", "breath noise", "seashore", "bird tweet",
        "telephone ring", "helicopter", "applause", "gunshot",
    };

    private GmInstruments() {
    }

    /** Plain name of GM program {@code program} (0..127). */
    public static String name(int program) {
        if (program < 0 || program >= NAMES.length) {
            throw new IllegalArgumentException("GM program must be 0..127, got " + program);
        }
        return NAMES[program];
    }

    /**
     * MIDI pitch around which a melody on this program sounds natural (before the mood's
     * register shift): low for tenor sax or cello, high for flute or music box.
     */
    public static int leadCenter(int program) {
        return switch (program) {
            case 8, 9, 10, 72, 78, 112 -> 81;      // celesta, glockenspiel, music box, piccolo, whistle
            case 73, 74, 75, 79 -> 77;             // flutes, recorder, ocarina
            case 40, 110, 68, 64, 11, 13 -> 74;    // violin, fiddle, oboe, soprano sax, vibes, xylophone
            case 56, 59, 22, 21, 23 -> 70;         // trumpets, harmonica, accordions
            case 65, 71, 24, 25, 26, 27, 28, 29, 30, 105 -> 67; // alto sax, clarinet, guitars, banjo
            case 66, 41, 60, 69 -> 63;             // tenor sax, viola, horn, english horn
            case 42, 57, 67, 70 -> 55;             // cello, trombone, baritone sax, bassoon
            default -> 72;
        };
    }

    /**
     * True for instruments with a sharp attack (keyboards, mallets, organs, plucked strings,
     * timpani, the square and sawtooth leads): the ones that can carry the pulse when there are
     * no drums. Bowed strings, pads, winds and choirs swell in too slowly to mark a beat.
     */
    public static boolean hasSharpAttack(int program) {
        return program <= 19 || (program >= 24 && program <= 39) || program == 45 || program == 46
                || program == 47 || program == 80 || program == 81
                || (program >= 104 && program <= 108) || (program >= 112 && program <= 115);
    }

    /** True for the GM bass programs (acoustic bass to synth bass 2). */
    public static boolean isBass(int program) {
        return program >= 32 && program <= 39;
    }
}
