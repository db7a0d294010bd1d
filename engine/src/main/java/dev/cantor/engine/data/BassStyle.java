package dev.cantor.engine.data;

/** How the bass line moves. */
public enum BassStyle {
    /** Root on every beat. */
    ROOT_BEATS(true),
    /** Root in eighth notes, beats accented (pop, rock); needs drums to make the beat clear. */
    ROOT_EIGHTHS(false),
    /** Alternating low and high octave in eighths (disco, electronic); needs drums too. */
    OCTAVES(false),
    /** Quarter-note walking line through chord and scale tones (jazz, blues). */
    WALKING(true),
    /** Root and fifth in half notes (folk, country, latin). */
    ROOT_FIFTH(false),
    /** Funk/hip-hop line: root on one and three with sixteenth pickups. */
    SYNCOPATED(false),
    /** Root held for the whole chord (ambient, ballads). */
    ROOT_HELD(false),
    // --- corpus v2 ---
    /** Root on the downbeat of every bar only (waltz, with drums to keep the other beats). */
    DOWNBEAT(false);

    private final boolean marksBeats;

    BassStyle(boolean marksBeats) {
        this.marksBeats = marksBeats;
    }

    /** True when the line sounds on every beat and only there, so it carries the pulse without drums. */
    public boolean marksBeats() {
        return marksBeats;
    }
}
