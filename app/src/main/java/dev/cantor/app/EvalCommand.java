package dev.cantor.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cantor.engine.api.CancellationToken;
import dev.cantor.engine.codec.CodecModel;
import dev.cantor.engine.data.Soundfont;
import dev.cantor.engine.data.SoundfontException;
import dev.cantor.engine.data.TokenCache;
import dev.cantor.engine.eval.ConditionReport;
import dev.cantor.engine.eval.EvalPrompt;
import dev.cantor.engine.eval.EvalSet;
import dev.cantor.engine.eval.EvalSetException;
import dev.cantor.engine.eval.GenerationEvaluator;
import dev.cantor.engine.eval.MemorizationCheck;
import dev.cantor.engine.generation.LocalMusicEngine;
import dev.cantor.engine.generation.MusicModel;
import dev.cantor.engine.judge.AudioJudge;
import dev.cantor.engine.sampling.SamplingParams;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cantor eval}: generates from every prompt of an evaluation set and scores how well the
 * music matches it, beside the real pieces (ceiling) and unconditional generation (floor).
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Generate from every prompt of an evaluation set and measure how well the music matches it: "
                + "tempo, key and mode, style and instruments (by the judge), melody adherence, Fréchet distance of "
                + "judge embeddings, memorization and speed.",
            "The same figures are given for the real pieces behind the prompts (the ceiling) and for "
                + "unconditional generation (the floor)."})
final class EvalCommand implements Callable<Integer> {

    static final String DEFAULT_SET = "resources/eval/prompts.jsonl";
    static final String DEFAULT_JUDGE = "resources/eval/judge";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Option(names = "--model", description = "Model folder with codec/ and lm/ (default: the shipped model).")
    Path model;

    @Option(names = "--set", paramLabel = "FILE.jsonl", description = "Evaluation set (default: the shipped " + DEFAULT_SET + ").")
    Path set;

    @Option(names = "--seeds", defaultValue = "1", description = "Generations per prompt (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--max-prompts", defaultValue = "0",
            description = "Use at most N prompts, spread evenly over the set (0 = all).")
    int maxPrompts;

    @Option(names = "--judge", description = "Judge folder (default: the shipped " + DEFAULT_JUDGE + ").")
    Path judgeDir;

    @Option(names = "--soundfont", paramLabel = "FILE.sf2",
            description = "Soundfont for the reference pieces, or 'builtin'. Default: FluidR3_GM.sf2 if installed, else the built-in one.")
    Path soundfont;

    @Option(names = "--train-tokens", paramLabel = "DIR",
            description = "Token cache of the model's training data (from 'cantor tokenize'): enables memorization_exact_rate.")
    Path trainTokens;

    @Option(names = "--memorization-prompts", defaultValue = "20",
            description = "Training captions to generate from for the memorization check (default: ${DEFAULT-VALUE}).")
    int memorizationPrompts;

    @Option(names = "--audio-out", paramLabel = "DIR", description = "Also write every clip (generated, reference, hum) as WAV here.")
    Path audioOut;

    @Option(names = "--no-floor", description = "Skip the unconditional clips (the floor), about a third of the time, e.g."
            + " to compare sampling settings of one model; 'unconditional' is then null.")
    boolean noFloor;

    @Option(names = "--json", description = "Print the report as one JSON object.")
    boolean json;

    @Mixin
    SamplingOptions sampling;

    @Override
    public Integer call() throws Exception {
        if (seeds < 1 || seeds > 100) {
            throw new UserInputException("--seeds must be between 1 and 100");
        }
        if (maxPrompts < 0 || memorizationPrompts < 0) {
            throw new UserInputException("--max-prompts and --memorization-prompts must be ≥ 0");
        }
        SamplingParams params = sampling.params();
        Path setFile = set != null ? set : ModelLocator.shipped(DEFAULT_SET);
        List<EvalPrompt> prompts;
        try {
            prompts = spread(EvalSet.read(setFile), maxPrompts);
        } catch (EvalSetException e) {
            throw new UserInputException(e.getMessage());
        }
        Soundfont font = Soundfonts.open(soundfont);
        Path modelDir = ModelLocator.orDefault(model);
        Path judgePath = judgeDir != null ? judgeDir : ModelLocator.shipped(DEFAULT_JUDGE);
        if (judgeDir != null && !Files.isDirectory(judgeDir)) {
            throw new UserInputException("judge folder not found: " + judgeDir);
        }
        if (audioOut != null && Files.isRegularFile(audioOut)) {
            throw new UserInputException("--audio-out is a file, not a folder: " + audioOut);
        }
        if (audioOut != null) {
            OutputFiles.checkFolderWritable(audioOut);
        }
        TokenCache.Contents tokens = trainTokens == null ? null : readTokens(trainTokens, modelDir);
        ConsoleProgress progress = new ConsoleProgress();
        CancellationToken cancel = new CancellationToken();
        try (LocalMusicEngine engine = EngineLoader.open(modelDir); AudioJudge judge = openJudge(judgePath)) {
            MemorizationCheck memo = tokens == null || memorizationPrompts == 0 ? null
                    : MemorizationCheck.of(tokens, memorizationPrompts, MemorizationCheck.DEFAULT_SECONDS);
            GenerationEvaluator evaluator = new GenerationEvaluator(engine,
                    new GenerationEvaluator.Options(seeds, font, judge, memo, audioOut, params, !noFloor));
            GenerationEvaluator.Report report;
            try (ShutdownGuard guard = new ShutdownGuard(cancel)) {
                report = evaluator.evaluate(prompts, progress, cancel);
            } catch (EvalSetException e) {
                throw new UserInputException(e.getMessage());
            } catch (SoundfontException e) {
                throw new UserInputException(e.getMessage());
            }
            progress.finishLine();
            Map<String, Object> out = summary(report, judge == null ? null : judgePath, setFile, modelDir, font);
            Map<String, Object> drawn = new LinkedHashMap<>();
            drawn.put("cfg", params.guidance());
            drawn.put("temperature", params.temperature());
            drawn.put("top_k", params.topK());
            drawn.put("top_p", params.topP());
            out.put("sampling", drawn);
            if (json) {
                JsonOutput.print(System.out, out);
            } else {
                printTable(report, params);
            }
        }
        return 0;
    }

    private Map<String, Object> summary(GenerationEvaluator.Report r, Path judgePath, Path setFile, Path modelDir,
                                        Soundfont font) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model", r.model());
        out.put("reference", r.reference());
        out.put("unconditional", r.unconditional());
        out.put("reference_through_codec", r.referenceThroughCodec());
        Map<String, Object> judge = new LinkedHashMap<>();
        judge.put("dir", judgePath == null ? null : judgePath.toString());
        judge.put("style_accuracy_on_reference", r.judge().styleAccuracyOnReference());
        judge.put("instrument_f1_on_reference", r.judge().instrumentF1OnReference());
        Path reportFile = judgePath == null ? null : judgePath.resolve(TrainJudgeCommand.REPORT_FILE);
        if (reportFile != null && Files.isRegularFile(reportFile)) {
            JsonNode trained = MAPPER.readTree(reportFile.toFile());
            for (String key : new String[] {"heldout_style_accuracy", "heldout_instrument_f1", "steps"}) {
                if (trained.hasNonNull(key)) {
                    judge.put(key, trained.get(key).numberValue());
                }
            }
        }
        out.put("judge", judge);
        out.put("prompts", r.prompts());
        out.put("melody_prompts", r.melodyPrompts());
        out.put("seeds", r.seeds());
        Map<String, Object> memo = null;
        if (r.memorizationSeconds() != null) {
            memo = new LinkedHashMap<>();
            memo.put("train_tokens", trainTokens.toString());
            memo.put("window_seconds", r.memorizationSeconds());
            memo.put("prompts", r.memorizationPrompts());
        }
        out.put("memorization", memo);
        out.put("model_dir", modelDir.toString());
        out.put("eval_set", setFile.toString());
        out.put("soundfont", font.name());
        out.put("wall_seconds", Math.round(r.wallSeconds() * 10) / 10.0);
        out.put("seconds_per_prompt", Math.round(r.wallSeconds() / r.prompts() * 100) / 100.0);
        return out;
    }

    private static void printTable(GenerationEvaluator.Report r, SamplingParams params) {
        String[] names = {"tempo_hit_rate", "tempo_hit_rate_octave", "mode_accuracy", "key_accuracy", "key_mirex_score",
            "style_accuracy", "instrument_f1", "melody_chroma_cosine", "melody_chroma_cosine_no_melody", "fd_embed",
            "memorization_exact_rate", "rtf"};
        System.out.printf("%-32s %10s %10s %14s %16s%n", "", "model", "reference", "unconditional",
                "ref_through_codec");
        for (String name : names) {
            System.out.printf("%-32s %10s %10s %14s %16s%n", name, cell(r.model(), name), cell(r.reference(), name),
                    cell(r.unconditional(), name), cell(r.referenceThroughCodec(), name));
        }
        System.out.printf(java.util.Locale.ROOT, "%d prompts (%d with a melody) x %d seeds in %.0f s (cfg %s, temperature %s,"
                + " top-k %d, top-p %s)%n", r.prompts(), r.melodyPrompts(), r.seeds(), r.wallSeconds(), params.guidance(),
                params.temperature(), params.topK(), params.topP());
    }

    private static String cell(ConditionReport c, String name) {
        if (c == null) {
            return "-";
        }
        JsonNode v = MAPPER.valueToTree(c).get(name);
        return v == null || v.isNull() ? "-" : String.format(java.util.Locale.ROOT, "%.3f", v.asDouble());
    }

    /** At most {@code max} prompts, spread evenly so every part of the set (and so every style) is sampled. */
    static List<EvalPrompt> spread(List<EvalPrompt> all, int max) {
        if (max == 0 || max >= all.size()) {
            return all;
        }
        List<EvalPrompt> picked = new ArrayList<>(max);
        for (int i = 0; i < max; i++) {
            picked.add(all.get((int) ((long) i * all.size() / max)));
        }
        return picked;
    }

    /** The judge, or null (with a note) when the default one is not there. */
    private AudioJudge openJudge(Path dir) {
        if (!Files.isDirectory(dir)) {
            System.err.println("no judge at " + dir + ": style_accuracy, instrument_f1 and fd_embed are skipped"
                    + " (train one with 'cantor train-judge' and pass --judge)");
            return null;
        }
        try {
            return AudioJudge.load(dir);
        } catch (IOException e) {
            throw new UserInputException("cannot load the judge in " + dir + ": " + e.getMessage());
        }
    }

    /** The training token cache, refused when another codec made it (its tokens could never match). */
    private static TokenCache.Contents readTokens(Path dir, Path modelDir) throws IOException {
        TokenCache.Contents cache;
        try {
            cache = TokenCache.read(dir);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UserInputException(dir + " is not a token cache (make one with 'cantor tokenize')");
        } catch (IOException e) {
            throw new UserInputException(e.getMessage());
        }
        Path modelCodec = modelDir.resolve(MusicModel.CODEC_DIR);
        Path cacheCodec = Path.of(cache.meta().codec());
        if (Files.isRegularFile(modelCodec.resolve(CodecModel.WEIGHTS_FILE))
                && Files.isRegularFile(cacheCodec.resolve(CodecModel.WEIGHTS_FILE))
                && !CodecModel.sameTokenizer(modelCodec, cacheCodec)) {
            throw new UserInputException("the token cache " + dir + " was made by another codec (" + cacheCodec
                    + ") whose encoder or quantizer differ from the model's; its tokens cannot be compared");
        }
        return cache;
    }
}
