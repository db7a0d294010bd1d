package dev.cantor.engine.judge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cantor.engine.api.CancellationToken;
import dev.cantor.engine.api.ProgressListener;
import dev.cantor.engine.audio.AudioClip;
import dev.cantor.engine.data.CorpusGenerator;
import dev.cantor.engine.data.Soundfont;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The judge learns its labels on a handful of tiny built-in-soundfont clips, and saves and loads. */
class JudgeTrainerTest {

    @TempDir
    Path dir;

    @Test
    void lossDropsAndASavedJudgeGivesTheSameVerdict() throws Exception {
        Path corpus = dir.resolve("corpus");
        CorpusGenerator.generate(new CorpusGenerator.Config(corpus, 6, 2.0, 11, 32_000, Soundfont.builtIn(), 2, false),
                ProgressListener.NONE, CancellationToken.NEVER);
        List<String> vocabulary = JudgeData.instrumentVocabulary(JudgeData.entries(corpus), 1);
        assertTrue(vocabulary.size() >= 3, vocabulary.toString());
        Path saved = dir.resolve("judge");
        AudioClip probe;
        JudgeVerdict before;
        try (AudioJudge judge = AudioJudge.create(JudgeConfig.tiny(vocabulary), 3)) {
            List<JudgeData.Example> examples = JudgeData.load(corpus, judge, ProgressListener.NONE,
                    CancellationToken.NEVER);
            assertEquals(6, examples.size());
            assertEquals(100, examples.get(0).frames(), "2 s at 50 frames per second");
            JudgeTrainer trainer = new JudgeTrainer(judge, examples,
                    new JudgeTrainer.Options(6, 1e-2, 40, 0.0, 5));
            double before80 = styleCrossEntropy(judge, examples);
            for (int i = 0; i < 80; i++) {
                trainer.trainStep(80);
            }
            double after80 = styleCrossEntropy(judge, examples);
            assertTrue(after80 < 0.5 * before80, "style cross-entropy on the whole clips " + before80 + " -> " + after80);
            JudgeScore score = JudgeData.score(judge, examples);
            assertTrue(score.styleAccuracy() >= 0.5, "fits its own clips: " + score.styleAccuracy());
            judge.save(saved, dev.cantor.engine.nn.TensorFile.Storage.FLOAT32);
            float[] x = new float[48_000];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) (0.3 * Math.sin(2 * Math.PI * 220 * i / 32_000.0) * Math.sin(Math.PI * i / 8_000.0));
            }
            probe = new AudioClip(x, 32_000);
            before = judge.judge(probe);
        }
        try (AudioJudge loaded = AudioJudge.load(saved)) {
            JudgeVerdict after = loaded.judge(probe);
            assertArrayEquals(before.styleProbabilities(), after.styleProbabilities(), 1e-5f);
            assertArrayEquals(before.embedding(), after.embedding(), 1e-5f);
            assertEquals(vocabulary, loaded.config().instruments());
        }
    }

    /**
     * Mean cross-entropy of the true style over whole clips, without dropout or random crops: the
     * training loss of single batches is too noisy to compare (crops and dropout differ by step).
     */
    private static double styleCrossEntropy(AudioJudge judge, List<JudgeData.Example> examples) {
        double sum = 0;
        for (JudgeData.Example e : examples) {
            float[] p = judge.judgeFeatures(e.features(), e.frames()).styleProbabilities();
            sum -= Math.log(Math.max(1e-12, p[e.style()]));
        }
        return sum / examples.size();
    }

    @Test
    void longClipsAreHeardInHalfOverlappingWindowsThatReachTheEnd() {
        assertArrayEquals(new int[] {0}, AudioJudge.windowStarts(150, 200));
        assertArrayEquals(new int[] {0}, AudioJudge.windowStarts(200, 200));
        assertArrayEquals(new int[] {0, 100, 200}, AudioJudge.windowStarts(400, 200));
        assertArrayEquals(new int[] {0, 100, 200, 201}, AudioJudge.windowStarts(401, 200));
    }
}
