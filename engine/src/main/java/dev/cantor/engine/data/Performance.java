package dev.cantor.engine.data;

import dev.cantor.engine.music.Style;

/**
 * How a clip is played rather than written: small timing offsets and a dynamic shape, seeded
 * per clip (its own random stream, so the notes and the other aspects are unchanged), so two
 * clips with the same score still sound played by different hands.
 *
 * <p>Timing: every note but those on the clip's first beat moves by a Gaussian offset (a few
 * milliseconds, drums tighter than the melodic parts, capped at three standard deviations),
 * applied to its start and end alike. Lo-fi hip-hop also lays its snare back behind the beat.
 * The offsets are far below a beat (at most ~25 ms against 300 ms at 200 BPM) and average to
 * zero, so the labelled tempo is what is heard; labels (melody onsets) are taken from the
 * played notes, so they stay exact.
 *
 * <p>Dynamics: one shape per clip, scaling every velocity by at most ±{@link #depth()}: steady,
 * a crescendo or decrescendo over the clip, swells over four-bar phrases, or terraced
 * sections alternating soft and loud every two bars. Its mean is about 1, so the mood's
 * loudness (a label) is kept.
 */
public final class Performance {

    /** The dynamic shape of a clip. */
    public enum Dynamics {
        STEADY, CRESCENDO, DECRESCENDO, SWELLS, TERRACED
    }

    private static final long SALT = 0x504552L;
    private static final long SALT_TIMING = 0x54494DL;

    private final ClipRandom timing;
    private final double melodicSdMicros;
    private final double drumSdMicros;
    private final long snareLaybackMicros;
    private final Dynamics dynamics;
    private final double depth;
    private final double clipBeats;
    private final int beatsPerBar;

    private Performance(PieceSpec spec) {
        ClipRandom rnd = new ClipRandom(ClipRandom.derive(spec.corpusSeed(), spec.index(), SALT));
        this.timing = new ClipRandom(ClipRandom.derive(spec.corpusSeed(), spec.index(), SALT_TIMING));
        this.melodicSdMicros = rnd.uniform(2_000, 8_000);
        this.drumSdMicros = rnd.uniform(1_000, 3_500);
        this.snareLaybackMicros = spec.style() == Style.LOFI_HIP_HOP ? Math.round(rnd.uniform(12_000, 24_000)) : 0;
        this.dynamics = Dynamics.values()[rnd.weighted(0.2, 0.2, 0.2, 0.2, 0.2)];
        this.depth = dynamics == Dynamics.STEADY ? 0 : rnd.uniform(0.08, 0.18);
        this.clipBeats = spec.seconds() * spec.tempoBpm() / 60.0;
        this.beatsPerBar = spec.recipe().beatsPerBar();
    }

    /** The performance of the clip described by {@code spec}. Each call starts a fresh timing stream. */
    public static Performance of(PieceSpec spec) {
        return new Performance(spec);
    }

    public Dynamics dynamics() {
        return dynamics;
    }

    /** Largest fraction by which the dynamic shape raises or lowers a velocity. */
    public double depth() {
        return depth;
    }

    /** Timing offset of the next note (draws from the clip's timing stream; call once per note, in order). */
    long offsetMicros(int channel, int pitch, double beat) {
        if (beat <= 0) {
            return 0; // the clip starts exactly on its first beat
        }
        boolean drums = channel == PieceSpec.DRUM_CHANNEL;
        double sd = drums ? drumSdMicros : melodicSdMicros;
        double offset = Math.max(-3, Math.min(3, timing.gaussian())) * sd;
        if (drums && (pitch == 38 || pitch == 39 || pitch == 40)) {
            offset += snareLaybackMicros;
        }
        return Math.round(offset);
    }

    /** Velocity factor at {@code beat}: 1 ± {@link #depth()} following the clip's dynamic shape. */
    public double velocityScale(double beat) {
        double x = Math.max(0, Math.min(1, beat / Math.max(1, clipBeats)));
        double phraseBeats = 4.0 * beatsPerBar;
        double shape = switch (dynamics) {
            case STEADY -> 0;
            case CRESCENDO -> 2 * x - 1;
            case DECRESCENDO -> 1 - 2 * x;
            case SWELLS -> -Math.cos(2 * Math.PI * beat / phraseBeats);
            case TERRACED -> ((int) Math.floor(beat / (2.0 * beatsPerBar))) % 2 == 0 ? -1 : 1;
        };
        return 1 + depth * shape;
    }
}
