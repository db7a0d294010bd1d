package dev.cantor.engine.eval;

import dev.cantor.engine.audio.AudioClip;
import dev.cantor.engine.data.Composer;
import dev.cantor.engine.data.GervillRenderer;
import dev.cantor.engine.data.PieceSpec;
import dev.cantor.engine.data.Soundfont;
import dev.cantor.engine.data.SoundfontException;

/**
 * Renders the real pieces behind evaluation prompts with Gervill: the piece itself (the
 * reference, exactly as the corpus would have made it) and an alternate performance — the same
 * labels (style, mood, instruments, tempo, key) with other notes — which shows how far apart
 * two real pieces matching one prompt are.
 *
 * <p>A soundfont without the piece's drum kit (the JDK's built-in bank has only the standard
 * kit) plays the standard kit instead, as General MIDI players do; the label "drums" stays true.
 */
final class ReferenceRenderer implements AutoCloseable {

    /** Mixed into the corpus seed to compose the alternate performance. */
    private static final long ALTERNATE_SALT = 0x0A17E12A7EL;

    private final Soundfont soundfont;
    private final GervillRenderer renderer;
    private final Composer composer = new Composer();

    ReferenceRenderer(Soundfont soundfont, int sampleRate) {
        this.soundfont = soundfont;
        this.renderer = new GervillRenderer(soundfont, sampleRate);
    }

    /** The prompt's own piece. */
    AudioClip render(EvalPrompt prompt) {
        return render(prompt, prompt.spec().seconds());
    }

    /** The prompt's own piece, composed to {@code seconds} (the long-form ceiling). */
    AudioClip render(EvalPrompt prompt, double seconds) {
        return renderer.render(composer.compose(playable(prompt.spec().withSeconds(seconds))));
    }

    /** Another piece with the prompt's labels. */
    AudioClip renderAlternate(EvalPrompt prompt) {
        PieceSpec s = playable(prompt.spec());
        PieceSpec other = new PieceSpec(s.corpusSeed() ^ ALTERNATE_SALT, s.index(), s.style(), s.mood(), s.tonality(),
                s.tempoBpm(), s.seconds(), s.leadProgram(), s.harmonyProgram(), s.bassProgram(), s.padProgram(),
                s.drumKit(), s.drumPattern(), s.comp(), s.bass(), s.progression(), s.beatsPerChord(), s.pentatonic());
        return renderer.render(composer.compose(other));
    }

    private PieceSpec playable(PieceSpec s) {
        if (!s.hasDrums() || soundfont.hasDrumKit(s.drumKit())) {
            return s;
        }
        if (!soundfont.hasDrumKit(0)) {
            throw new SoundfontException(soundfont.name() + " has no drum kit to play the reference pieces with");
        }
        return new PieceSpec(s.corpusSeed(), s.index(), s.style(), s.mood(), s.tonality(), s.tempoBpm(), s.seconds(),
                s.leadProgram(), s.harmonyProgram(), s.bassProgram(), s.padProgram(), 0, s.drumPattern(), s.comp(),
                s.bass(), s.progression(), s.beatsPerChord(), s.pentatonic());
    }

    @Override
    public void close() {
        renderer.close();
    }
}
