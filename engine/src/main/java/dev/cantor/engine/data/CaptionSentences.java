package dev.cantor.engine.data;

import dev.cantor.engine.music.MusicWords;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The corpus v2 caption families beside {@link Captioner}'s one-line descriptions: MusicCaps-like
 * paragraphs ("This is a lo-fi hip-hop instrumental with a mellow electric piano ... at about
 * 80 bpm, with a warm, slightly muffled recording."), tag lists ("lofi, chill, electric piano,
 * 80 bpm") and musicians' shorthand ("dnb w/ sawtooth lead"). Like every caption, each names the
 * style (or mood) and the lead instrument and says nothing untrue: the recording words come from
 * the clip's {@link Mix}, the dynamics words from its {@link Performance}.
 */
final class CaptionSentences {

    /** Paragraph shapes: {style} {mood} {lead} {backing} {all} {tempo} {pace} {feel} {dynamics} {meter}. */
    private static final List<String> PARAGRAPHS = List.of(
            "This is a {style} instrumental with {all}. It feels {mood}{tempo}, with a {feel} recording.",
            "A {mood} {style} piece{meter}. {lead} plays the melody over {backing}{dynamics}. The recording sounds {feel}.",
            "The song is an instrumental {style} track. The melody is carried by {lead}, with {backing} underneath. "
                    + "The mood is {mood}{tempo}.",
            "This {mood} {style} recording features {all}{tempo}. The sound is {feel}{dynamics}.",
            "Instrumental {style} music{meter}: {lead} over {backing}. It is {mood}{tempo}, and the mix is {feel}.",
            "Here {lead} leads a {style} arrangement with {backing}{dynamics}. {feel} sound, {mood} mood.",
            "A {style} tune{meter} played on {all}. The atmosphere is {mood}{tempo}; the recording is {feel}.",
            "This track is {style} music with a {mood} character. You can hear {all}{dynamics}{tempo}.",
            "An instrumental in the {style} style: {lead} on the melody, {backing} in the background. "
                    + "{feel} production.{pace}",
            "{lead} carries a {mood} melody in this {style} piece{meter}, backed by {backing}. "
                    + "The recording is {feel}.{pace}");

    private CaptionSentences() {
    }

    static String paragraph(PieceSpec spec, ClipRandom rnd) {
        List<String> phrases = phrases(spec, rnd, true);
        String lead = phrases.get(0);
        List<String> backing = phrases.subList(1, phrases.size());
        String text = rnd.pick(PARAGRAPHS)
                .replace("{style}", Captioner.styleWord(spec.style(), rnd))
                .replace("{mood}", Captioner.moodWord(spec.mood(), rnd))
                .replace("{lead}", lead)
                .replace("{backing}", backing.isEmpty() ? "a light rhythm section" : Captioner.list(backing, rnd))
                .replace("{all}", Captioner.list(phrases, rnd))
                .replace("{tempo}", tempoClause(spec, rnd))
                .replace("{feel}", rnd.pick(Mix.of(spec).feelWords()))
                .replace("{dynamics}", dynamicsClause(spec, rnd))
                .replace("{pace}", rnd.chance(0.6) ? " The tempo is " + rnd.pick(MusicWords.tempoWords(spec.tempoBpm()))
                        + (rnd.chance(0.5) ? ", around " + spec.tempoBpm() + " bpm." : ".") : "")
                .replace("{meter}", spec.recipe().beatsPerBar() == 3 ? rnd.pick(List.of(" in 3/4 time",
                        " in three-four time", "")) : "");
        String keyed = rnd.chance(0.3) ? text + " It is in " + spec.tonality().label() : text;
        return Captioner.finish(keyed.endsWith(".") ? keyed.substring(0, keyed.length() - 1) : keyed);
    }

    /** "lofi, chill, electric piano, drums, 80 bpm": style, mood, instruments and sometimes tempo, key, sound. */
    static String tags(PieceSpec spec, ClipRandom rnd) {
        List<String> tags = new ArrayList<>();
        tags.add(rnd.chance(0.5) ? Captioner.shorthandWord(spec.style(), rnd) : Captioner.styleWord(spec.style(), rnd));
        tags.add(Captioner.moodWord(spec.mood(), rnd));
        List<String> names = spec.instrumentNames();
        for (int i = 0; i < names.size(); i++) {
            if (i == 0 || rnd.chance(0.6)) {
                tags.add(stripArticle(rnd.pick(Captioner.phrasesFor(names.get(i), spec))));
            }
        }
        if (rnd.chance(0.5)) {
            tags.add(spec.tempoBpm() + " bpm");
        }
        if (rnd.chance(0.25)) {
            tags.add(spec.tonality().label());
        }
        if (rnd.chance(0.3)) {
            tags.add(rnd.pick(Mix.of(spec).feelWords()).replace(",", ""));
        }
        if (spec.recipe().beatsPerBar() == 3 && rnd.chance(0.5)) {
            tags.add("3/4");
        }
        return upperKey(String.join(", ", tags).toLowerCase(Locale.ROOT), spec);
    }

    /** "dnb w/ sawtooth lead", "lofi e-piano 80 bpm", "8-bit square lead": the style and the lead, terse. */
    static String shorthand(PieceSpec spec, ClipRandom rnd) {
        String style = Captioner.shorthandWord(spec.style(), rnd);
        String lead = stripArticle(rnd.pick(Captioner.phrasesFor(spec.instrumentNames().get(0), spec)));
        String mood = Captioner.moodWord(spec.mood(), rnd);
        return switch (rnd.below(6)) {
            case 0 -> style + " w/ " + lead;
            case 1 -> style + " " + lead + " " + spec.tempoBpm() + " bpm";
            case 2 -> mood + " " + style + ", " + lead;
            case 3 -> style + " beat, " + lead + ", " + spec.tempoBpm() + " bpm";
            case 4 -> lead + " " + style + " jam";
            default -> style + " + " + lead + " (" + mood + ")";
        };
    }

    /** Instrument phrases in part order (drums as the style plays them when {@code styled}). */
    private static List<String> phrases(PieceSpec spec, ClipRandom rnd, boolean styled) {
        List<String> phrases = new ArrayList<>();
        for (String name : spec.instrumentNames()) {
            phrases.add(rnd.pick(styled ? Captioner.sentencePhrasesFor(name, spec) : Captioner.phrasesFor(name, spec)));
        }
        return phrases;
    }

    /** ", at about 80 bpm" / ", and the tempo is slow" / "": the tempo, in words or numbers. */
    private static String tempoClause(PieceSpec spec, ClipRandom rnd) {
        String word = rnd.pick(MusicWords.tempoWords(spec.tempoBpm()));
        return switch (rnd.below(5)) {
            case 0 -> ", at about " + spec.tempoBpm() + " bpm";
            case 1 -> ", " + word + " at " + spec.tempoBpm() + " BPM";
            case 2 -> " and " + word;
            case 3 -> ", with a " + word + " pulse";
            default -> "";
        };
    }

    private static String dynamicsClause(PieceSpec spec, ClipRandom rnd) {
        Performance p = Performance.of(spec);
        return switch (p.dynamics()) {
            case STEADY -> rnd.pick(List.of("", ", at an even volume"));
            case CRESCENDO -> rnd.pick(List.of(", building in intensity", ", growing louder as it goes"));
            case DECRESCENDO -> rnd.pick(List.of(", settling down as it goes", ", getting softer towards the end"));
            case SWELLS -> rnd.pick(List.of(", rising and falling in waves", ", with swelling dynamics"));
            case TERRACED -> rnd.pick(List.of(", alternating soft and loud passages", ", with quiet and loud sections"));
        };
    }

    private static String stripArticle(String phrase) {
        return phrase.replaceFirst("^(a|an) ", "");
    }

    /** Tags are lower case, but a key keeps its capital letter ("a minor" would read as an article). */
    private static String upperKey(String tags, PieceSpec spec) {
        String label = spec.tonality().label();
        return tags.replace(label.toLowerCase(Locale.ROOT), label);
    }
}
