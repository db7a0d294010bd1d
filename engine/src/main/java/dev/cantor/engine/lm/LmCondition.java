package dev.cantor.engine.lm;

import dev.cantor.engine.conditioning.MusicDescriptors;
import dev.cantor.engine.music.Mode;

/**
 * What one generated sequence is conditioned on. Every part may be absent (null): absent parts
 * use the model's learned "null" inputs, which is also how classifier-free guidance builds its
 * unconditional row.
 *
 * @param text     sentence embedding of the prompt (unit length), or null
 * @param tempoBpm tempo in beats per minute, or null
 * @param keyRoot  pitch class of the tonic (0 = C … 11 = B), or null
 * @param mode     major or minor, or null
 * @param melody   one melody symbol per frame (0–11 pitch class, 12 rest), or null
 * @param beatPhase where the beat clock stands at the first generated frame, in beats (0 = a
 *                  downbeat); a story carries it across sections so the groove does not restart
 * @param descriptors the style, mood and instruments the prompt names ({@link MusicDescriptors#NONE}
 *                    when none; a null argument means none); only models with
 *                    {@link LmConfig#musicAttributes()} read them
 */
public record LmCondition(float[] text, Double tempoBpm, Integer keyRoot, Mode mode, int[] melody,
                          double beatPhase, MusicDescriptors descriptors) {

    /** Melody symbols: 12 pitch classes, rest, and "no melody condition". */
    public static final int MELODY_REST = 12;
    public static final int MELODY_NONE = 13;
    public static final int MELODY_SYMBOLS = 14;

    /** The unconditional input. */
    public static final LmCondition NONE = new LmCondition(null, null, null, null, null);

    /** A condition whose clock starts on a downbeat. */
    public LmCondition(float[] text, Double tempoBpm, Integer keyRoot, Mode mode, int[] melody) {
        this(text, tempoBpm, keyRoot, mode, melody, 0, MusicDescriptors.NONE);
    }

    /** A condition whose clock starts on a downbeat, with style, mood and instruments. */
    public LmCondition(float[] text, Double tempoBpm, Integer keyRoot, Mode mode, int[] melody,
                       MusicDescriptors descriptors) {
        this(text, tempoBpm, keyRoot, mode, melody, 0, descriptors);
    }

    public LmCondition {
        if (descriptors == null) {
            descriptors = MusicDescriptors.NONE;
        }
        if (!Double.isFinite(beatPhase)) {
            throw new IllegalArgumentException("beat phase must be finite");
        }
        if (keyRoot != null && (keyRoot < 0 || keyRoot > 11)) {
            throw new IllegalArgumentException("key root must be a pitch class 0..11, got " + keyRoot);
        }
        if (tempoBpm != null && !(tempoBpm > 0 && tempoBpm < 1000)) {
            throw new IllegalArgumentException("tempo must be positive, got " + tempoBpm);
        }
        if (melody != null) {
            for (int m : melody) {
                if (m < 0 || m > MELODY_REST) {
                    throw new IllegalArgumentException("melody symbols are 0..12, got " + m);
                }
            }
        }
    }

    public LmCondition withText(float[] t) {
        return new LmCondition(t, tempoBpm, keyRoot, mode, melody, beatPhase, descriptors);
    }

    /** This condition with no key asked (the mode stays). */
    public LmCondition withoutKey() {
        return withKey(null, mode);
    }

    /** This condition with another key root and mode (either may be null: not asked). */
    public LmCondition withKey(Integer root, Mode m) {
        return new LmCondition(text, tempoBpm, root, m, melody, beatPhase, descriptors);
    }

    public LmCondition withTempo(Double bpm) {
        return new LmCondition(text, bpm, keyRoot, mode, melody, beatPhase, descriptors);
    }

    public LmCondition withMelody(int[] m) {
        return new LmCondition(text, tempoBpm, keyRoot, mode, m, beatPhase, descriptors);
    }

    public LmCondition withBeatPhase(double beats) {
        return new LmCondition(text, tempoBpm, keyRoot, mode, melody, beats, descriptors);
    }

    public LmCondition withDescriptors(MusicDescriptors d) {
        return new LmCondition(text, tempoBpm, keyRoot, mode, melody, beatPhase, d);
    }

    /** Melody symbol for a frame: the condition's, or NONE past its end or without melody. */
    public int melodyAt(int frame) {
        return melody == null || frame < 0 || frame >= melody.length ? MELODY_NONE : melody[frame];
    }

    /** This condition with the melody shifted: frame f here is frame f + offset of the original. */
    public LmCondition melodyFrom(int offset) {
        if (melody == null) {
            return this;
        }
        int n = Math.max(0, melody.length - offset);
        int[] shifted = new int[n];
        System.arraycopy(melody, Math.min(offset, melody.length), shifted, 0, n);
        return withMelody(n == 0 ? null : shifted);
    }
}
