package dev.cantor.engine.judge;

import java.util.ArrayList;
import java.util.List;

/**
 * What the judge heard in a clip.
 *
 * @param styleProbabilities      one probability per style of the config (sums to 1)
 * @param instrumentProbabilities one independent probability per instrument of the config
 * @param embedding               the clip's embedding (for the Fréchet distance)
 */
public record JudgeVerdict(JudgeConfig config, float[] styleProbabilities, float[] instrumentProbabilities,
                           float[] embedding) {

    /** Instruments whose probability reaches this are heard. */
    public static final double THRESHOLD = 0.5;

    /** The most likely style label. */
    public String style() {
        int best = 0;
        for (int i = 1; i < styleProbabilities.length; i++) {
            if (styleProbabilities[i] > styleProbabilities[best]) {
                best = i;
            }
        }
        return config.styles().get(best);
    }

    /** Whether the most likely style is {@code label} (case aside): a style hit of the judge. */
    public boolean hears(String label) {
        return style().equalsIgnoreCase(label);
    }

    /** The instruments heard, in the config's order. */
    public List<String> instruments() {
        List<String> heard = new ArrayList<>();
        for (int i = 0; i < instrumentProbabilities.length; i++) {
            if (instrumentProbabilities[i] >= THRESHOLD) {
                heard.add(config.instruments().get(i));
            }
        }
        return heard;
    }
}
