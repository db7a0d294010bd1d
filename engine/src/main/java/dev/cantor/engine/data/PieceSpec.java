package dev.cantor.engine.data;

import dev.cantor.engine.music.Mood;
import dev.cantor.engine.music.Style;
import dev.cantor.engine.music.Tonality;
import java.util.List;
import java.util.Objects;

/**
 * Everything decided about a clip before a note is written: the labels (style, mood, key, mode,
 * tempo, instruments) and the arrangement choices that realise them.
 *
 * @param corpusSeed    seed of the whole corpus
 * @param index         clip number within the corpus (the clip depends only on seed and index)
 * @param padProgram    GM program of a sustained pad, or -1 for none
 * @param drumKit       GM drum kit on channel 10, or -1 for no drums
 * @param drumPattern   groove, or null when there are no drums
 * @param beatsPerChord harmonic rhythm
 * @param pentatonic    the melody keeps to the pentatonic subset of the scale
 */
public record PieceSpec(
        long corpusSeed,
        int index,
        Style style,
        Mood mood,
        Tonality tonality,
        int tempoBpm,
        double seconds,
        int leadProgram,
        int harmonyProgram,
        int bassProgram,
        int padProgram,
        int drumKit,
        DrumPattern drumPattern,
        CompStyle comp,
        BassStyle bass,
        List<ChordSymbol> progression,
        int beatsPerChord,
        boolean pentatonic) {

    /** MIDI channels of the parts (drums are always channel 10, index 9). */
    public static final int LEAD_CHANNEL = 0;
    public static final int HARMONY_CHANNEL = 1;
    public static final int BASS_CHANNEL = 2;
    public static final int PAD_CHANNEL = 3;
    public static final int DRUM_CHANNEL = 9;

    /** Tempo range of the corpus (v1 was 60..180). */
    public static final int MIN_BPM = 50;
    public static final int MAX_BPM = 200;

    public PieceSpec {
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(mood, "mood");
        Objects.requireNonNull(tonality, "tonality");
        Objects.requireNonNull(comp, "comp");
        Objects.requireNonNull(bass, "bass");
        progression = List.copyOf(progression);
        if (tempoBpm < MIN_BPM || tempoBpm > MAX_BPM) {
            throw new IllegalArgumentException("tempo must be " + MIN_BPM + ".." + MAX_BPM + " BPM, got " + tempoBpm);
        }
        if (!(seconds > 0)) {
            throw new IllegalArgumentException("seconds must be positive");
        }
        if ((drumKit >= 0) != (drumPattern != null)) {
            throw new IllegalArgumentException("a drum kit needs a pattern and vice versa");
        }
        if (progression.isEmpty() || beatsPerChord <= 0) {
            throw new IllegalArgumentException("need a chord progression and a harmonic rhythm");
        }
    }

    /** The same piece composed to another length (the composer plays its progression on for longer). */
    public PieceSpec withSeconds(double length) {
        return new PieceSpec(corpusSeed, index, style, mood, tonality, tempoBpm, length, leadProgram, harmonyProgram,
                bassProgram, padProgram, drumKit, drumPattern, comp, bass, progression, beatsPerChord, pentatonic);
    }

    /** How the composer plays this clip's style. */
    public StyleRecipe recipe() {
        return StyleRecipe.of(style);
    }

    public boolean hasDrums() {
        return drumKit >= 0;
    }

    /**
     * The instruments in mixing order: lead, harmony, pad (if any), bass, drums (if any), with
     * this clip's reverb and chorus sends ({@link Mix}).
     */
    public List<Part> parts() {
        return Mix.of(this).parts(this);
    }

    /** Distinct instrument names, in part order (e.g. ["flute", "piano", "acoustic bass", "drums"]). */
    public List<String> instrumentNames() {
        return parts().stream().map(Part::instrumentName).distinct().toList();
    }

    /** Distinct GM programs of the melodic parts, in part order. */
    public List<Integer> programs() {
        return parts().stream().filter(p -> p.role() != PartRole.DRUMS).map(Part::program).distinct().toList();
    }
}
