package dev.cantor.engine.data;

import dev.cantor.engine.music.GmInstruments;
import dev.cantor.engine.music.Mode;
import dev.cantor.engine.music.Mood;
import dev.cantor.engine.music.Tonality;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the lead: a monophonic line in two-bar phrases. Rhythm comes from one-beat cells whose
 * note count follows the style's density and the mood; the second phrase often repeats the
 * first one's rhythm (a motif). Pitch moves mostly by scale step, sometimes leaps (and then
 * steps back), leans back toward the middle of its register, and lands on chord tones on strong
 * beats and at phrase ends; each phrase ends on a held note and a breath. Every pitch is taken
 * from the scale of the labelled key (the raised seventh only over a minor key's V chord).
 */
final class MelodyWriter {

    private static final int[] MAJOR_PENTATONIC = {0, 1, 2, 4, 5};
    private static final int[] MINOR_PENTATONIC = {0, 2, 3, 4, 6};

    /** One note slot of a rhythm: start and length in beats within the phrase. */
    private record Slot(double start, double beats) {
    }

    private final PieceSpec spec;
    private final ChordTimeline chords;
    private final NoteSink sink;
    private final ClipRandom rnd;
    private final Tonality tonality;
    private final int tonicMidi;
    private final int centerStep;
    private final boolean swung;
    /** Two bars: 8 beats in 4/4, 6 in a waltz. */
    private final int phraseBeats;
    private final int beatsPerBar;

    private int step;
    private int lastMove;

    MelodyWriter(PieceSpec spec, ChordTimeline chords, NoteSink sink, ClipRandom rnd) {
        this.spec = spec;
        this.chords = chords;
        this.sink = sink;
        this.rnd = rnd;
        this.tonality = spec.tonality();
        int center = Math.max(50, Math.min(88, GmInstruments.leadCenter(spec.leadProgram())
                + spec.mood().registerShift()));
        this.tonicMidi = tonality.tonicAtOrBelow(center);
        this.centerStep = tonality.nearestStep(center, tonicMidi);
        this.swung = spec.recipe().swing() > 0;
        this.beatsPerBar = spec.recipe().beatsPerBar();
        this.phraseBeats = 2 * beatsPerBar;
        this.step = centerStep;
    }

    /** Writes the melody on the lead channel up to {@code totalBeats}. */
    void write(int totalBeats) {
        boolean pickupRest = rnd.chance(0.25);
        List<Slot> motif = null;
        for (int phrase = 0; phrase * phraseBeats < totalBeats; phrase++) {
            double phraseStart = phrase == 0 && pickupRest ? 1 : phrase * phraseBeats;
            double phraseEnd = (phrase + 1) * phraseBeats;
            boolean answer = phrase % 2 == 1;
            List<Slot> rhythm = answer && motif != null && rnd.chance(0.6) ? motif : rhythm(phraseEnd - phraseStart);
            if (!answer) {
                motif = rhythm;
            }
            step = startingStep(phraseStart);
            for (int i = 0; i < rhythm.size(); i++) {
                Slot slot = rhythm.get(i);
                double at = phraseStart + slot.start;
                if (i > 0) {
                    step = nextStep(at, slot.beats >= 1 || isStrong(at) || i == rhythm.size() - 1);
                }
                play(at, slot.beats, i == 0 || isStrong(at), phraseStart);
            }
        }
    }

    private void play(double at, double beats, boolean accent, double phraseStart) {
        boolean leading = chords.chordAt(at).harmonic();
        int pitch = tonality.pitchOfStep(step, tonicMidi, leading);
        Mood mood = spec.mood();
        double arch = 5 * Math.sin(Math.PI * (at - phraseStart) / phraseBeats);
        int velocity = (int) Math.round(mood.velocity() + (accent ? 6 : 0) + arch
                + 0.5 * mood.velocitySpread() * rnd.gaussian());
        double gate = mood.gate() >= 0.95 ? Math.max(0.5, (beats - 0.03) / beats) : mood.gate();
        double sounding = Math.max(0.12, beats * gate);
        sink.add(PieceSpec.LEAD_CHANNEL, pitch, Math.max(20, velocity), at, sounding);
    }

    /** A phrase rhythm filling {@code length} beats, ending on a held note and a rest. */
    private List<Slot> rhythm(double length) {
        double density = spec.recipe().melodyDensity() * spec.mood().density();
        if (spec.tempoBpm() > 140) {
            density *= 0.75;
        }
        density = Math.max(0.35, Math.min(swung ? 2 : 2.5, density));
        double restAtEnd = rnd.chance(0.5) ? 1 : 2;
        double holdStart = length - restAtEnd - (rnd.chance(0.5) ? 1 : 2);
        List<Slot> slots = new ArrayList<>();
        for (int beat = 0; beat < holdStart; beat++) {
            int count = (int) Math.floor(density + rnd.uniform());
            count = Math.max(0, Math.min(swung ? 2 : 4, count));
            if (beat == 0) {
                count = Math.max(1, count); // a phrase starts with a note, so even a slow, short clip has a melody
            }
            if (count == 0) {
                if (!slots.isEmpty() && rnd.chance(0.7)) {
                    Slot prev = slots.remove(slots.size() - 1);
                    slots.add(new Slot(prev.start, prev.beats + 1));
                }
                continue;
            }
            double t = beat;
            for (double d : cell(count)) {
                slots.add(new Slot(t, d));
                t += d;
            }
        }
        slots.add(new Slot(Math.max(0, holdStart), length - restAtEnd - Math.max(0, holdStart)));
        return slots;
    }

    /** Durations (beats) of {@code count} notes filling one beat. */
    private double[] cell(int count) {
        return switch (count) {
            case 1 -> new double[] {1};
            case 2 -> swung || rnd.chance(0.75) ? new double[] {0.5, 0.5} : new double[] {0.75, 0.25};
            case 3 -> rnd.chance(0.5) ? new double[] {0.5, 0.25, 0.25} : new double[] {0.25, 0.25, 0.5};
            default -> new double[] {0.25, 0.25, 0.25, 0.25};
        };
    }

    /** Beats one and three in 4/4; the downbeat in 3/4. */
    private boolean isStrong(double beat) {
        int strongEvery = beatsPerBar == 3 ? 3 : 2;
        return beat == Math.floor(beat) && ((int) beat) % strongEvery == 0;
    }

    /** Phrases begin on a chord tone near the middle of the register. */
    private int startingStep(double at) {
        lastMove = 0;
        return snapToChordTone(centerStep + rnd.between(-2, 2), at);
    }

    private int nextStep(double at, boolean strong) {
        int next;
        int lo = centerStep - 6;
        int hi = centerStep + 7;
        int direction;
        if (step > centerStep + 4) {
            direction = rnd.chance(0.8) ? -1 : 1;
        } else if (step < centerStep - 3) {
            direction = rnd.chance(0.8) ? 1 : -1;
        } else {
            direction = lastMove != 0 && rnd.chance(0.6) ? Integer.signum(lastMove) : (rnd.chance(0.5) ? 1 : -1);
        }
        if (Math.abs(lastMove) >= 3) {
            next = step - Integer.signum(lastMove); // recover from a leap by step the other way
        } else {
            int kind = rnd.weighted(0.58, 0.27, 0.15);
            next = switch (kind) {
                case 0 -> step + direction;
                case 1 -> step + direction * rnd.between(2, 4);
                default -> step;
            };
        }
        next = Math.max(lo, Math.min(hi, next));
        if (strong) {
            next = snapToChordTone(next, at);
        } else if (spec.pentatonic()) {
            next = snapToPentatonic(next, direction);
        }
        lastMove = next - step;
        return next;
    }

    private int snapToChordTone(int s, double at) {
        boolean leading = chords.chordAt(at).harmonic();
        for (int d : new int[] {0, 1, -1, 2, -2, 3, -3}) {
            if (chords.isChordTone(tonality.pitchOfStep(s + d, tonicMidi, leading), at)) {
                return s + d;
            }
        }
        return s;
    }

    private int snapToPentatonic(int s, int direction) {
        int[] allowed = tonality.mode() == Mode.MAJOR ? MAJOR_PENTATONIC : MINOR_PENTATONIC;
        for (int d = 0; d < 3; d++) {
            int candidate = s + d * (direction == 0 ? 1 : direction);
            int degree = Math.floorMod(candidate, 7);
            for (int a : allowed) {
                if (a == degree) {
                    return candidate;
                }
            }
        }
        return s;
    }
}
