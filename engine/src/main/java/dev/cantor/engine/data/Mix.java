package dev.cantor.engine.data;

import java.util.ArrayList;
import java.util.List;

/**
 * How a clip is mixed: Gervill's reverb send (CC 91) and chorus send (CC 93) per part, and the
 * tone of the "recording" (a low-pass for the muffled lo-fi sound). Drawn per clip from its own
 * random stream, so it varies within a style and mood without touching the notes: the mood sets
 * the level (sad and dreamy are wetter than energetic), the style scales it (a dry chiptune, a
 * concert-hall cinematic cue), and the clip varies it by up to ±40 %. Captions describe the
 * result ({@link #feelWords()}), so what they say of the recording is true.
 *
 * @param reverb    reverb send of the melodic parts, 0..127 (pad a little more, bass and drums less)
 * @param chorus    chorus send of the lead, harmony and pad, 0..127 (0: none)
 * @param lowPassHz corner of the recording's low-pass filter, or 0 for none
 */
public record Mix(int reverb, int chorus, int lowPassHz) {

    private static final long SALT = 0x4D4958L;

    public Mix {
        if (reverb < 0 || reverb > 127 || chorus < 0 || chorus > 127 || lowPassHz < 0) {
            throw new IllegalArgumentException("bad mix " + reverb + "/" + chorus + "/" + lowPassHz);
        }
    }

    /** The mix of the clip described by {@code spec}; a function of its seed, index, style and mood. */
    public static Mix of(PieceSpec spec) {
        ClipRandom rnd = new ClipRandom(ClipRandom.derive(spec.corpusSeed(), spec.index(), SALT));
        StyleRecipe style = spec.recipe();
        double wet = spec.mood().reverb() * style.reverbScale() * rnd.uniform(0.6, 1.4);
        int reverb = (int) Math.round(Math.max(0, Math.min(120, wet)));
        int chorus = rnd.chance(style.chorusProbability()) ? rnd.between(24, 80) : 0;
        int lowPass = style.lowPassHz() > 0 ? (int) Math.round(style.lowPassHz() * rnd.uniform(0.8, 1.25)) : 0;
        return new Mix(reverb, chorus, lowPass);
    }

    /** The instruments in mixing order (lead, harmony, pad if any, bass, drums if any) with their sends. */
    List<Part> parts(PieceSpec spec) {
        List<Part> parts = new ArrayList<>();
        parts.add(new Part(PartRole.LEAD, PieceSpec.LEAD_CHANNEL, spec.leadProgram(), 110, reverb, chorus));
        parts.add(new Part(PartRole.HARMONY, PieceSpec.HARMONY_CHANNEL, spec.harmonyProgram(), 80, reverb, chorus));
        if (spec.padProgram() >= 0) {
            parts.add(new Part(PartRole.PAD, PieceSpec.PAD_CHANNEL, spec.padProgram(), 68, Math.min(127, reverb + 20),
                    Math.min(127, chorus * 3 / 2)));
        }
        parts.add(new Part(PartRole.BASS, PieceSpec.BASS_CHANNEL, spec.bassProgram(), 100, reverb / 3, 0));
        if (spec.hasDrums()) {
            parts.add(new Part(PartRole.DRUMS, PieceSpec.DRUM_CHANNEL, spec.drumKit(), 100, reverb / 2, 0));
        }
        return parts;
    }

    /** Words for how the recording sounds, e.g. ["dry", "close-miked"] or ["warm", "slightly muffled"]. */
    public List<String> feelWords() {
        List<String> words = new ArrayList<>();
        if (lowPassHz > 0) {
            words.add("warm, slightly muffled");
            words.add("dusty, lo-fi");
            words.add("muffled, tape-like");
            return words;
        }
        if (reverb < 20) {
            words.add("dry");
            words.add("close-miked");
            words.add("tight, dry");
        } else if (reverb < 50) {
            words.add("natural-sounding room");
            words.add("clean");
            words.add("roomy");
        } else if (reverb < 85) {
            words.add("spacious");
            words.add("reverberant");
            words.add("hall-like");
        } else {
            words.add("cavernous");
            words.add("washed-out, reverb-drenched");
            words.add("very spacious");
        }
        return words;
    }
}
