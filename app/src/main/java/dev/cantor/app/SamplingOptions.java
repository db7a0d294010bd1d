package dev.cantor.app;

import dev.cantor.engine.api.RequestException;
import dev.cantor.engine.api.SamplingParams;
import picocli.CommandLine.Option;

/** How the commands that generate ({@code generate}, {@code eval}) draw tokens: Cantor's defaults unless given. */
final class SamplingOptions {

    @Option(names = "--temperature", defaultValue = "" + SamplingParams.DEFAULT_TEMPERATURE, description = "Sampling temperature, 0 = greedy (default: ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--top-k", defaultValue = "" + SamplingParams.DEFAULT_TOP_K, description = "Sample among the K most likely tokens, 0 = all (default: ${DEFAULT-VALUE}).")
    int topK;

    @Option(names = "--top-p", defaultValue = "" + SamplingParams.DEFAULT_TOP_P, description = "Nucleus sampling mass, 1 = off (default: ${DEFAULT-VALUE}).")
    double topP;

    @Option(names = "--cfg", defaultValue = "" + SamplingParams.DEFAULT_GUIDANCE, description = "Classifier-free guidance coefficient, 1 = none (default: ${DEFAULT-VALUE}).")
    double guidance;

    @Option(names = "--key-guidance", defaultValue = "" + SamplingParams.DEFAULT_KEY_GUIDANCE, description = "Extra guidance towards the key the prompt asks for, over a piece made from nothing (not a continuation, nor with a hummed melody, which gives the pitches itself); 0 = off (default: ${DEFAULT-VALUE}).")
    double keyGuidance;

    /** The options as sampling parameters (seed 0: each generation brings its own); out of range is the user's error. */
    SamplingParams params() {
        try {
            return new SamplingParams(temperature, topK, topP, guidance, 0, keyGuidance);
        } catch (RequestException e) {
            throw new UserInputException(e.getMessage());
        }
    }
}
