package dev.cantor.engine.data;

/**
 * Turns a {@link PieceSpec} into a {@link Score}: lays the progression over the clip, writes
 * bass, harmony, pad, drums and the lead melody, and cuts everything at the clip's length.
 * Each part draws from its own random stream (derived from the corpus seed and clip index), so
 * changing how one part is written does not reshuffle the others.
 */
public final class Composer {

    private static final long SALT_MELODY = 0x4D454CL;
    private static final long SALT_ACCOMPANIMENT = 0x414343L;

    /** Composes the clip described by {@code spec}. Pure: the same spec gives the same score. */
    public Score compose(PieceSpec spec) {
        Groove groove = new Groove(spec.tempoBpm(), spec.style().swing());
        long lengthMicros = Math.round(spec.seconds() * 1e6);
        int bars = (int) Math.ceil(spec.seconds() * spec.tempoBpm() / 240.0) + 1;
        int totalBeats = bars * 4;
        ChordTimeline chords = new ChordTimeline(spec.progression(), spec.beatsPerChord(), spec.tonality());
        NoteSink sink = new NoteSink(groove, lengthMicros);

        ClipRandom accRnd = new ClipRandom(ClipRandom.derive(spec.corpusSeed(), spec.index(), SALT_ACCOMPANIMENT));
        Accompaniment accompaniment = new Accompaniment(spec, chords, sink, accRnd, totalBeats);
        accompaniment.bass();
        accompaniment.harmony();
        accompaniment.pad();
        accompaniment.drums();

        ClipRandom melodyRnd = new ClipRandom(ClipRandom.derive(spec.corpusSeed(), spec.index(), SALT_MELODY));
        var melody = new MelodyWriter(spec, chords, sink, melodyRnd).write(totalBeats);
        return new Score(spec.parts(), sink.sorted(), melody, lengthMicros);
    }
}
