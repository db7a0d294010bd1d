package dev.cantor.engine.data;

import dev.cantor.engine.music.MelodyNote;
import java.util.List;

/**
 * Turns a {@link PieceSpec} into a {@link Score}: lays the progression over the clip, writes
 * bass, harmony, pad, drums and the lead melody, and cuts everything at the clip's length.
 * Each part draws from its own random stream (derived from the corpus seed and clip index), so
 * changing how one part is written does not reshuffle the others; so do the performance (timing,
 * dynamics: {@link Performance}) and the mix ({@link Mix}).
 */
public final class Composer {

    private static final long SALT_MELODY = 0x4D454CL;
    private static final long SALT_ACCOMPANIMENT = 0x414343L;

    /** Composes the clip described by {@code spec}. Pure: the same spec gives the same score. */
    public Score compose(PieceSpec spec) {
        Groove groove = new Groove(spec.tempoBpm(), spec.recipe().swing());
        long lengthMicros = Math.round(spec.seconds() * 1e6);
        int beatsPerBar = spec.recipe().beatsPerBar();
        int bars = (int) Math.ceil(spec.seconds() * spec.tempoBpm() / (60.0 * beatsPerBar)) + 1;
        int totalBeats = bars * beatsPerBar;
        ChordTimeline chords = new ChordTimeline(spec.progression(), spec.beatsPerChord(), spec.tonality());
        NoteSink sink = new NoteSink(groove, lengthMicros, Performance.of(spec));

        ClipRandom accRnd = new ClipRandom(ClipRandom.derive(spec.corpusSeed(), spec.index(), SALT_ACCOMPANIMENT));
        Accompaniment accompaniment = new Accompaniment(spec, chords, sink, accRnd, totalBeats);
        accompaniment.bass();
        accompaniment.harmony();
        accompaniment.pad();
        accompaniment.drums();

        ClipRandom melodyRnd = new ClipRandom(ClipRandom.derive(spec.corpusSeed(), spec.index(), SALT_MELODY));
        new MelodyWriter(spec, chords, sink, melodyRnd).write(totalBeats);
        List<NoteEvent> notes = sink.sorted();
        // the melody labels are the lead notes as played (after timing offsets and trimming)
        List<MelodyNote> melody = notes.stream().filter(n -> n.channel() == PieceSpec.LEAD_CHANNEL)
                .map(n -> new MelodyNote(n.onMicros() / 1e6, (n.offMicros() - n.onMicros()) / 1e6, n.pitch()))
                .toList();
        return new Score(spec.parts(), notes, melody, lengthMicros, Mix.of(spec).lowPassHz());
    }
}
