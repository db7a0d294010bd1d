package dev.cantor.engine.data;

/**
 * Musical time to clock time: beats at {@code bpm}, with optional swing that delays every
 * off-beat eighth (swing 1/6 puts it at 2/3 of the beat, the triplet feel of jazz and shuffles).
 * Times are whole microseconds because that is what the synthesizer is given, so the labels are
 * exactly the rendered times.
 */
public record Groove(int bpm, double swing) {

    public Groove {
        if (bpm < 20 || bpm > 400) {
            throw new IllegalArgumentException("tempo out of range: " + bpm);
        }
        if (swing < 0 || swing > 0.25) {
            throw new IllegalArgumentException("swing must be in [0, 0.25], got " + swing);
        }
    }

    /** Microseconds per beat. */
    public double microsPerBeat() {
        return 60_000_000.0 / bpm;
    }

    /** Clock time of musical position {@code beat} (beats from the start, may be fractional). */
    public long micros(double beat) {
        double whole = Math.floor(beat);
        double frac = beat - whole;
        double off = 0.5 + swing;
        double warped = frac <= 0.5 ? frac * off / 0.5 : off + (frac - 0.5) * (1 - off) / 0.5;
        return Math.round((whole + warped) * microsPerBeat());
    }
}
