package dev.cantor.engine.eval;

import dev.cantor.engine.audio.AudioClip;
import dev.cantor.engine.dsp.KeyEstimator;
import dev.cantor.engine.dsp.TempoEstimator;
import dev.cantor.engine.judge.JudgeScore;
import dev.cantor.engine.judge.JudgeVerdict;
import dev.cantor.engine.music.Key;
import dev.cantor.engine.music.Mode;
import dev.cantor.engine.music.Tonality;
import java.util.ArrayList;
import java.util.List;

/** Running scores of one kind of clip; {@link #report} turns them into a {@link ConditionReport}. */
final class ConditionScores {

    /** A tempo estimate within this ratio of the prompt's counts as a hit. */
    static final double TEMPO_TOLERANCE = 0.08;

    private final TempoEstimator tempo = new TempoEstimator();
    private final JudgeScore judged = new JudgeScore();
    private final List<float[]> embeddings = new ArrayList<>();
    private final Mean tempoHits = new Mean();
    private final Mean tempoOctaveHits = new Mean();
    private final Mean modeHits = new Mean();
    private final Mean keyHits = new Mean();
    private final Mean mirex = new Mean();
    private final Mean melody = new Mean();
    private final Mean melodyWithout = new Mean();
    private final Mean memorized = new Mean();
    private final List<ClipScore> perClip = new ArrayList<>();
    private int clips;
    private double wallSeconds;
    private double audioSeconds;

    /** Scores a clip against its prompt's labels; {@code verdict} is null without a judge. */
    void addClip(AudioClip audio, EvalPrompt prompt, JudgeVerdict verdict) {
        clips++;
        double target = prompt.tempoBpm();
        double bpm = estimateTempo(audio);
        boolean tempoHit = hit(bpm, target);
        tempoHits.add(tempoHit);
        tempoOctaveHits.add(tempoHit || hit(bpm * 2, target) || hit(bpm / 2, target));
        Tonality truth = prompt.tonality();
        KeyEstimator.KeyEstimate key = estimateKey(audio);
        int root = key == null ? -1 : key.root();
        Mode mode = key == null ? null : key.mode();
        boolean modeHit = mode == truth.mode();
        boolean keyHit = modeHit && root == truth.key().pitchClass();
        modeHits.add(modeHit);
        keyHits.add(keyHit);
        mirex.add(key == null ? 0 : KeyEstimator.mirexScore(root, mode, truth.key().pitchClass(), truth.mode()));
        if (verdict != null) {
            judged.add(verdict, prompt.style(), prompt.instruments());
            embeddings.add(verdict.embedding());
        }
        perClip.add(new ClipScore(prompt.id(), truth.label(),
                key == null ? null : new Tonality(Key.ofPitchClass(root), mode).label(), keyHit, modeHit,
                Double.isFinite(bpm) ? bpm : null, tempoHit, verdict == null ? null : verdict.style(),
                verdict == null ? null : verdict.hears(prompt.style())));
    }

    void addMelody(double cosine) {
        melody.add(cosine);
    }

    void addMelodyWithout(double cosine) {
        melodyWithout.add(cosine);
    }

    void addMemorization(boolean found) {
        memorized.add(found);
    }

    void addTiming(double wall, double seconds) {
        wallSeconds += wall;
        audioSeconds += seconds;
    }

    List<float[]> embeddings() {
        return embeddings;
    }

    JudgeScore judged() {
        return judged;
    }

    ConditionReport report(Double fdEmbed) {
        return new ConditionReport(clips, tempoHits.value(), tempoOctaveHits.value(), modeHits.value(),
                keyHits.value(), mirex.value(), finite(judged.styleAccuracy()), finite(judged.instrumentF1()),
                melody.value(), melodyWithout.value(), fdEmbed, memorized.value(),
                audioSeconds > 0 ? wallSeconds / audioSeconds : null, List.copyOf(perClip));
    }

    /** Estimated tempo, or NaN for audio with no steady pulse (a miss, not an error). */
    private double estimateTempo(AudioClip audio) {
        try {
            return tempo.estimate(audio.samples(), audio.sampleRate()).bpm();
        } catch (IllegalArgumentException e) {
            return Double.NaN;
        }
    }

    /** Estimated key, or null for audio with no pitched content. */
    private static KeyEstimator.KeyEstimate estimateKey(AudioClip audio) {
        try {
            return KeyEstimator.estimate(audio.samples(), audio.sampleRate());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static boolean hit(double bpm, double target) {
        return Math.abs(bpm / target - 1) <= TEMPO_TOLERANCE;
    }

    static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** A mean of values that may never have been given (then null). */
    private static final class Mean {
        private double sum;
        private int count;

        void add(boolean hit) {
            add(hit ? 1 : 0);
        }

        void add(double v) {
            if (Double.isFinite(v)) {
                sum += v;
                count++;
            }
        }

        Double value() {
            return count == 0 ? null : sum / count;
        }
    }
}
