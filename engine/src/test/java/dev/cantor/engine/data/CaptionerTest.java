package dev.cantor.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cantor.engine.music.GmInstruments;
import dev.cantor.engine.music.Mood;
import dev.cantor.engine.music.MusicWords;
import dev.cantor.engine.music.Style;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CaptionerTest {

    private static final int CLIPS = 200;

    private final SpecSampler sampler = SpecSampler.fullGeneralMidi();
    private final Captioner captioner = new Captioner();

    @Test
    void everyCaptionNamesStyleOrMoodAndOneOfTheClipsInstruments() {
        for (int i = 0; i < CLIPS; i++) {
            PieceSpec spec = sampler.sample(1, i, 8);
            String caption = captioner.caption(spec).toLowerCase(Locale.ROOT);
            boolean styleOrMood = containsAny(caption, MusicWords.styleWords(spec.style()))
                    || containsAny(caption, MusicWords.moodWords(spec.mood()));
            assertTrue(styleOrMood, "no style or mood in: " + caption);
            boolean instrument = spec.instrumentNames().stream()
                    .anyMatch(name -> containsAny(caption, MusicWords.instrumentWords(name)));
            assertTrue(instrument, "no instrument of " + spec.instrumentNames() + " in: " + caption);
        }
    }

    @Test
    void explicitTempoAndKeyAreTrueWhenGiven() {
        int withBpm = 0;
        int withKey = 0;
        for (int i = 0; i < CLIPS; i++) {
            PieceSpec spec = sampler.sample(2, i, 8);
            String caption = captioner.caption(spec);
            var bpm = java.util.regex.Pattern.compile("(\\d+) (?:bpm|BPM|beats per minute)|tempo (\\d+)").matcher(caption);
            if (bpm.find()) {
                withBpm++;
                String n = bpm.group(1) != null ? bpm.group(1) : bpm.group(2);
                assertEquals(spec.tempoBpm(), Integer.parseInt(n), caption);
            }
            if (caption.matches(".*\\b[A-G][#b]? (major|minor)\\b.*")) {
                withKey++;
                assertTrue(caption.contains(spec.tonality().label()), caption + " vs " + spec.tonality().label());
            }
        }
        assertTrue(withBpm > CLIPS / 6 && withBpm < CLIPS * 2 / 3, "captions with BPM: " + withBpm);
        assertTrue(withKey > CLIPS / 8 && withKey < CLIPS / 2, "captions with key: " + withKey);
    }

    @Test
    void captionsComeInManySentenceShapes() {
        List<String> vocabulary = new ArrayList<>();
        for (Style s : Style.values()) {
            vocabulary.addAll(MusicWords.styleWords(s));
        }
        for (Mood m : Mood.values()) {
            vocabulary.addAll(MusicWords.moodWords(m));
        }
        for (int p = 0; p < 128; p++) {
            vocabulary.addAll(MusicWords.instrumentWords(GmInstruments.name(p)));
        }
        vocabulary.addAll(MusicWords.instrumentWords(GmInstruments.DRUMS));
        for (int bpm : new int[] {60, 80, 100, 120, 160}) {
            vocabulary.addAll(MusicWords.tempoWords(bpm));
        }
        vocabulary.sort(Comparator.comparingInt(String::length).reversed());
        Set<String> shapes = new HashSet<>();
        Set<String> captions = new HashSet<>();
        for (int i = 0; i < CLIPS; i++) {
            String caption = captioner.caption(sampler.sample(4, i, 8)).toLowerCase(Locale.ROOT);
            captions.add(caption);
            String shape = caption.replaceAll("\\b[a-g][#b]? (major|minor)\\b", "KEY").replaceAll("\\d+", "N");
            for (String word : vocabulary) {
                shape = shape.replace(word.toLowerCase(Locale.ROOT), "W");
            }
            shapes.add(shape.replaceAll("\\ban W", "a W"));
        }
        assertTrue(shapes.size() >= 50, "only " + shapes.size() + " sentence shapes in " + CLIPS + " captions");
        assertTrue(captions.size() >= CLIPS * 0.95, "captions repeat: " + captions.size() + " distinct");
    }

    @Test
    void captionsAreDeterministicPerClip() {
        PieceSpec spec = sampler.sample(9, 12, 8);
        assertEquals(captioner.caption(spec), new Captioner().caption(sampler.sample(9, 12, 8)));
        Set<String> differentSeeds = new HashSet<>();
        for (long seed = 0; seed < 10; seed++) {
            differentSeeds.add(captioner.caption(sampler.sample(seed, 12, 8)));
        }
        assertTrue(differentSeeds.size() >= 9);
    }

    @Test
    void tempoWordsFollowTheTempo() {
        assertTrue(MusicWords.tempoWords(62).contains("slow"));
        assertTrue(MusicWords.tempoWords(85).contains("laid-back"));
        assertTrue(MusicWords.tempoWords(125).contains("upbeat"));
        assertTrue(MusicWords.tempoWords(170).contains("fast"));
    }

    private static boolean containsAny(String text, List<String> words) {
        return words.stream().anyMatch(w -> text.contains(w.toLowerCase(Locale.ROOT)));
    }
}
