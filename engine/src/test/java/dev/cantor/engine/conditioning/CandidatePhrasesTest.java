package dev.cantor.engine.conditioning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cantor.engine.data.Captioner;
import dev.cantor.engine.data.SpecSampler;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class CandidatePhrasesTest {

    private static List<List<String>> candidates(String prompt) {
        MusicDescriptors.Exact exact = MusicDescriptors.readExact(prompt);
        return CandidatePhrases.standard().find(exact.text(), exact.claimed());
    }

    @Test
    void phrasesAreTheContentWordsBetweenJoiningWordsPunctuationAndMatchedTerms() {
        assertEquals(List.of(List.of("battle")),
                candidates("epic orchestral battle music with brass section and timpani"));
        assertEquals(List.of(List.of("purple", "elephant"), List.of("flurb")),
                candidates("a purple elephant with piano, flurb"));
        assertEquals(List.of(List.of("glitch-hop"), List.of("grandmother's", "birthday")),
                candidates("Glitch-hop piano for my grandmother's birthday"));
    }

    @Test
    void tempoKeyAndFillerWordsAreNeverCandidates() {
        assertEquals(List.of(), candidates("slow sad piano in the key of F# minor at 72 bpm"));
        assertEquals(List.of(), candidates("Am, 120-130 bpm, 4/4 time, a bit upbeat"));
        assertEquals(List.of(), candidates(""));
    }

    @Test
    void corpusCaptionsLeaveNoCandidates() {
        Captioner captioner = new Captioner();
        SpecSampler sampler = SpecSampler.fullGeneralMidi();
        Set<String> left = new TreeSet<>();
        for (int i = 0; i < 400; i++) {
            String caption = captioner.caption(sampler.sample(1, i, 4.0));
            candidates(caption).forEach(words -> left.add(String.join(" ", words)));
        }
        assertEquals(Set.of(), left, "every word of a caption is the vocabulary's or names nothing");
    }
}
