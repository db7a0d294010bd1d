package dev.cantor.engine.data;

import java.util.ArrayList;
import java.util.List;

/**
 * One-bar drum grooves on a sixteenth-note grid, written the way drummers sketch them: one line
 * per GM drum note, {@code X} accent, {@code x} normal, {@code o} soft, {@code g} ghost,
 * {@code .} rest. Every pattern puts a kick or snare (or, for swing, ride plus feathered kick) on
 * all four beats and keeps off-beats softer, so the beat, not its half or double, is the
 * strongest periodicity: the labelled tempo is the one a listener (or a tempo estimator) hears.
 */
public enum DrumPattern {
    ROCK(true, line(36, "X.......X.o....."), line(38, "....X.......X..."), line(42, "x.o.x.o.x.o.x.o.")),
    POP(true, line(36, "X.....o.X......."), line(38, "....X.......X..."), line(42, "x.o.x.o.x.o.x.o.")),
    DISCO(false, line(36, "X...X...X...X..."), line(39, "....x.......x..."), line(46, "..o...o...o...o.")),
    ELECTRO(false, line(36, "X...X...X...X..."), line(38, "....x.......x..."), line(42, "x.g.x.g.x.g.x.g.")),
    BOOM_BAP(false, line(36, "X......oX.o....."), line(38, "....X.......X..."), line(39, "....x.......x..."),
            line(42, "x.o.x.o.x.o.x.o.")),
    SWING(false, line(51, "x...x.o.x...x.o."), line(44, "....o.......o..."), line(36, "o...o...o...o...")),
    SHUFFLE(true, line(36, "X.......X......."), line(38, "....X.......X..."), line(42, "x.o.x.o.x.o.x.o.")),
    BOSSA(false, line(36, "X..oX..oX..oX..o"), line(37, "o..o..o...o..o.."), line(70, "o.g.o.g.o.g.o.g.")),
    LATIN_POP(false, line(36, "X...X...X...X..."), line(37, "....x.......x..."), line(63, "..o...o...o...o.")),
    FUNK(true, line(36, "X..o..o.X.o....."), line(38, "....X..g.g..X..g"), line(42, "x.o.x.o.x.o.x.o.")),
    TRAIN(false, line(36, "X.......X......."), line(38, "o.g.X.g.o.g.X.g.")),
    FOLK(false, line(36, "X.......X......."), line(39, "....X.......X..."), line(54, "o.g.o.g.o.g.o.g.")),
    SOFT_PULSE(false, line(36, "x.......x......."), line(37, "....o.......o..."), line(42, "o...o...o...o..."));

    /** A hit: sixteenth step in the bar (0..15), GM drum note and MIDI velocity before dynamics. */
    public record Hit(int step, int note, int velocity) {
    }

    private record Line(int note, String grid) {
    }

    private static final int CRASH = 49;
    private static final int[] FILL_TOMS = {50, 48, 47, 45};

    private final boolean fills;
    private final List<Line> lines;

    DrumPattern(boolean fills, Line... lines) {
        this.fills = fills;
        this.lines = List.of(lines);
        for (Line l : lines) {
            if (l.grid.length() != 16) {
                throw new IllegalStateException(name() + ": drum grid must have 16 steps: " + l.grid);
            }
        }
    }

    private static Line line(int note, String grid) {
        return new Line(note, grid);
    }

    /** True when the style plays a tom fill at the end of every fourth bar. */
    public boolean fills() {
        return fills;
    }

    /**
     * The hits of bar {@code bar}: the groove, a crash on the first beat of every four-bar
     * phrase, and (for patterns that fill) a descending tom fill replacing the last beat of
     * bars 4, 8, ...
     */
    public List<Hit> bar(int bar) {
        boolean fillBar = fills && bar % 4 == 3;
        List<Hit> hits = new ArrayList<>();
        for (Line l : lines) {
            for (int step = 0; step < 16; step++) {
                int v = velocity(l.grid.charAt(step));
                if (v > 0 && !(fillBar && step >= 12 && l.note != 36)) {
                    hits.add(new Hit(step, l.note, v));
                }
            }
        }
        if (fillBar) {
            for (int i = 0; i < 4; i++) {
                hits.add(new Hit(12 + i, FILL_TOMS[i], i == 0 ? 100 : 80));
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
