package dev.cantor.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cantor.engine.api.CancellationToken;
import dev.cantor.engine.api.GenerationRequest;
import dev.cantor.engine.api.SamplingParams;
import dev.cantor.engine.codec.CodecModel;
import dev.cantor.engine.data.Soundfont;
import dev.cantor.engine.data.SoundfontException;
import dev.cantor.engine.data.TokenCache;
import dev.cantor.engine.eval.EvalPrompt;
import dev.cantor.engine.eval.EvalSet;
import dev.cantor.engine.eval.EvalSetException;
import dev.cantor.engine.eval.GenerationEvaluator;
import dev.cantor.engine.eval.LongFormEvaluator;
import dev.cantor.engine.eval.LongFormReport;
import dev.cantor.engine.eval.MemorizationCheck;
import dev.cantor.engine.generation.LocalMusicEngine;
import dev.cantor.engine.generation.MusicModel;
import dev.cantor.engine.judge.AudioJudge;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
                + "unconditional generation (the floor).",
            "Long form: a few pieces of --long-seconds are cut into --long-window windows, and each window is "
                + "checked for the prompt's key and tempo and for collapse into silence (RMS below -50 dBFS) or "
                + "noise (spectral flatness of at least 0.9)."})
final class EvalCommand implements Callable<Integer> {

    static final String DEFAULT_SET = "resources/eval/prompts.jsonl";
    static final String DEFAULT_JUDGE = "resources/eval/judge";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Mixin
    ModelOption model = new ModelOption();

    @Option(names = "--set", paramLabel = "FILE.jsonl",
            description = "Evaluation set (default: the shipped " + DEFAULT_SET + "). Repeat to score the model on "
                    + "several sets side by side, e.g. the shipped set and a second one from 'make-eval-set "
                    + "--vocabulary v2'; the first set's figures stay at the top of the JSON.")
    List<Path> sets = new ArrayList<>();

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

    @Option(names = "--long-pieces", defaultValue = "6",
            description = "Long pieces to make from prompts of the (first) set, spread over it, for the long-form "
                    + "figures; 0 skips them (default: ${DEFAULT-VALUE}).")
    int longPieces;

    @Option(names = "--long-seconds", defaultValue = "60",
            description = "Length of each long piece, made as 'generate --seconds' makes it (default: ${DEFAULT-VALUE}).")
    double longSeconds;

    @Option(names = "--long-window", defaultValue = "10",
            description = "Length of the windows a long piece is cut into and each scored on its own "
                    + "(default: ${DEFAULT-VALUE}).")
    double longWindow;

    @Mixin
    JsonOption json = new JsonOption();

    @Mixin
    SamplingOptions sampling;

    @Mixin
    DeviceOption device = new DeviceOption();

    @Override
    public Integer call() throws Exception {
        device.apply();
        if (seeds < 1 || seeds > 100) {
            throw new UserInputException("--seeds must be between 1 and 100");
        }
        if (maxPrompts < 0 || memorizationPrompts < 0) {
            throw new UserInputException("--max-prompts and --memorization-prompts must be ≥ 0");
        }
        checkLongForm();
        SamplingParams params = sampling.params();
        List<Path> setFiles = sets.isEmpty() ? List.of(ModelLocator.shipped(DEFAULT_SET)) : sets;
        if (setFiles.stream().distinct().count() < setFiles.size()) {
            throw new UserInputException("the same --set is given twice");
        }
        List<List<EvalPrompt>> promptSets = new ArrayList<>();
        List<EvalPrompt> longPrompts;
        try {
            for (Path file : setFiles) {
                List<EvalPrompt> prompts = EvalSet.read(file);
                prompts.forEach(EvalPrompt::spec); // every reference piece, before the model loads
                promptSets.add(prompts);
            }
            // long pieces spread over the whole first set, whatever --max-prompts keeps of it
            longPrompts = spread(promptSets.get(0), longPieces);
            promptSets.replaceAll(all -> spread(all, maxPrompts));
        } catch (EvalSetException e) {
            throw new UserInputException(e.getMessage());
        }
        Soundfont font = Soundfonts.open(soundfont);
        Path modelDir = model.dir();
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
            List<GenerationEvaluator.Report> reports = new ArrayList<>();
            LongFormReport longForm = null;
            LongFormReport longFormReference = null;
            try (ShutdownGuard guard = new ShutdownGuard(cancel)) {
                for (int i = 0; i < promptSets.size(); i++) {
                    // the memorization check does not depend on the set: once is enough
                    GenerationEvaluator evaluator = new GenerationEvaluator(engine, new GenerationEvaluator.Options(
                            seeds, font, judge, i == 0 ? memo : null, audioOut, params, !noFloor));
                    reports.add(evaluator.evaluate(promptSets.get(i), progress, cancel));
                }
                if (longPieces > 0) {
                    LongFormEvaluator evaluator = new LongFormEvaluator(engine,
                            new LongFormEvaluator.Options(longSeconds, longWindow, params, audioOut));
                    longForm = evaluator.evaluate(longPrompts, progress, cancel);
                    longFormReference = evaluator.evaluateReference(longPrompts, font, progress, cancel);
                }
            } catch (EvalSetException e) {
                throw new UserInputException(e.getMessage());
            } catch (SoundfontException e) {
                throw new UserInputException(e.getMessage());
            }
            progress.finishLine();
            Path judgeUsed = judge == null ? null : judgePath;
            Map<String, Object> out = summary(reports.get(0), judgeUsed, setFiles.get(0), modelDir, font);
            Map<String, Object> drawn = new LinkedHashMap<>();
            drawn.put("cfg", params.guidance());
            drawn.put("key_guidance", params.keyGuidance());
            drawn.put("temperature", params.temperature());
            drawn.put("top_k", params.topK());
            drawn.put("top_p", params.topP());
            out.put("sampling", drawn);
            out.put("long_form", longForm);
            out.put("long_form_reference", longFormReference);
            if (reports.size() > 1) {
                List<Map<String, Object>> each = new ArrayList<>();
                for (int i = 0; i < reports.size(); i++) {
                    each.add(summary(reports.get(i), judgeUsed, setFiles.get(i), modelDir, font));
                }
                out.put("sets", each);
            }
            if (json.requested()) {
                JsonOutput.print(System.out, out);
            } else {
                if (reports.size() == 1) {
                    EvalTables.print(reports.get(0), params);
                } else {
                    EvalTables.printSideBySide(reports, setFiles, params);
                }
                EvalTables.printLongForm(longForm, longFormReference);
            }
        }
        return 0;
    }

    private void checkLongForm() {
        if (longPieces < 0 || longPieces > 100) {
            throw new UserInputException("--long-pieces must be between 0 and 100");
        }
        if (longPieces == 0) {
            return;
        }
        if (!(longWindow > 0)) {
            throw new UserInputException("--long-window must be more than 0 seconds");
        }
        if (!(longSeconds >= longWindow) || longSeconds > GenerationRequest.MAX_SECONDS) {
            throw new UserInputException(String.format(Locale.ROOT, "--long-seconds must be between --long-window"
                    + " (%s) and %.0f", longWindow, GenerationRequest.MAX_SECONDS));
        }
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
