package dev.cantor.engine.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects notes written in beats and turns them into clock-time {@link NoteEvent}s through the
 * groove. Notes that would start at or after the end of the clip are dropped and the rest are
 * cut at the end, so what is collected is exactly what will sound.
 */
final class NoteSink {

    private static final long MIN_MICROS = 20_000;

    private final Groove groove;
    private final long lengthMicros;
    private final List<NoteEvent> notes = new ArrayList<>();

    NoteSink(Groove groove, long lengthMicros) {
        this.groove = groove;
        this.lengthMicros = lengthMicros;
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
        long on = groove.micros(start) + offsetMicros;
        long off = Math.max(groove.micros(start + beats), on + MIN_MICROS);
        if (on < 0 || on >= lengthMicros) {
            return null;
        }
        off = Math.min(off, lengthMicros);
        int p = Math.max(0, Math.min(127, pitch));
        int v = Math.max(1, Math.min(127, velocity));
        NoteEvent n = new NoteEvent(channel, p, v, on, off);
        notes.add(n);
        return n;
    }

    /**
     * All notes ordered by onset, then channel, then pitch. A note is cut short where the same
     * key on the same channel is struck again, because the synthesizer's note-off would
     * otherwise silence the new note too.
     */
    List<NoteEvent> sorted() {
        List<NoteEvent> copy = new ArrayList<>(notes);
        copy.sort(Comparator.comparingLong(NoteEvent::onMicros).thenComparingInt(NoteEvent::channel)
                .thenComparingInt(NoteEvent::pitch));
        Map<Integer, Integer> lastIndexOfKey = new HashMap<>();
        for (int i = 0; i < copy.size(); i++) {
            NoteEvent n = copy.get(i);
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
