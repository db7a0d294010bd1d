package dev.cantor.engine.music;


/**
 * The mood of a piece and how it is played: loudness (MIDI velocity), register, note density,
 * articulation, where in its style's tempo range it sits, which mode it leans to and how much
 * reverb it gets. The numbers are deliberately far apart so the mood is audible, not only
 * written in the label.
 */
public enum Mood {
    //         label        vel spread reg  density gate  tempo  major  reverb
    HAPPY("happy",           88, 10,   3,   1.10,  0.80, 0.65,  0.35,  40),
    SAD("sad",               60,  7,  -3,   0.70,  0.96, 0.20, -0.45,  72),
    CALM("calm",             56,  6,   0,   0.60,  0.95, 0.20,  0.10,  66),
    ENERGETIC("energetic",  108, 10,   2,   1.35,  0.72, 0.85,  0.10,  30),
    DARK("dark",             78, 10,  -7,   0.80,  0.88, 0.40, -0.50,  58),
    DREAMY("dreamy",         58,  8,   5,   0.60,  1.00, 0.30,  0.00,  96),
    TENSE("tense",           92, 14,  -2,   1.20,  0.60, 0.70, -0.45,  40),
    PLAYFUL("playful",       86, 14,   5,   1.20,  0.48, 0.60,  0.30,  36);

    private final String label;
    private final int velocity;
    private final int velocitySpread;
    private final int registerShift;
    private final double density;
    private final double gate;
    private final double tempoPosition;
    private final double majorBias;
    private final int reverb;

    Mood(String label, int velocity, int velocitySpread, int registerShift, double density,
            double gate, double tempoPosition, double majorBias, int reverb) {
        this.label = label;
        this.velocity = velocity;
        this.velocitySpread = velocitySpread;
        this.registerShift = registerShift;
        this.density = density;
        this.gate = gate;
        this.tempoPosition = tempoPosition;
        this.majorBias = majorBias;
        this.reverb = reverb;
    }

    /** Lower-case name used in labels, e.g. "dreamy". */
    public String label() {
        return label;
    }

    /** Typical MIDI velocity of the lead (accompaniment is derived from it). */
    public int velocity() {
        return velocity;
    }

    /** Standard deviation of the random velocity variation. */
    public int velocitySpread() {
        return velocitySpread;
    }

    /** Semitones added to the lead's usual register (negative = lower, darker). */
    public int registerShift() {
        return registerShift;
    }

    /** Multiplier on the style's melody note density. */
    public double density() {
        return density;
    }

    /** Fraction of its slot a note sounds: ~0.5 staccato, ~1 legato. */
    public double gate() {
        return gate;
    }

    /** Where the tempo sits in the style's range: 0 = slowest, 1 = fastest. */
    public double tempoPosition() {
        return tempoPosition;
    }

    /** Added to the style's probability of major mode. */
    public double majorBias() {
        return majorBias;
    }

    /** MIDI reverb send (CC 91) for the melodic parts. */
    public int reverb() {
        return reverb;
    }

    /** Dynamics factor applied to drum and accompaniment velocities (1 = neutral). */
    public double dynamics() {
        return Math.max(0.65, Math.min(1.2, velocity / 88.0));
    }

    /** Parses a label such as "dreamy". */
    public static Mood fromLabel(String text) {
        for (Mood m : values()) {
            if (m.label.equalsIgnoreCase(text.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("not a mood: '" + text + "'");
    }
}
