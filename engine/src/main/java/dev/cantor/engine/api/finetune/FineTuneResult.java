package dev.cantor.engine.api.finetune;

/**
 * A finished fine-tune: the language model's validation cross-entropy on the held-out files.
 *
 * @param valLossBefore the base model's (nats)
 * @param valLossAfter  the fine-tuned model's (nats)
 */
public record FineTuneResult(Double valLossBefore, Double valLossAfter) {
}
