package dev.cantor.engine.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cantor.engine.api.RequestException;
import dev.cantor.engine.api.SamplingParams;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenSamplerTest {

    private static final float[] LOGITS = {0.1f, 2.0f, -1f, 1.5f, 0.0f, 1.9f};

    @Test
    void guidanceOneIsTheConditionalRowAndZeroTheUnconditional() {
        float[] cond = {1f, -2f, 3.5f};
        float[] uncond = {0.5f, 4f, -1f};
        float[] out = new float[3];
        TokenSampler.guide(cond, 0, uncond, 0, 3, 1.0, out);
        assertArrayEquals(cond, out);
        TokenSampler.guide(cond, 0, uncond, 0, 3, 0.0, out);
        assertArrayEquals(uncond, out, 1e-6f);
        TokenSampler.guide(cond, 0, uncond, 0, 3, 3.0, out);
        assertEquals(0.5f + 3 * 0.5f, out[0], 1e-6f);
    }

    @Test
    void temperatureZeroAndTopKOneAreGreedy() {
        assertEquals(1, new TokenSampler(new SamplingParams(0, 0, 1, 1, 1), 6).sample(LOGITS, 0));
        TokenSampler topOne = new TokenSampler(new SamplingParams(1.0, 1, 1, 1, 5), 6);
        for (int i = 0; i < 50; i++) {
            assertEquals(1, topOne.sample(LOGITS, 0));
        }
    }

    @Test
    void topKAndTopPRestrictTheCandidates() {
        TokenSampler topThree = new TokenSampler(new SamplingParams(5.0, 3, 1, 1, 9), 6);
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            seen.add(topThree.sample(LOGITS, 0));
        }
        assertEquals(Set.of(1, 5, 3), seen);
        // Nucleus 0.3 of [2.0, 1.9, 1.5, ...] at temperature 1 keeps tokens 1 and 5 only.
        TokenSampler nucleus = new TokenSampler(new SamplingParams(1.0, 0, 0.3, 1, 9), 6);
        seen.clear();
        for (int i = 0; i < 2000; i++) {
            seen.add(nucleus.sample(LOGITS, 0));
        }
        assertTrue(Set.of(1, 5).containsAll(seen), seen.toString());
    }

    @Test
    void frequenciesFollowTheSoftmax() {
        TokenSampler s = new TokenSampler(new SamplingParams(1.0, 0, 1, 1, 11), 6);
        int[] counts = new int[6];
        int n = 60000;
        for (int i = 0; i < n; i++) {
            counts[s.sample(LOGITS, 0)]++;
        }
        double z = 0;
        for (float l : LOGITS) {
            z += Math.exp(l);
        }
        for (int i = 0; i < 6; i++) {
            assertEquals(Math.exp(LOGITS[i]) / z, counts[i] / (double) n, 0.01, "token " + i);
        }
    }

    @Test
    void sameSeedSameTokens() {
        TokenSampler a = new TokenSampler(SamplingParams.defaults(42), 6);
        TokenSampler b = new TokenSampler(SamplingParams.defaults(42), 6);
        for (int i = 0; i < 100; i++) {
            assertEquals(a.sample(LOGITS, 0), b.sample(LOGITS, 0));
        }
    }

    @Test
    void badParametersAreRejected() {
        assertThrows(RequestException.class, () -> new SamplingParams(-1, 0, 1, 1, 0));
        assertThrows(RequestException.class, () -> new SamplingParams(1, -3, 1, 1, 0));
        assertThrows(RequestException.class, () -> new SamplingParams(1, 0, 0, 1, 0));
        assertThrows(RequestException.class, () -> new SamplingParams(1, 0, 1, Double.NaN, 0));
    }
}
