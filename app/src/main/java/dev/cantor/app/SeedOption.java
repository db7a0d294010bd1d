package dev.cantor.app;

import picocli.CommandLine.Option;

/**
 * {@code --seed} of the commands that train ({@code train-codec}, {@code train-lm},
 * {@code train-judge}, {@code finetune}): the same data and seed give the same run. The commands
 * whose seed means more ({@code generate}'s random one, {@code story}'s replacing the project's,
 * {@code synth}'s corpus and {@code make-eval-set}'s draws) declare their own.
 */
final class SeedOption {

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    long value() {
        return seed;
    }
}
