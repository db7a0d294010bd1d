package dev.cantor.engine.data;

import java.util.ArrayList;
import java.util.List;

/**
 * One-bar drum grooves on a sixteenth-note grid, written the way drummers sketch them: one line
 * per GM drum note, {@code X} accent, {@code x} normal, {@code o} soft, {@code g} ghost,
 * {@code .} rest. A bar of 4/4 has 16 steps, a bar of 3/4 (the waltz) 12. Every pattern puts a
 * kick, snare or accented cymbal on every beat and keeps off-beats softer, so the beat, not its
 * half or double, is the strongest periodicity: the labelled tempo is the one a listener (or a
 * tempo estimator) hears. That holds for the fast grooves too: drum and bass is labelled at
 * its 170-odd BPM, not the half-time feel, so its snare lands on 2 and 4 of the fast beat and a
 * kick or ride marks beat 3; metal's sixteenth-note double kick is even and soft against the
 * accented beats.
 *
 * <p>Patterns 0..12 are corpus v1; new ones are appended, so ordinals stay stable.
 */
public enum DrumPattern {
    ROCK(Fill.TOMS, line(36, "X.......X.o....."), line(38, "....X.......X..."), line(42, "x.o.x.o.x.o.x.o.")),
    POP(Fill.TOMS, line(36, "X.....o.X......."), line(38, "....X.......X..."), line(42, "x.o.x.o.x.o.x.o.")),
    DISCO(Fill.NONE, line(36, "X...X...X...X..."), line(39, "....x.......x..."), line(46, "..o...o...o...o.")),
    ELECTRO(Fill.NONE, line(36, "X...X...X...X..."), line(38, "....x.......x..."), line(42, "x.g.x.g.x.g.x.g.")),
    BOOM_BAP(Fill.NONE, line(36, "X......oX.o....."), line(38, "....X.......X..."), line(39, "....x.......x..."),
            line(42, "x.o.x.o.x.o.x.o.")),
    SWING(Fill.NONE, line(51, "x...x.o.x...x.o."), line(44, "....o.......o..."), line(36, "o...o...o...o...")),
    SHUFFLE(Fill.TOMS, line(36, "X.......X......."), line(38, "....X.......X..."), line(42, "x.o.x.o.x.o.x.o.")),
    BOSSA(Fill.NONE, line(36, "X..oX..oX..oX..o"), line(37, "o..o..o...o..o.."), line(70, "o.g.o.g.o.g.o.g.")),
    LATIN_POP(Fill.NONE, line(36, "X...X...X...X..."), line(37, "....x.......x..."), line(63, "..o...o...o...o.")),
    FUNK(Fill.TOMS, line(36, "X..o..o.X.o....."), line(38, "....X..g.g..X..g"), line(42, "x.o.x.o.x.o.x.o.")),
    TRAIN(Fill.NONE, line(36, "X.......X......."), line(38, "o.g.X.g.o.g.X.g.")),
    FOLK(Fill.NONE, line(36, "X.......X......."), line(39, "....X.......X..."), line(54, "o.g.o.g.o.g.o.g.")),
    SOFT_PULSE(Fill.NONE, line(36, "x.......x......."), line(37, "....o.......o..."), line(42, "o...o...o...o...")),
    // --- corpus v2 ---
    /** Sixteenth-note double kick under a backbeat, a china/ride accent on every beat. */
    METAL_DOUBLE_KICK(Fill.TOMS, line(36, "XoooXoooXoooXooo"), line(38, "....X.......X..."),
            line(51, "X...X...X...X...")),
    /** Galloping kick (one-and-a) with a crash-ride on the beats. */
    METAL_GALLOP(Fill.TOMS, line(36, "X.ooX.ooX.ooX.oo"), line(38, "....X.......X..."),
            line(42, "x...x...x...x...")),
    /** Reggae one drop: kick and cross-stick together on three, hi-hat eighths, accented beats. */
    ONE_DROP(Fill.NONE, line(36, "........X......."), line(37, "........X......."),
            line(42, "X.o.x.o.x.o.x.o.")),
    /** Reggae rockers: four-on-the-floor kick, cross-stick on two and four. */
    ROCKERS(Fill.NONE, line(36, "X...X...X...X..."), line(37, "....x.......x..."), line(42, "o.x.o.x.o.x.o.x.")),
    /** Bossa nova with brushes: surdo-like kick, cross-stick clave, soft hi-hat eighths. */
    BOSSA_NOVA(Fill.NONE, line(36, "X..oX..oX..oX..o"), line(37, "x..x..x...x..x.."), line(42, "o.g.o.g.o.g.o.g.")),
    /** Lo-fi boom bap: soft, swung, the snare laid back (see {@link Performance}). */
    LOFI(Fill.NONE, line(36, "X.....o.X.o....."), line(38, "....x.......x..."), line(42, "o.g.o.g.o.g.o.g.")),
    /** Drum and bass two-step at the fast tempo: kick on one and three-and, snare on two and four. */
    DNB_TWO_STEP(Fill.NONE, line(36, "X.......x.X....."), line(38, "....X.......X..."),
            line(42, "x.o.x.o.x.o.x.o.")),
    /** A chopped break: busier kick and ghost snares, ride on the beats. */
    DNB_BREAK(Fill.NONE, line(36, "X.o.....o.Xo...."), line(38, "....X..g.g..X..g"), line(51, "x...x...x...x...")),
    /** Epic orchestral drums: bass drum and low toms on the beats. */
    CINEMATIC(Fill.TOMS, line(36, "X.......X......."), line(41, "....x.......x..."), line(43, "o...o...o...o..."),
            line(45, "..g...g...g...g.")),
    /** Marching cadence: bass drum on the beats, snare accents on the beats, a roll every fourth bar. */
    MARCH(Fill.SNARE_ROLL, line(36, "X...x...X...x..."), line(38, "X.gox.g.X.gox.go"), line(57, "....o.......o...")),
    /** Chiptune: four-on-the-floor kick, noise snare on two and four, ticking hi-hat. */
    CHIP(Fill.NONE, line(36, "X...X...X...X..."), line(40, "....x.......x..."), line(42, "..o...o...o...o.")),
    /** Waltz in 3/4 with brushes: kick on one, snare on two and three. */
    WALTZ(Fill.NONE, line(36, "X..........."), line(38, "....o...o..."), line(42, "x...o...o..."));

    /** What ends every fourth bar. */
    public enum Fill {
        NONE, TOMS, SNARE_ROLL
    }

    /** A hit: sixteenth step in the bar (0..15, or 0..11 in 3/4), GM drum note and MIDI velocity before dynamics. */
    public record Hit(int step, int note, int velocity) {
    }

    private record Line(int note, String grid) {
    }

    private static final int CRASH = 49;
    private static final int[] FILL_TOMS = {50, 48, 47, 45};

    private static final int SNARE = 38;

    private final Fill fill;
    private final List<Line> lines;
    private final int steps;

    DrumPattern(Fill fill, Line... lines) {
        this.fill = fill;
        this.lines = List.of(lines);
        this.steps = lines[0].grid.length();
        for (Line l : lines) {
            if (l.grid.length() != steps || (steps != 16 && steps != 12)) {
                throw new IllegalStateException(name() + ": drum grids must all have 16 (4/4) or 12 (3/4) steps: "
                        + l.grid);
            }
        }
    }

    private static Line line(int note, String grid) {
        return new Line(note, grid);
    }

    /** True when the style plays a fill at the end of every fourth bar. */
    public boolean fills() {
        return fill != Fill.NONE;
    }

    public Fill fill() {
        return fill;
    }

    /** Beats in one bar of this groove: 4, or 3 for a waltz. */
    public int beatsPerBar() {
        return steps / 4;
    }

    /**
     * The hits of bar {@code bar}: the groove, a crash on the first beat of every four-bar
     * phrase, and (for patterns that fill) a descending tom fill, or a snare roll growing
     * louder, replacing the last beat of bars 4, 8, ...
     */
    public List<Hit> bar(int bar) {
        boolean fillBar = fill != Fill.NONE && bar % 4 == 3;
        int fillFrom = steps - 4;
        List<Hit> hits = new ArrayList<>();
        for (Line l : lines) {
            for (int step = 0; step < steps; step++) {
                int v = velocity(l.grid.charAt(step));
                if (v > 0 && !(fillBar && step >= fillFrom && l.note != 36)) {
                    hits.add(new Hit(step, l.note, v));
                }
            }
        }
        if (fillBar) {
            for (int i = 0; i < 4; i++) {
                if (fill == Fill.TOMS) {
                    hits.add(new Hit(fillFrom + i, FILL_TOMS[i], i == 0 ? 100 : 80));
                } else {
                    hits.add(new Hit(fillFrom + i, SNARE, i == 0 ? 100 : 60 + 12 * i));
                }
            }
        }
        if (bar % 4 == 0) {
            hits.add(new Hit(0, CRASH, 96));
        }
        return hits;
    }

    private static int velocity(char c) {
        return switch (c) {
            case 'X' -> 118;
            case 'x' -> 96;
            case 'o' -> 70;
            case 'g' -> 42;
            case '.' -> 0;
            default -> throw new IllegalStateException("unknown drum grid symbol '" + c + "'");
        };
    }
}
