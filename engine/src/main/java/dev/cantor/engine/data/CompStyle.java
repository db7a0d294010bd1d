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
    SUSTAIN(false);

    private final boolean marksBeats;

    CompStyle(boolean marksBeats) {
        this.marksBeats = marksBeats;
    }

    /** True when this pattern sounds on every beat, so it carries the pulse without drums. */
    public boolean marksBeats() {
        return marksBeats;
    }
}
