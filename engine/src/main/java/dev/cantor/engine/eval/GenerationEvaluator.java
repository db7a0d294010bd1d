package dev.cantor.engine.eval;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cantor.engine.api.CancellationToken;
import dev.cantor.engine.api.GenerationRequest;
import dev.cantor.engine.api.GenerationResult;
import dev.cantor.engine.api.ProgressListener;
import dev.cantor.engine.api.ProgressStage;
import dev.cantor.engine.api.SamplingParams;
import dev.cantor.engine.audio.AudioClip;
import dev.cantor.engine.audio.SampleFormat;
import dev.cantor.engine.audio.WavWriter;
import dev.cantor.engine.data.Soundfont;
import dev.cantor.engine.generation.LocalMusicEngine;
import dev.cantor.engine.judge.AudioJudge;
import dev.cantor.engine.judge.JudgeVerdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Scores a music model on an evaluation set (issue 4): for every prompt and seed, the model's
 * text-only clip (and, for melody prompts, a clip following the hummed melody), the real piece
 * rendered from the prompt's labels (the ceiling, and a check of the estimators), the same piece
 * passed through the model's codec (the ceiling for anything made of these tokens) and an
 * unconditional clip (the floor). Each kind of clip gets the same figures — tempo, key and
 * mode by DSP, style and instruments by the {@link AudioJudge}, melody chroma agreement, the
 * Fréchet distance of judge embeddings to the references, memorization and speed — so every
 * figure can be read beside its ceiling and floor.
 */
public final class GenerationEvaluator {

    /**
     * How to evaluate.
     *
     * @param seeds        generations per prompt (seeds 0..seeds-1)
     * @param soundfont    renders the reference pieces
     * @param judge        the audio classifier, or null to skip style, instruments and fd_embed
     * @param memorization training tokens and captions, or null to skip memorization
     * @param audioOut     folder to keep every clip in as WAV, or null
     * @param sampling     how every clip is sampled (its seed is replaced by each clip's own; the
     *                     unconditional clips use its temperature and filters, without guidance)
     * @param floor        whether to make the unconditional clips (the floor); without them the
     *                     report's {@code unconditional} is null and the evaluation takes about
     *                     a third less time, e.g. to compare sampling settings of one model
     */
    public record Options(int seeds, Soundfont soundfont, AudioJudge judge, MemorizationCheck memorization,
                          Path audioOut, SamplingParams sampling, boolean floor) {
        public Options {
            if (seeds < 1) {
                throw new IllegalArgumentException("need at least one seed");
            }
            java.util.Objects.requireNonNull(sampling, "sampling");
        }
    }

    /** The judge's own showing on the real renders of the prompts. */
    public record JudgeSummary(@JsonProperty("style_accuracy_on_reference") Double styleAccuracyOnReference,
                               @JsonProperty("instrument_f1_on_reference") Double instrumentF1OnReference) {
    }

    /**
     * Everything an evaluation measured.
     *
     * @param model                the model's clips (text prompts; melody figures from the melody prompts)
     * @param reference            the real pieces behind the prompts; its fd_embed compares them with other
     *                             real pieces of the same labels, the best a generator can hope for
     * @param unconditional        clips made with no condition, scored against the same prompts; null
     *                             when {@link Options#floor()} is off
     * @param referenceThroughCodec the real pieces encoded and decoded by the model's codec: what a
     *                             perfect language model could reach with these tokens
     * @param memorizationSeconds  length of the memorization window, or null when not measured
     * @param memorizationPrompts  training captions generated from for the memorization check
     * @param wallSeconds          wall time of the whole evaluation
     */
    public record Report(ConditionReport model, ConditionReport reference, ConditionReport unconditional,
                         ConditionReport referenceThroughCodec, JudgeSummary judge, int prompts, int melodyPrompts, int seeds, Double memorizationSeconds,
                         int memorizationPrompts, double wallSeconds) {
    }

    private final LocalMusicEngine engine;
    private final Options options;

    public GenerationEvaluator(LocalMusicEngine engine, Options options) {
        this.engine = engine;
        this.options = options;
    }

    /**
     * Evaluates the prompts; progress is one unit per prompt ("evaluating"), then one per
     * memorization prompt ("memorization").
     */
    public Report evaluate(List<EvalPrompt> prompts, ProgressListener progress, CancellationToken cancel)
            throws IOException {
        long start = System.nanoTime();
        if (options.audioOut() != null) {
            Files.createDirectories(options.audioOut());
        }
        for (EvalPrompt p : prompts) {
            p.spec(); // fail before hours of work if the set no longer matches the composer
        }
        ConditionScores model = new ConditionScores();
        ConditionScores reference = new ConditionScores();
        ConditionScores alternate = new ConditionScores();
        ConditionScores unconditional = new ConditionScores();
        ConditionScores throughCodec = new ConditionScores();
        int rate = engine.sampleRate();
        int melodyPrompts = 0;
        try (ReferenceRenderer renderer = new ReferenceRenderer(options.soundfont(), rate)) {
            progress.onProgress(0, prompts.size(), ProgressStage.EVALUATING);
            for (int i = 0; i < prompts.size(); i++) {
                EvalPrompt prompt = prompts.get(i);
                cancel.throwIfCancelled();
                long r0 = System.nanoTime();
                AudioClip ref = renderer.render(prompt);
                reference.addTiming((System.nanoTime() - r0) / 1e9, ref.seconds());
                reference.addClip(ref, prompt, judge(ref));
                long c0 = System.nanoTime();
                AudioClip coded = new AudioClip(engine.model().codec().roundTrip(ref.samples()), rate);
                throughCodec.addTiming((System.nanoTime() - c0) / 1e9, ref.seconds());
                throughCodec.addClip(coded, prompt, judge(coded));
                AudioClip alt = renderer.renderAlternate(prompt);
                alternate.addClip(alt, prompt, judge(alt));
                AudioClip hum = null;
                if (prompt.hasMelody()) {
                    melodyPrompts++;
                    hum = HumSynth.render(prompt.melody(), prompt.seconds(), rate);
                    reference.addMelody(melodyCosine(hum, ref));
                    throughCodec.addMelody(melodyCosine(hum, coded));
                    keep(prompt.id() + "-hum", hum);
                }
                keep(prompt.id() + "-reference", ref);
                keep(prompt.id() + "-reference-codec", coded);
                for (int s = 0; s < options.seeds(); s++) {
                    evaluateSeed(prompt, i, s, hum, model, unconditional, cancel);
                }
                progress.onProgress(i + 1, prompts.size(), ProgressStage.EVALUATING);
            }
        }
        MemorizationCheck memo = options.memorization();
        if (memo != null) {
            progress.onProgress(0, memo.captions().size(), ProgressStage.MEMORIZATION);
            for (int j = 0; j < memo.captions().size(); j++) {
                cancel.throwIfCancelled();
                GenerationResult r = engine.generate(request(memo.captions().get(j), memo.seconds(), seed(j, 0)),
                        ProgressListener.NONE, cancel);
                model.addMemorization(memo.index().containsPrefix(r.codes()[0]));
                progress.onProgress(j + 1, memo.captions().size(), ProgressStage.MEMORIZATION);
            }
        }
        List<float[]> refEmbeddings = reference.embeddings();
        ConditionReport referenceReport = reference.report(frechet(alternate.embeddings(), refEmbeddings));
        JudgeSummary judgeSummary = new JudgeSummary(referenceReport.styleAccuracy(), referenceReport.instrumentF1());
        return new Report(model.report(frechet(model.embeddings(), refEmbeddings)), referenceReport,
                options.floor() ? unconditional.report(frechet(unconditional.embeddings(), refEmbeddings)) : null,
                throughCodec.report(frechet(throughCodec.embeddings(), refEmbeddings)), judgeSummary,
                prompts.size(), melodyPrompts, options.seeds(), memo == null ? null : memo.seconds(),
                memo == null ? 0 : memo.captions().size(), (System.nanoTime() - start) / 1e9);
    }

    private void evaluateSeed(EvalPrompt prompt, int index, int repetition, AudioClip hum, ConditionScores model,
                              ConditionScores unconditional, CancellationToken cancel) throws IOException {
        long seed = seed(index, repetition);
        String name = prompt.id() + "-seed" + repetition;
        GenerationRequest request = request(prompt.prompt(), prompt.seconds(), seed);
        GenerationResult text = engine.generate(request, ProgressListener.NONE, cancel);
        model.addTiming(text.lmSeconds() + text.decodeSeconds(), text.audio().seconds());
        model.addClip(text.audio(), prompt, judge(text.audio()));
        keep(name + "-model", text.audio());
        if (hum != null) {
            GenerationResult followed = engine.generate(request.withMelody(hum), ProgressListener.NONE, cancel);
            model.addMelody(melodyCosine(hum, followed.audio()));
            model.addMelodyWithout(melodyCosine(hum, text.audio()));
            keep(name + "-melody", followed.audio());
        }
        if (!options.floor()) {
            return;
        }
        GenerationResult free = engine.generateUnconditional(prompt.seconds(), options.sampling().withSeed(seed),
                ProgressListener.NONE, cancel);
        unconditional.addTiming(free.lmSeconds() + free.decodeSeconds(), free.audio().seconds());
        unconditional.addClip(free.audio(), prompt, judge(free.audio()));
        if (hum != null) {
            unconditional.addMelody(melodyCosine(hum, free.audio()));
        }
        MemorizationCheck memo = options.memorization();
        if (memo != null && free.codes()[0].length >= memo.windowFrames()) {
            // the unconditional clip's opening is as good a probe as a dedicated short one
            unconditional.addMemorization(memo.index().containsPrefix(free.codes()[0]));
        }
        keep(name + "-unconditional", free.audio());
    }

    private GenerationRequest request(String prompt, double seconds, long seed) {
        return request(prompt, seconds, seed, options.sampling());
    }

    /** A text request as {@code cantor generate} makes it, sampled with {@code s} (its seed replaced by {@code seed}). */
    static GenerationRequest request(String prompt, double seconds, long seed, SamplingParams s) {
        return new GenerationRequest(prompt, seconds, s.withSeed(seed), null, null);
    }

    private JudgeVerdict judge(AudioClip clip) {
        return options.judge() == null ? null : options.judge().judge(clip);
    }

    private double melodyCosine(AudioClip hum, AudioClip output) {
        return MelodySimilarity.chromaCosine(hum, output, engine.frameRate());
    }

    private void keep(String name, AudioClip clip) throws IOException {
        if (options.audioOut() != null) {
            WavWriter.write(options.audioOut().resolve(name + ".wav"), clip, SampleFormat.PCM_16);
        }
    }

    /** The sampling seed of prompt {@code i}, repetition {@code s}: distinct for every pair. */
    static long seed(int i, int s) {
        return (long) s << 20 | i;
    }

    private static Double frechet(List<float[]> a, List<float[]> b) {
        if (a.size() < 2 || b.size() < 2) {
            return null;
        }
        return ConditionScores.finite(FrechetDistance.between(a, b));
    }
}
