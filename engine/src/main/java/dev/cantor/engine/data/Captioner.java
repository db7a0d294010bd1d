package dev.cantor.engine.data;

import dev.cantor.engine.music.GmInstruments;
import dev.cantor.engine.music.Mood;
import dev.cantor.engine.music.MusicWords;
import dev.cantor.engine.music.Style;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a natural-language caption for a clip, the way people describe music: many sentence
 * shapes, synonyms for style, mood, instruments and tempo, sometimes an explicit BPM or key.
 * Every caption names the clip's style or mood and at least one of its instruments, and says
 * nothing that is not true of the clip. Deterministic per clip.
 */
public final class Captioner {

    private static final long SALT = 0xCA9710L;

    /** Sentence shapes; each has {style} or {mood} and at least one instrument slot. */
    private static final List<String> TEMPLATES = List.of(
            "a {mood} {style} track with {all}",
            "{tempo} {style} featuring {lead} over {backing}",
            "{mood} {style} music led by {lead}",
            "{style} piece for {all}, {mood} and {tempo}",
            "instrumental {style}: {all}",
            "{lead} melody over {backing}, a {mood} {style} tune",
            "a {tempo}, {mood} tune played on {all}",
            "{mood} and {tempo}: {lead} with {backing}",
            "{style} groove built on {backing}, with {lead} on top",
            "a {mood} instrumental where {lead} carries the melody over {backing}",
            "{tempo} {mood} {style} with {all}",
            "{lead} solo with {backing} in a {style} style",
            "background music: {mood} {style}, {all}",
            "{style} jam with {lead} taking the lead, {mood} feel",
            "{lead}, backed by {backing}, plays a {mood} {style} piece",
            "a {style} song with a {mood} mood, featuring {all}",
            "{mood} {style}. {lead} melody, {backing} underneath",
            "{tempo} {style} instrumental with {all}",
            "{lead} over {backing}; {mood}, {tempo} {style}",
            "an instrumental {style} cut: {all}, {mood} atmosphere",
            "{mood} vibes: {style} with {lead}",
            "a short {style} clip with {all}",
            "{style}, {mood}, {all}",
            "{lead} leads a {tempo} {style} arrangement with {backing}",
            "music for a {mood} moment: {lead} over {backing}",
            "{mood} {lead} melody in a {style} setting");

    /**
     * The caption of the clip described by {@code spec}: a short description (most often), a
     * MusicCaps-like paragraph of full sentences, a tag list, or musicians' shorthand.
     */
    public String caption(PieceSpec spec) {
        ClipRandom rnd = new ClipRandom(ClipRandom.derive(spec.corpusSeed(), spec.index(), SALT));
        return switch (rnd.weighted(0.55, 0.25, 0.12, 0.08)) {
            case 0 -> description(spec, rnd);
            case 1 -> CaptionSentences.paragraph(spec, rnd);
            case 2 -> CaptionSentences.tags(spec, rnd);
            default -> CaptionSentences.shorthand(spec, rnd);
        };
    }

    /** The v1 caption: one sentence from {@link #TEMPLATES}, sometimes with BPM and key. */
    private static String description(PieceSpec spec, ClipRandom rnd) {
        String template = rnd.pick(TEMPLATES);
        List<String> names = spec.instrumentNames();
        List<String> phrases = new ArrayList<>();
        for (String name : names) {
            phrases.add(rnd.pick(phrasesFor(name, spec)));
        }
        String lead = phrases.get(0);
        List<String> backing = phrases.subList(1, phrases.size());
        String text = template
                .replace("{style}", rnd.pick(MusicWords.styleSentenceWords(spec.style())))
                .replace("{mood}", rnd.pick(MusicWords.moodWords(spec.mood())))
                .replace("{tempo}", rnd.pick(MusicWords.tempoWords(spec.tempoBpm())))
                .replace("{lead}", lead)
                .replace("{backing}", backing.isEmpty() ? "a light rhythm section" : list(backing, rnd))
                .replace("{all}", list(phrases, rnd));
        StringBuilder sentence = new StringBuilder(text);
        if (rnd.chance(0.35)) {
            sentence.append(rnd.pick(List.of(" at %d bpm", ", %d BPM", " at around %d beats per minute",
                    ", tempo %d", " (%d BPM)")).formatted(spec.tempoBpm()));
        }
        if (rnd.chance(0.3)) {
            sentence.append(rnd.pick(List.of(" in %s", ", key of %s", ", in the key of %s"))
                    .formatted(spec.tonality().label()));
        }
        return finish(sentence.toString());
    }

    /** A random word for the style from the sentence vocabulary. */
    static String styleWord(Style style, ClipRandom rnd) {
        return rnd.pick(MusicWords.styleSentenceWords(style));
    }

    /** A random shorthand word for the style ("dnb", "lofi"). */
    static String shorthandWord(Style style, ClipRandom rnd) {
        return rnd.pick(MusicWords.styleShorthand(style));
    }

    static String moodWord(Mood mood, ClipRandom rnd) {
        return rnd.pick(MusicWords.moodWords(mood));
    }

    static List<String> phrasesFor(String name, PieceSpec spec) {
        if (name.equals(GmInstruments.DRUMS)) {
            return MusicWords.drumWords(spec.drumKit() == 24 || spec.drumKit() == 25);
        }
        return MusicWords.instrumentPhrases(name);
    }

    /** Like {@link #phrasesFor}, but drums may be described the way the style plays them. */
    static List<String> sentencePhrasesFor(String name, PieceSpec spec) {
        List<String> styled = MusicWords.styleDrumWords(spec.style());
        if (name.equals(GmInstruments.DRUMS) && !styled.isEmpty()) {
            return styled;
        }
        return phrasesFor(name, spec);
    }

    /** "a, b and c" in one of several ways; sometimes names only the first few. */
    static String list(List<String> items, ClipRandom rnd) {
        List<String> use = items.size() > 2 && rnd.chance(0.25) ? items.subList(0, 2) : items;
        if (use.size() == 1) {
            return use.get(0);
        }
        String last = use.get(use.size() - 1);
        String head = String.join(", ", use.subList(0, use.size() - 1));
        return switch (rnd.below(4)) {
            case 0 -> head + " and " + last;
            case 1 -> head + " & " + last;
            case 2 -> head + " plus " + last;
            default -> head + ", " + last;
        };
    }

    /** Fixes "a" before vowels and capitalises each sentence. */
    static String finish(String text) {
        String fixed = text.replaceAll("\\b([Aa]) (?=[aeiouAEIOU8])", "$1n ");
        StringBuilder out = new StringBuilder(fixed);
        for (int i = 0; i < out.length(); i++) {
            if (i == 0 || (i >= 2 && out.charAt(i - 2) == '.' && out.charAt(i - 1) == ' ')) {
                out.setCharAt(i, Character.toUpperCase(out.charAt(i)));
            }
        }
        return out.append('.').toString();
    }
}
