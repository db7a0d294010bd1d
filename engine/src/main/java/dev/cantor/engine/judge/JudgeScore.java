package dev.cantor.engine.judge;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Running agreement of the judge's verdicts with labels: style accuracy, and micro-averaged F1
 * of the instrument sets (true/false positives and misses pooled over all clips and
 * instruments). Labelled instruments the judge has no output for are left out: it cannot hear
 * what it was never taught, and counting them would measure the vocabulary, not the audio.
 */
public final class JudgeScore {

    private int clips;
    private int styleHits;
    private long truePositives;
    private long falsePositives;
    private long misses;

    /** Adds one clip: its verdict and its labels. */
    public void add(JudgeVerdict verdict, String style, List<String> instruments) {
        clips++;
        if (verdict.hears(style)) {
            styleHits++;
        }
        Set<String> known = new HashSet<>(verdict.config().instruments());
        Set<String> truth = new HashSet<>(instruments);
        truth.retainAll(known);
        Set<String> heard = new HashSet<>(verdict.instruments());
        for (String h : heard) {
            if (truth.contains(h)) {
                truePositives++;
            } else {
                falsePositives++;
            }
        }
        for (String t : truth) {
            if (!heard.contains(t)) {
                misses++;
            }
        }
    }

    public int clips() {
        return clips;
    }

    /** Share of clips whose style was recognised; NaN before any clip. */
    public double styleAccuracy() {
        return clips == 0 ? Double.NaN : styleHits / (double) clips;
    }

    /** Micro F1 = 2·TP / (2·TP + FP + FN); NaN when there was nothing to find and nothing found. */
    public double instrumentF1() {
        long denominator = 2 * truePositives + falsePositives + misses;
        return denominator == 0 ? Double.NaN : 2.0 * truePositives / denominator;
    }
}
