package dev.cantor.engine.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** Key guidance reads the keyless rows where {@link TokenGenerator} puts them: after the unconditional ones. */
class KeyGuidanceTest {

    @Test
    void onlyTheConditionalRowsMoveAwayFromTheirOwnKeylessRow() {
        // two takes, rows of two values: conditional (takes 0, 1), unconditional (0, 1), keyless (0, 1)
        float[] logits = {1, 2, 3, 4, /* unconditional */ 9, 9, 9, 9, /* keyless */ 0, 2, 5, 1};
        KeyGuidance.apply(logits, 2, 2, 0.5);
        assertArrayEquals(new float[] {1.5f, 2, 2, 5.5f, 9, 9, 9, 9, 0, 2, 5, 1}, logits);
    }
}
