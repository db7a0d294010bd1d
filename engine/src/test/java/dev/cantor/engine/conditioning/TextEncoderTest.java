package dev.cantor.engine.conditioning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TextEncoderTest {

    private static TextEncoder encoder;

    @BeforeAll
    static void load() {
        // loading the ONNX model takes a couple of seconds: once per class
        encoder = TextEncoder.open();
    }

    @AfterAll
    static void release() {
        encoder.close();
    }

    @Test
    void embeddingIsA384dUnitVector() {
        float[] v = encoder.embed("a calm ambient track with piano and strings");
        assertEquals(TextEncoder.DIM, v.length);
        assertEquals(1.0, norm(v), 1e-4);
    }

    @Test
    void embeddingIsDeterministic() {
        assertArrayEquals(encoder.embed("funky bass groove"), encoder.embed("funky bass groove"));
    }

    @Test
    void sameInstrumentsDifferentTempoAreCloserThanDifferentInstruments() {
        float[] slow = encoder.embed("solo piano at 70 bpm");
        float[] fast = encoder.embed("solo piano at 150 bpm");
        float[] drums = encoder.embed("drums and bass at 70 bpm");
        double tempoOnly = cosine(slow, fast);
        double instruments = cosine(slow, drums);
        assertTrue(tempoOnly > instruments, tempoOnly + " vs " + instruments);
        // different texts must give different vectors
        assertTrue(tempoOnly < 0.999, "tempo change left the embedding unchanged");
    }

    @Test
    void embedAllMatchesEmbedInOrder() {
        float[][] all = encoder.embedAll(List.of("sad violin", "happy ukulele"));
        assertEquals(2, all.length);
        assertArrayEquals(encoder.embed("sad violin"), all[0]);
        assertArrayEquals(encoder.embed("happy ukulele"), all[1]);
    }

    @Test
    void tokenStatesHaveOneRowPerTokenIncludingClsAndSep() {
        // "piano music" is two WordPiece tokens, plus [CLS] and [SEP]
        float[][] states = encoder.tokenStates("piano music", 64);
        assertEquals(4, states.length);
        for (float[] row : states) {
            assertEquals(TextEncoder.DIM, row.length);
        }
    }

    @Test
    void tokenStatesAreCutAtMaxTokens() {
        String longText = "a slow and very dreamy ambient piece with soft piano, warm strings and gentle pads";
        assertTrue(encoder.tokenStates(longText, 64).length > 8);
        assertEquals(8, encoder.tokenStates(longText, 8).length);
    }

    @Test
    void pooledEmbeddingIsTheNormalisedMeanOfTokenStates() {
        float[][] states = encoder.tokenStates("jazz trio", TextEncoder.MAX_TOKENS);
        float[] mean = new float[TextEncoder.DIM];
        for (float[] row : states) {
            for (int d = 0; d < mean.length; d++) {
                mean[d] += row[d] / states.length;
            }
        }
        assertEquals(1.0, cosine(mean, encoder.embed("jazz trio")), 1e-5);
    }

    @Test
    void concurrentCallersGetTheSameVectorsAsOneCaller() throws Exception {
        List<String> prompts = List.of("slow blues guitar", "fast drum and bass", "a lullaby on celesta",
                "brass fanfare in D major", "sad cello at 60 bpm", "chiptune arpeggios");
        float[][] sequential = encoder.embedAll(prompts);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<float[]>> futures = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (String p : prompts) {
                    futures.add(pool.submit(() -> encoder.embed(p)));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                assertArrayEquals(sequential[i % prompts.size()], futures.get(i).get(), prompts.get(i % prompts.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void blankTextIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> encoder.embed("   "));
        assertThrows(IllegalArgumentException.class, () -> encoder.embed(""));
        assertThrows(IllegalArgumentException.class, () -> encoder.tokenStates("\n", 16));
    }

    private static double norm(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot / (norm(a) * norm(b));
    }
}
