package dev.cantor.app;

import dev.cantor.engine.eval.EvalPrompt;
import dev.cantor.engine.eval.EvalSet;
import dev.cantor.engine.eval.EvalSetBuilder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cantor make-eval-set}: draw a labelled evaluation set of prompts from the composer. */
@Command(name = "make-eval-set", mixinStandardHelpOptions = true,
        description = {"Draw an evaluation set (prompts.jsonl) from Cantor's composer with a seed never used for "
                + "training: the same number of prompts per style, spread over tempo bands and modes; prompts state "
                + "the tempo and key; some carry a melody to hum.",
            "The same options always give the same file."})
final class MakeEvalSetCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The .jsonl file to write.")
    Path out;

    @Option(names = "--seed", defaultValue = "900000", description = "Corpus seed of the draws (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--prompts", defaultValue = "60", description = "Number of prompts, at least one per corpus style (21) (default: ${DEFAULT-VALUE}).")
    int prompts;

    @Option(names = "--melodies", defaultValue = "20", description = "How many prompts carry a melody (default: ${DEFAULT-VALUE}).")
    int melodies;

    @Option(names = "--seconds", defaultValue = "8", description = "Length of each piece in seconds (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--force", description = "Overwrite --out if it exists.")
    boolean force;

    @Option(names = "--json", description = "Print the summary as one JSON object.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (seed == 1 || seed == 1000) {
            throw new UserInputException("seed " + seed
                    + " made the training corpus; an evaluation set needs an unseen seed");
        }
        if (!(seconds >= 5 && seconds <= 60)) {
            throw new UserInputException("--seconds must be between 5 (enough beats to measure a tempo) and 60");
        }
        OutputFiles.checkWritable(out, force);
        List<EvalPrompt> set;
        try {
            set = EvalSetBuilder.build(seed, prompts, melodies, seconds);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
        EvalSet.write(out, set);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("out", out.toString());
        summary.put("prompts", set.size());
        summary.put("melody_prompts", set.stream().filter(EvalPrompt::hasMelody).count());
        summary.put("seconds", seconds);
        summary.put("styles", count(set, EvalPrompt::style));
        summary.put("tempo_bands", count(set, p -> EvalSetBuilder.TempoBand.of(p.tempoBpm()).label()));
        summary.put("modes", count(set, EvalPrompt::mode));
        summary.put("style_tempo_mode_cells", count(set, p -> p.style() + "/"
                + EvalSetBuilder.TempoBand.of(p.tempoBpm()).label() + "/" + p.mode()).size());
        if (json) {
            JsonOutput.print(System.out, summary);
        } else {
            System.out.printf("wrote %d prompts (%s with a melody) to %s%nstyles %s%ntempo bands %s%nmodes %s%n",
                    set.size(), summary.get("melody_prompts"), out, summary.get("styles"), summary.get("tempo_bands"),
                    summary.get("modes"));
        }
        return 0;
    }

    private static Map<String, Integer> count(List<EvalPrompt> set, Function<EvalPrompt, String> key) {
        Map<String, Integer> counts = new TreeMap<>();
        for (EvalPrompt p : set) {
            counts.merge(key.apply(p), 1, Integer::sum);
        }
        return counts;
    }
}
