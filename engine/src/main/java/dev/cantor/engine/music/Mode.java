package dev.cantor.engine.music;


/** Major or minor; minor is natural minor, with the harmonic-minor leading tone on the dominant. */
public enum Mode {
    MAJOR("major", new int[] {0, 2, 4, 5, 7, 9, 11}),
    MINOR("minor", new int[] {0, 2, 3, 5, 7, 8, 10});

    private final String label;
    private final int[] intervals;

    Mode(String label, int[] intervals) {
        this.label = label;
        this.intervals = intervals;
    }

    /** "major" or "minor". */
    public String label() {
        return label;
    }

    /** The other mode: C minor for C major and back (the parallel key's mode). */
    public Mode other() {
        return this == MAJOR ? MINOR : MAJOR;
    }

    /** Semitones above the tonic of scale degree {@code degree} (0..6). */
    public int interval(int degree) {
        return intervals[degree];
    }

    /** Parses "major"/"minor" (any case). */
    public static Mode fromLabel(String text) {
        for (Mode m : values()) {
            if (m.label.equalsIgnoreCase(text.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("not a mode: '" + text + "' (expected major or minor)");
    }
}
