package dev.cantor.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The tiny corpus, codec and token cache that the end-to-end tests build through the jar in
 * seconds: four 2 s synth clips (seed 3, built-in soundfont), a tiny codec trained for 2 steps,
 * and the clips' tokens.
 *
 * @param tokenized what {@code tokenize --json} printed
 */
record TinyModels(Path dir, Path corpus, Path codec, Path tokens, JsonNode tokenized) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Builds corpus/, codec/ and tokens/ in {@code dir}. */
    static TinyModels build(Path dir) throws Exception {
        Path corpus = dir.resolve("corpus");
        succeeded(CliHarness.run(dir, "synth", "--out", corpus.toString(), "--clips", "4", "--seconds", "2",
                "--seed", "3", "--soundfont", "builtin"));
        Path codec = dir.resolve("codec");
        succeeded(CliHarness.run(dir, "train-codec", "--data", corpus.toString(), "--out", codec.toString(),
                "--steps", "2", "--config", "tiny", "--batch", "2", "--crop-seconds", "0.5"));
        Path tokens = dir.resolve("tokens");
        JsonNode tokenized = JSON.readTree(succeeded(CliHarness.run(dir, "tokenize", "--codec", codec.toString(),
                "--data", corpus.toString(), "--out", tokens.toString(), "--json")).stdout());
        return new TinyModels(dir, corpus, codec, tokens, tokenized);
    }

    /**
     * Trains a tiny LM (batch 2) on the tokens into {@code out}; {@code options} add --steps and the rest.
     * Without the representation regularizer: at batch 2 no step has the two text-free rows it compares.
     */
    CliHarness.Result trainLm(Path out, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("train-lm", "--tokens", tokens.toString(), "--out",
                out.toString(), "--config", "tiny", "--batch", "2", "--rr-weight", "0"));
        args.addAll(List.of(options));
        return succeeded(CliHarness.run(dir, args.toArray(String[]::new)));
    }

    private static CliHarness.Result succeeded(CliHarness.Result r) {
        assertEquals(0, r.exitCode(), r.stderr());
        return r;
    }
}
