package dev.cantor.app;

import dev.cantor.engine.eval.EvalPrompt;
import dev.cantor.engine.eval.EvalSet;
import dev.cantor.engine.eval.EvalSetBuilder;
import dev.cantor.engine.eval.EvalSetException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cantor make-eval-set}: draw a labelled evaluation set of prompts from the composer. */
@Command(name = "make-eval-set", mixinStandardHelpOptions = true,
        description = {"Draw an evaluation set (prompts.jsonl) from Cantor's composer with a seed never used for "
                + "training: the same number of prompts per style, spread over tempo bands and modes; prompts state "
                + "the tempo and key; some carry a melody to hum. Each line carries its reference piece written out "
                + "('piece'), so the set stays the same set when the composer changes.",
            "With --vocabulary v2, a second held-out set over every style and instrument the composer knows "
                + "now, giving styles the first set (--covered) lacks twice the share and taking pieces with "
                + "instruments it never names first.",
            "The same options always give the same file."})
final class MakeEvalSetCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The .jsonl file to write.")
    Path out;

    @Option(names = "--vocabulary", defaultValue = "v1", paramLabel = "v1|v2",
            description = "v1: the same number of prompts per style, over every style the composer knows now (the "
                    + "recipe of the shipped set, which the corpus v1 composer drew and no option draws again); v2: "
                    + "the second held-out set, leaning towards what --covered lacks (default: ${DEFAULT-VALUE}).")
    String vocabulary;

    @Option(names = "--covered", paramLabel = "FILE.jsonl",
            description = "With --vocabulary v2: the set whose styles and instruments count as covered (default: the "
                    + "shipped " + EvalCommand.DEFAULT_SET + ").")
    Path covered;

    @Option(names = "--seed", description = "Corpus seed of the draws (default: 900000, with --vocabulary v2 910000).")
    Long seed;

    @Option(names = "--prompts", defaultValue = "60", description = "Number of prompts, at least one per corpus style (21) (default: ${DEFAULT-VALUE}).")
    int prompts;

    @Option(names = "--melodies", defaultValue = "20", description = "How many prompts carry a melody (default: ${DEFAULT-VALUE}).")
    int melodies;

    @Option(names = "--seconds", defaultValue = "8", description = "Length of each piece in seconds (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Mixin
    ForceOption force = new ForceOption();

    @Mixin
    JsonOption json = new JsonOption();

    @Override
    public Integer call() throws Exception {
        if (!vocabulary.equals("v1") && !vocabulary.equals("v2")) {
            throw new UserInputException("--vocabulary must be v1 or v2, got '" + vocabulary + "'");
        }
        boolean second = vocabulary.equals("v2");
        long drawSeed = seed != null ? seed : second ? EvalSetBuilder.NOVEL_SEED : EvalSetBuilder.DEFAULT_SEED;
        if (drawSeed == 1 || drawSeed == 1000) {
            throw new UserInputException("seed " + drawSeed
                    + " made the training corpus; an evaluation set needs an unseen seed");
        }
        if (!(seconds >= 5 && seconds <= 60)) {
            throw new UserInputException("--seconds must be between 5 (enough beats to measure a tempo) and 60");
        }
        if (covered != null && !second) {
            throw new UserInputException("--covered only applies to --vocabulary v2");
        }
        OutputFiles.checkWritable(out, force.given());
        List<EvalPrompt> older = List.of();
        if (second) {
            Path coveredFile = covered != null ? covered : ModelLocator.shipped(EvalCommand.DEFAULT_SET);
            try {
                older = EvalSet.read(coveredFile);
            } catch (EvalSetException e) {
                throw new UserInputException(e.getMessage());
            }
            if (older.stream().anyMatch(p -> p.seed() == drawSeed)) {
                throw new UserInputException("seed " + drawSeed + " drew " + coveredFile
                        + "; the second set needs a seed of its own");
            }
        }
        List<EvalPrompt> set;
        try {
            set = second ? EvalSetBuilder.buildNovel(drawSeed, prompts, melodies, seconds, older)
                    : EvalSetBuilder.build(drawSeed, prompts, melodies, seconds);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
        EvalSet.write(out, set, OutputFiles.replacing(force.given()));
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
        summary.put("vocabulary", vocabulary);
        summary.put("seed", drawSeed);
        if (second) {
            Set<String> oldStyles = older.stream().map(EvalPrompt::style).collect(Collectors.toSet());
            Set<String> oldInstruments = older.stream().flatMap(p -> p.instruments().stream())
                    .collect(Collectors.toSet());
            summary.put("styles_not_covered", new TreeSet<>(set.stream().map(EvalPrompt::style)
                    .filter(st -> !oldStyles.contains(st)).toList()));
            summary.put("instruments_not_covered", new TreeSet<>(set.stream().flatMap(p -> p.instruments().stream())
                    .filter(i -> !oldInstruments.contains(i)).toList()));
        }
        if (json.requested()) {
            JsonOutput.print(System.out, summary);
        } else {
            System.out.printf("wrote %d prompts (%s with a melody) to %s%nstyles %s%ntempo bands %s%nmodes %s%n",
                    set.size(), summary.get("melody_prompts"), out, summary.get("styles"), summary.get("tempo_bands"),
                    summary.get("modes"));
            if (second) {
                System.out.printf("not in the covered set: styles %s, instruments %s%n",
                        summary.get("styles_not_covered"), summary.get("instruments_not_covered"));
            }
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
