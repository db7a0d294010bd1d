package dev.cantor.engine.data;

/** How the harmony instrument plays the chords. */
public enum CompStyle {
    /** A chord on every beat, accented on one. */
    BLOCK_BEATS(true),
    /** Guitar strumming: downstrokes on the beats, softer upstrokes between. */
    STRUM(true),
    /** Broken chord in eighth notes, beats accented. */
    ARPEGGIO(true),
    /** Classical left hand: low-high-middle-high in eighths. */
    ALBERTI(true),
    /** Root-fifth-octave power chords in muted eighths. */
    POWER_EIGHTHS(true),
    /** Low chord tone on beats one and three, chord on two and four. */
    BOOM_CHICK(true),
    /** Swing comping on one and the "and" of two; leaves the pulse to drums and bass. */
    CHARLESTON(false),
    /** Held chords, one per chord change. */
    SUSTAIN(false),
    // --- corpus v2 ---
    /** Reggae skank: short off-beat chords on two and four (the "chop"); leaves the pulse to the drums. */
    SKANK(false),
    /** Bossa nova guitar: the thumb on every beat, chords on the syncopated clave spots. */
    BOSSA_GUITAR(true),
    /** Film-score ostinato: repeated chord tones in eighth notes, beats accented. */
    OSTINATO(true),
    /** 8-bit arpeggio: the chord rippled in sixteenths, beats accented (the chip's stand-in for chords). */
    CHIP_ARPEGGIO(true),
    /** Waltz "oom-pah-pah": a low chord tone on one, the chord on two and three. */
    WALTZ(true);

    private final boolean marksBeats;

    CompStyle(boolean marksBeats) {
        this.marksBeats = marksBeats;
    }

    /** True when this pattern sounds on every beat, so it carries the pulse without drums. */
    public boolean marksBeats() {
        return marksBeats;
    }
}
