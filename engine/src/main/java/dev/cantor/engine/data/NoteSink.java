package dev.cantor.engine.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects notes written in beats and turns them into clock-time {@link NoteEvent}s through the
 * groove and the {@link Performance} (timing offsets, dynamic shape). Notes that would start at
 * or after the end of the clip are dropped and the rest are cut at the end, so what is collected
 * is exactly what will sound.
 */
final class NoteSink {

    private static final long MIN_MICROS = 20_000;

    private final Groove groove;
    private final long lengthMicros;
    private final Performance performance;
    private final List<NoteEvent> notes = new ArrayList<>();

    NoteSink(Groove groove, long lengthMicros, Performance performance) {
        this.groove = groove;
        this.lengthMicros = lengthMicros;
        this.performance = performance;
    }

    Groove groove() {
        return groove;
    }

    /** Adds a note from beat {@code start} lasting {@code beats}; returns it, or null if dropped. */
    NoteEvent add(int channel, int pitch, int velocity, double start, double beats) {
        return add(channel, pitch, velocity, start, beats, 0);
    }

    /**
     * As {@link #add(int, int, int, double, double)}, shifted by {@code offsetMicros} (used to
     * spread the notes of a strummed chord).
     */
    NoteEvent add(int channel, int pitch, int velocity, double start, double beats, long offsetMicros) {
        long played = performance.offsetMicros(channel, pitch, start);
        long on = Math.max(0, groove.micros(start) + offsetMicros + played);
        long off = Math.max(groove.micros(start + beats) + played, on + MIN_MICROS);
        if (start < 0 || on >= lengthMicros) {
            return null;
        }
        off = Math.min(off, lengthMicros);
        int p = Math.max(0, Math.min(127, pitch));
        int v = (int) Math.max(1, Math.min(127, Math.round(velocity * performance.velocityScale(start))));
        NoteEvent n = new NoteEvent(channel, p, v, on, off);
        notes.add(n);
        return n;
    }

    /**
     * All notes ordered by onset, then channel, then pitch. A note is cut short where the same
     * key on the same channel is struck again, because the synthesizer's note-off would
     * otherwise silence the new note too; and a lead note where the next lead note starts, so
     * the melody stays monophonic however the timing moved.
     */
    List<NoteEvent> sorted() {
        List<NoteEvent> copy = new ArrayList<>(notes);
        copy.sort(Comparator.comparingLong(NoteEvent::onMicros).thenComparingInt(NoteEvent::channel)
                .thenComparingInt(NoteEvent::pitch));
        Map<Integer, Integer> lastIndexOfKey = new HashMap<>();
        int lastLead = -1;
        for (int i = 0; i < copy.size(); i++) {
            NoteEvent n = copy.get(i);
            if (n.channel() == PieceSpec.LEAD_CHANNEL) {
                if (lastLead >= 0 && copy.get(lastLead).offMicros() > n.onMicros()) {
                    NoteEvent p = copy.get(lastLead);
                    copy.set(lastLead, new NoteEvent(p.channel(), p.pitch(), p.velocity(), p.onMicros(),
                            Math.max(p.onMicros() + 1, n.onMicros())));
                }
                lastLead = i;
            }
            Integer prev = lastIndexOfKey.put(n.channel() * 128 + n.pitch(), i);
            if (prev != null) {
                NoteEvent p = copy.get(prev);
                if (p.offMicros() > n.onMicros()) {
                    long off = Math.max(p.onMicros() + 1, n.onMicros());
                    copy.set(prev, new NoteEvent(p.channel(), p.pitch(), p.velocity(), p.onMicros(), off));
                }
            }
        }
        return copy;
    }
}
