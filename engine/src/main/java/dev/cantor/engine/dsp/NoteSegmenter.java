package dev.cantor.engine.dsp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts a monophonic pitch track (a hum, a sung or whistled line, as {@link PitchTracker} gives
 * it) into notes: where each starts and ends, and its pitch as the median of its frames rounded
 * to the nearest semitone.
 *
 * <p>A note starts where the voice starts after silence, where the level dips and rises again
 * (a repeated note hummed legato: "mm-mm"), or where the pitch moves more than
 * {@value #SPLIT_SEMITONES} of a semitone from the note's own and stays there for
 * {@value #STABLE_SECONDS} s — so vibrato (a few tenths of a semitone) and a scoop into a
 * note do not split it, while a step to the next note does. Before that, frames an octave
 * away from their neighbours (YIN's usual error) are moved back into line and the track is
 * median-filtered. Notes shorter than the minimum are dropped (the glide between two notes
 * shows up as one), and a note cut from its neighbour only by such a glide is joined to it
 * again when both have the same pitch.
 *
 * <p>Onsets and ends after and before silence are placed by a 10 ms level envelope rather
 * than the pitch frames, whose 64 ms window hears a note about 30 ms before it starts.
 */
public final class NoteSegmenter {

    /** A note: start and end in seconds, MIDI pitch (60 = middle C), and its median level (RMS). */
    public record Segment(double onsetSeconds, double endSeconds, int midiPitch, double level) {
    }

    /** A pitch this far from the note's own (in semitones), held, starts a new note. */
    static final double SPLIT_SEMITONES = 0.6;
    /** ... held this long (seconds). */
    static final double STABLE_SECONDS = 0.03;
    /** Unvoiced gaps up to this long inside a steady pitch are dropouts, not rests. */
    static final double BRIDGE_SECONDS = 0.03;
    /** A dip in level this deep (dB) on both sides, inside a voiced stretch, is a new attack. */
    static final double DIP_DB = 6;
    /** How far either side of a dip its peaks are looked for (seconds). */
    static final double DIP_REACH_SECONDS = 0.06;
    /** Envelope: 10 ms windows every 5 ms. */
    private static final double ENVELOPE_WINDOW_SECONDS = 0.010;
    private static final double ENVELOPE_HOP_SECONDS = 0.005;
    /** How far an onset or end is moved to where the envelope crosses {@value #EDGE_SHARE} of the note's level. */
    private static final double EDGE_SEARCH_SECONDS = 0.05;
    private static final double EDGE_SHARE = 0.3;
    /** Frames either side a pitch is compared with when looking for octave errors. */
    private static final int OCTAVE_REACH = 7;
    /** Frames of the note's own pitch its median is taken over (the latest ones, so long notes cost little). */
    private static final int REFERENCE_FRAMES = 30;

    private final double minNoteSeconds;

    /** @param minNoteSeconds notes shorter than this are dropped (0.1 s is a sixteenth note at 150 bpm) */
    public NoteSegmenter(double minNoteSeconds) {
        if (!(minNoteSeconds >= 0) || minNoteSeconds > 10) {
            throw new IllegalArgumentException("minimum note length must be 0 to 10 s, got " + minNoteSeconds);
        }
        this.minNoteSeconds = minNoteSeconds;
    }

    /**
     * The notes of a pitch track.
     *
     * @param f0         pitch in Hz per frame, 0 where unvoiced ({@link PitchTracker#track})
     * @param frameRate  frames per second of {@code f0}
     * @param mono       the audio the track was made from (for levels and exact onsets)
     * @param sampleRate its sample rate
     */
    public List<Segment> segment(float[] f0, double frameRate, float[] mono, int sampleRate) {
        double[] pitch = smoothed(octaveFixed(semitones(f0)));
        Envelope envelope = new Envelope(mono, sampleRate);
        double[] levelDb = new double[pitch.length];
        for (int t = 0; t < pitch.length; t++) {
            levelDb[t] = envelope.db((t + 0.5) / frameRate);
        }
        int bridge = (int) Math.round(BRIDGE_SECONDS * frameRate);
        int stable = Math.max(1, (int) Math.round(STABLE_SECONDS * frameRate));
        int reach = Math.max(1, (int) Math.round(DIP_REACH_SECONDS * frameRate));
        List<int[]> pieces = new ArrayList<>();          // [first frame, last frame, attacked 0/1]
        for (int[] run : voicedRuns(pitch, bridge)) {
            int from = run[0];
            boolean attacked = true;                     // a run starts after silence
            for (int t = run[0] + 1; t <= run[1]; t++) {
                boolean dip = t - from >= stable && isDip(levelDb, t, run, reach);
                if (dip || pitchMoved(pitch, from, t, run[1], stable)) {
                    pieces.add(new int[] {from, t - 1, attacked ? 1 : 0});
                    from = t;
                    attacked = dip;
                }
            }
            pieces.add(new int[] {from, run[1], attacked ? 1 : 0});
        }
        return notes(pieces, pitch, frameRate, envelope);
    }

    /** Builds the notes: pitch, level, exact edges after silence; drops short ones and rejoins split ones. */
    private List<Segment> notes(List<int[]> pieces, double[] pitch, double frameRate, Envelope envelope) {
        List<Segment> notes = new ArrayList<>();
        boolean[] articulated = new boolean[pieces.size()];
        int kept = 0;
        for (int[] piece : pieces) {
            double onset = piece[0] / frameRate;
            double end = (piece[1] + 1) / frameRate;
            if (end - onset < minNoteSeconds) {
                continue;
            }
            int midi = (int) Math.round(median(pitch, piece[0], piece[1] + 1));
            double level = envelope.medianLevel(onset, end);
            Segment note = new Segment(onset, end, midi, level);
            Segment previous = notes.isEmpty() ? null : notes.get(notes.size() - 1);
            if (previous != null && piece[2] == 0 && previous.midiPitch() == midi
                    && onset - previous.endSeconds() <= minNoteSeconds + 1e-9) {
                notes.set(notes.size() - 1, new Segment(previous.onsetSeconds(), end, midi,
                        Math.max(previous.level(), level)));
                continue;
            }
            notes.add(note);
            articulated[kept++] = piece[2] == 1;
        }
        return refineEdges(notes, articulated, envelope);
    }

    /** Moves onsets after silence, and ends before it, to where the 10 ms envelope crosses a share of the note's level. */
    private static List<Segment> refineEdges(List<Segment> notes, boolean[] articulated, Envelope envelope) {
        List<Segment> out = new ArrayList<>(notes.size());
        for (int i = 0; i < notes.size(); i++) {
            Segment n = notes.get(i);
            double threshold = EDGE_SHARE * n.level();
            double onset = n.onsetSeconds();
            double end = n.endSeconds();
            double earliest = i == 0 ? 0 : out.get(i - 1).endSeconds();
            if (articulated[i]) {
                onset = envelope.firstAbove(threshold, Math.max(earliest, onset - EDGE_SEARCH_SECONDS),
                        onset + EDGE_SEARCH_SECONDS, onset);
            }
            boolean silenceAfter = i + 1 == notes.size() || notes.get(i + 1).onsetSeconds() > end + 1e-9;
            if (silenceAfter) {
                double latest = i + 1 < notes.size() ? notes.get(i + 1).onsetSeconds() : Double.MAX_VALUE;
                end = envelope.lastAbove(threshold, end - EDGE_SEARCH_SECONDS, Math.min(latest, end + EDGE_SEARCH_SECONDS),
                        end);
            }
            out.add(end > onset ? new Segment(onset, end, n.midiPitch(), n.level()) : n);
        }
        return out;
    }

    /** Whether the pitch from frame {@code t} on stays more than the split distance from the note begun at {@code from}. */
    private static boolean pitchMoved(double[] pitch, int from, int t, int runEnd, int stable) {
        if (t + stable - 1 > runEnd || t - from < 1) {
            return false;
        }
        double reference = median(pitch, Math.max(from, t - REFERENCE_FRAMES), t);
        double first = pitch[t];
        for (int k = t; k < t + stable; k++) {
            if (Math.abs(pitch[k] - reference) <= SPLIT_SEMITONES || Math.abs(pitch[k] - first) > SPLIT_SEMITONES) {
                return false;
            }
        }
        return true;
    }

    /** A level minimum at {@code t} at least {@link #DIP_DB} below the highest level on each side within {@code reach}. */
    private static boolean isDip(double[] db, int t, int[] run, int reach) {
        double before = Double.NEGATIVE_INFINITY;
        double after = Double.NEGATIVE_INFINITY;
        for (int k = Math.max(run[0], t - reach); k < t; k++) {
            if (db[k] < db[t]) {
                return false;
            }
            before = Math.max(before, db[k]);
        }
        for (int k = t + 1; k <= Math.min(run[1], t + reach); k++) {
            if (db[k] < db[t]) {
                return false;
            }
            after = Math.max(after, db[k]);
        }
        return before - db[t] >= DIP_DB && after - db[t] >= DIP_DB;
    }

    /**
     * Voiced stretches [first, last]. An unvoiced gap of at most {@code bridge} frames between
     * like pitches is a dropout: it is closed, its frames given the pitch before it.
     */
    private static List<int[]> voicedRuns(double[] pitch, int bridge) {
        List<int[]> runs = new ArrayList<>();
        int t = 0;
        while (t < pitch.length) {
            if (Double.isNaN(pitch[t])) {
                t++;
                continue;
            }
            int first = t;
            int last = t;
            while (true) {
                while (last + 1 < pitch.length && !Double.isNaN(pitch[last + 1])) {
                    last++;
                }
                int next = last + 1;
                while (next < pitch.length && Double.isNaN(pitch[next]) && next - last <= bridge) {
                    next++;
                }
                if (next < pitch.length && !Double.isNaN(pitch[next]) && next - last - 1 <= bridge
                        && Math.abs(pitch[next] - pitch[last]) <= SPLIT_SEMITONES) {
                    for (int k = last + 1; k < next; k++) {
                        pitch[k] = pitch[last];
                    }
                    last = next;
                } else {
                    break;
                }
            }
            runs.add(new int[] {first, last});
            t = last + 1;
        }
        return runs;
    }

    /** Fractional MIDI pitch per frame (69 = A4 = 440 Hz), NaN where unvoiced. */
    static double[] semitones(float[] f0) {
        double[] p = new double[f0.length];
        for (int t = 0; t < f0.length; t++) {
            p[t] = f0[t] > 0 ? 69 + 12 * Math.log(f0[t] / 440.0) / Math.log(2) : Double.NaN;
        }
        return p;
    }

    /** Moves by whole octaves every frame that lies an octave (±3 semitones) from the median of its voiced neighbours. */
    private static double[] octaveFixed(double[] pitch) {
        double[] out = pitch.clone();
        for (int t = 0; t < pitch.length; t++) {
            if (Double.isNaN(pitch[t])) {
                continue;
            }
            double m = median(pitch, Math.max(0, t - OCTAVE_REACH), Math.min(pitch.length, t + OCTAVE_REACH + 1));
            double off = pitch[t] - m;
            if (Math.abs(off) >= 9) {
                out[t] = pitch[t] - 12 * Math.round(off / 12);
            }
        }
        return out;
    }

    /** A 5-frame median over the voiced frames around each voiced frame (unvoiced frames stay NaN). */
    private static double[] smoothed(double[] pitch) {
        double[] out = pitch.clone();
        for (int t = 0; t < pitch.length; t++) {
            if (!Double.isNaN(pitch[t])) {
                out[t] = median(pitch, Math.max(0, t - 2), Math.min(pitch.length, t + 3));
            }
        }
        return out;
    }

    /** The median of the non-NaN values in [from, to); NaN if there are none. */
    static double median(double[] v, int from, int to) {
        double[] voiced = Arrays.stream(v, from, to).filter(x -> !Double.isNaN(x)).sorted().toArray();
        if (voiced.length == 0) {
            return Double.NaN;
        }
        int mid = voiced.length / 2;
        return voiced.length % 2 == 1 ? voiced[mid] : (voiced[mid - 1] + voiced[mid]) / 2;
    }

    /** The level of the audio in 10 ms windows every 5 ms. */
    private static final class Envelope {
        private final double[] rms;
        private final double hop;

        Envelope(float[] mono, int sampleRate) {
            int window = Math.max(1, (int) Math.round(ENVELOPE_WINDOW_SECONDS * sampleRate));
            int step = Math.max(1, (int) Math.round(ENVELOPE_HOP_SECONDS * sampleRate));
            this.hop = step / (double) sampleRate;
            rms = new double[mono.length / step + 1];
            for (int i = 0; i < rms.length; i++) {
                int from = i * step;
                int to = Math.min(mono.length, from + window);
                double sum = 0;
                for (int k = from; k < to; k++) {
                    sum += (double) mono[k] * mono[k];
                }
                rms[i] = to > from ? Math.sqrt(sum / (to - from)) : 0;
            }
        }

        private int index(double seconds) {
            return (int) Math.max(0, Math.min(rms.length - 1, Math.floor(seconds / hop)));
        }

        double db(double seconds) {
            return 20 * Math.log10(rms[index(seconds)] + 1e-9);
        }

        double medianLevel(double from, double to) {
            return median(rms, index(from), Math.max(index(from) + 1, index(to)));
        }

        /** The start of the first window in [from, to) above {@code level}; {@code otherwise} if none. */
        double firstAbove(double level, double from, double to, double otherwise) {
            for (int i = index(from); i <= index(to); i++) {
                if (rms[i] >= level) {
                    return Math.max(from, i * hop);
                }
            }
            return otherwise;
        }

        /** The end of the last window in [from, to) above {@code level}; {@code otherwise} if none. */
        double lastAbove(double level, double from, double to, double otherwise) {
            for (int i = index(to); i >= index(from); i--) {
                if (rms[i] >= level) {
                    return Math.min(to, i * hop + ENVELOPE_WINDOW_SECONDS);
                }
            }
            return otherwise;
        }
    }
}
