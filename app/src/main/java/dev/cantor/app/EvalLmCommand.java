package dev.cantor.app;

import dev.cantor.engine.data.TokenCache;
import dev.cantor.engine.data.TokenClip;
import dev.cantor.engine.generation.MusicModel;
import dev.cantor.engine.lm.TransformerLm;
import dev.cantor.engine.training.ConditionSensitivity;
import dev.cantor.engine.training.LmLoss;
import dev.cantor.engine.training.LmTrainer;
import dev.cantor.engine.training.LmTrainingConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cantor eval-lm}: the language model's cross-entropy on tokenized clips. */
@Command(name = "eval-lm", mixinStandardHelpOptions = true,
        description = "Cross-entropy per codebook of a model's LM on a token cache (its held-out split, or every clip).")
final class EvalLmCommand implements Callable<Integer> {

    @Mixin
    ModelOption model = new ModelOption();

    @Option(names = "--tokens", required = true, description = "Token cache (from 'cantor tokenize').")
    Path tokens;

    @Option(names = "--all", description = "Use every clip (for a cache of held-out clips) instead of the validation split train-lm holds out.")
    boolean all;

    @Option(names = "--sensitivity",
            description = "Also measure how much the LM listens to its conditions: cross-entropy (without the melody) with true labels, then with the key a tritone away, the key left out, the mode flipped and the tempo ×1.5; the excess over 'true' is how much it relies on that label.")
    boolean sensitivity;

    @Option(names = "--window", paramLabel = "FRAMES",
            description = "Score only the first FRAMES frames of each clip (default: the model's window, or the shortest clip). A short window asks how well the model starts a piece from its conditions alone, before the audio it has made can tell it the key.")
    Integer windowFrames;

    @Mixin
    JsonOption json = new JsonOption();

    @Mixin
    DeviceOption device = new DeviceOption();

    @Override
    public Integer call() throws Exception {
        device.apply();
        Path dir = model.dir().resolve(MusicModel.LM_DIR);
        TokenCache.Contents cache;
        try {
            cache = TokenCache.read(tokens);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UserInputException(tokens + " is not a token cache (make one with 'cantor tokenize')");
        }
        TransformerLm lm;
        try {
            lm = TransformerLm.load(dir);
        } catch (IOException e) {
            throw new UserInputException("cannot load the language model in " + dir + ": " + e.getMessage());
        }
        try (lm) {
            if (lm.config().numCodebooks() != cache.meta().numCodebooks()
                    || lm.config().codebookSize() != cache.meta().codebookSize()) {
                throw new UserInputException("the tokens (" + cache.meta().numCodebooks() + "×"
                        + cache.meta().codebookSize() + ") were not made for this LM");
            }
            int validation = LmTrainingConfig.defaults(1).validationClips();
            List<TokenClip> clips = all ? cache.clips() : LmTrainer.heldOut(cache.clips(), validation);
            if (clips.isEmpty()) {
                throw new UserInputException("no clips to evaluate (the cache is too small for a held-out split; try --all)");
            }
            int window = Math.min(lm.config().maxFrames(), clips.stream().mapToInt(TokenClip::frames).min().orElse(0));
            if (windowFrames != null) {
                if (windowFrames < 1 || windowFrames > window) {
                    throw new UserInputException("--window must be between 1 and " + window
                            + " frames (the model's window or the shortest clip), got " + windowFrames);
                }
                window = windowFrames;
            }
            double[] per = LmLoss.evaluate(lm, clips, window, 16);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("model", dir.toString());
            result.put("clips", clips.size());
            result.put("window_frames", window);
            result.put("cross_entropy", LmLoss.mean(per));
            result.put("cross_entropy_per_codebook", per);
            result.put("perplexity_per_codebook", java.util.Arrays.stream(per).map(Math::exp).toArray());
            Map<String, Double> reliance = sensitivity ? ConditionSensitivity.measure(lm, clips, window, 16) : null;
            if (reliance != null) {
                result.put("condition_sensitivity", reliance);
            }
            if (json.requested()) {
                JsonOutput.print(System.out, result);
            } else {
                System.out.printf(Locale.ROOT, "cross-entropy %.4f nats per token on %d clips (per codebook %s)%n",
                        LmLoss.mean(per), clips.size(), java.util.Arrays.toString(per));
                if (reliance != null) {
                    double base = reliance.get("true");
                    System.out.printf(Locale.ROOT, "without the melody: %.4f; excess when the labels are wrong:", base);
                    reliance.forEach((name, ce) -> {
                        if (!name.equals("true")) {
                            System.out.printf(Locale.ROOT, " %s %+.4f", name, ce - base);
                        }
                    });
                    System.out.println();
                }
            }
        }
        return 0;
    }
}
