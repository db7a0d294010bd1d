package dev.cantor.ui.prompt;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The one-click tags under the prompt, by category: words the model was trained to follow. */
final class PromptTags {

    static final Map<String, List<String>> BY_CATEGORY = new LinkedHashMap<>();

    static {
        BY_CATEGORY.put("Style", List.of("pop", "rock", "jazz", "classical", "electronic", "folk", "hip-hop", "ambient"));
        BY_CATEGORY.put("Instruments", List.of("piano", "strings", "acoustic guitar", "electric guitar", "bass",
                "drums", "synth pad", "flute", "organ"));
        BY_CATEGORY.put("Mood", List.of("calm", "melancholic", "happy", "energetic", "dreamy", "tense", "playful"));
        BY_CATEGORY.put("Tempo", List.of("70 bpm", "90 bpm", "110 bpm", "128 bpm", "150 bpm"));
        BY_CATEGORY.put("Key", List.of("in C major", "in A minor", "in G major", "in E minor", "in D minor"));
    }

    private PromptTags() {
    }
}
