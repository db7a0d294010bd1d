package dev.cantor.app;

import dev.cantor.engine.api.AudioStreamListener;
import dev.cantor.engine.api.CancellationToken;
import dev.cantor.engine.api.GenerationRequest;
import dev.cantor.engine.api.GenerationResult;
import dev.cantor.engine.api.LoopPlan;
import dev.cantor.engine.api.MusicEngine;
import dev.cantor.engine.api.PromptReading;
import dev.cantor.engine.api.SamplingParams;
import dev.cantor.engine.api.TakesResult;
import dev.cantor.engine.audio.AudioClip;
import dev.cantor.engine.audio.SampleFormat;
import dev.cantor.engine.audio.WavWriter;
import dev.cantor.engine.generation.LocalMusicEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cantor generate}: text (and optionally a melody or audio to continue) to a WAV, or to N
 * WAVs of N takes made at once ({@code --takes}), optionally heard while it is made ({@code --play}).
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate music from a text prompt, optionally following a hummed melody or continuing audio.")
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--prompt", description = "What to play, e.g. \"slow melancholic piano, 70 bpm, A minor\".")
    String prompt;

    @Option(names = "--seconds", defaultValue = "10", description = "Length of the new music in seconds (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--seed", description = "Sampling seed; the same inputs and seed give the same audio (default: random, printed).")
    Long seed;

    @Option(names = "--melody", description = "WAV of a hummed, sung, whistled or played melody to follow.")
    Path melody;

    @Option(names = "--continue", description = "WAV to continue (at most 10 minutes); the output starts with it.")
    Path continuation;

    @Option(names = "--takes", defaultValue = "1", description = "Make N variations at once (seeds SEED, SEED+1, …; 1–"
            + MusicEngine.MAX_TAKES + "), written as OUT-1.wav … OUT-N.wav (default: ${DEFAULT-VALUE}, written as --out).")
    int takes;

    @Option(names = "--play", description = "Play on the sound card while the music is made (the first take); --out is written too.")
    boolean play;

    @Mixin
    LoopOption loop = new LoopOption();

    @Mixin
    SamplingOptions sampling;

    @Mixin
    ModelOption model = new ModelOption();

    @Mixin
    AudioOutputOptions output;

    @Mixin
    DeviceOption device = new DeviceOption();

    @Override
    public Integer call() throws Exception {
        device.apply();
        SampleFormat sampleFormat = output.sampleFormat();
        long actualSeed = seed != null ? seed : ThreadLocalRandom.current().nextLong(1L << 31);
        GenerationRequest.requireValidSeconds(seconds);
        MusicEngine.requireValidTakes(takes, seconds);
        SamplingParams params = sampling.params();
        if ((prompt == null || prompt.isBlank()) && melody == null && continuation == null) {
            throw new UserInputException("give --prompt (or --melody / --continue)");
        }
        if (melody != null) {
            InputAudio.requireFile(melody, "melody");
        }
        if (continuation != null) {
            InputAudio.requireFile(continuation, "audio to continue");
        }
        loop.check(continuation, takes, play);
        List<Path> outs = TakeFiles.paths(output.out, takes);
        for (Path out : outs) {
            OutputFiles.checkWritable(out, output.force.given());
        }
        try (LocalMusicEngine engine = EngineLoader.open(model.dir())) {
            LoopPlan loopPlan = loop.plan(engine, prompt, seconds);
            // Only what is used is read: the melody's first seconds (it is followed for the length asked
            // for), and audio to continue of at most MAX_CONTINUE_SECONDS (the output starts with all of it).
            AudioClip melodyClip = melody == null ? null
                    : InputAudio.readStart(melody, "melody", engine.sampleRate(),
                            loopPlan == null ? seconds : LoopOption.melodySeconds(loopPlan));
            AudioClip continueClip = continuation == null ? null
                    : InputAudio.readAtMost(continuation, "audio to continue", engine.sampleRate(),
                            InputAudio.MAX_CONTINUE_SECONDS);
            GenerationRequest request = new GenerationRequest(prompt, seconds, params.withSeed(actualSeed), melodyClip,
                    continueClip);
            if (loopPlan != null) {
                loop.generate(engine, request, output, sampleFormat);
                return 0;
            }
            ConsoleProgress progress = new ConsoleProgress();
            CancellationToken cancel = new CancellationToken();
            try (ShutdownGuard guard = new ShutdownGuard(cancel);
                 LivePlayback live = play ? LivePlayback.open(engine.sampleRate()) : null) {
                long start = System.nanoTime();
                double[] firstAudio = {-1};
                AudioStreamListener speaker = live == null ? null : live.listener();
                AudioStreamListener stream = live == null ? AudioStreamListener.NONE : chunk -> {
                    if (firstAudio[0] < 0) {
                        firstAudio[0] = (System.nanoTime() - start) / 1e9;
                    }
                    speaker.onChunk(chunk);
                };
                TakesResult result = engine.generateTakes(request, takes, progress, stream, cancel);
                progress.finishLine();
                PromptReading reading = engine.read(prompt == null ? "" : prompt);
                for (int i = 0; i < takes; i++) {
                    WavWriter.write(outs.get(i), result.takes().get(i).audio(), sampleFormat, output.replacing());
                }
                report(request, outs, result, reading, firstAudio[0]);
                if (live != null) {
                    live.awaitEnd(cancel);
                    if (live.stalls() > 0) {
                        System.err.println("the sound card waited " + live.stalls() + " time(s) for the generator");
                    }
                }
            }
        }
        return 0;
    }

    private void report(GenerationRequest request, List<Path> outs, TakesResult result, PromptReading reading,
                        double firstAudioSeconds) {
        GenerationResult first = result.takes().get(0);
        double audioSeconds = first.audio().seconds();
        double wall = result.lmSeconds() + result.decodeSeconds();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("out", outs.get(0).toString());
        summary.put("seed", result.seeds().get(0));
        summary.put("seconds", audioSeconds);
        summary.put("sample_rate", first.audio().sampleRate());
        summary.put("frames", first.codes()[0].length);
        summary.put("lm_seconds", round(result.lmSeconds()));
        summary.put("decode_seconds", round(result.decodeSeconds()));
        summary.put("rtf", round(wall / Math.max(1e-9, request.seconds() * outs.size())));
        List<Map<String, Object>> takeList = new ArrayList<>();
        for (int i = 0; i < outs.size(); i++) {
            takeList.add(Map.of("out", outs.get(i).toString(), "seed", result.seeds().get(i)));
        }
        summary.put("takes", takeList);
        summary.put("seconds_per_take", round(result.secondsPerTake()));
        if (firstAudioSeconds >= 0) {
            summary.put("first_audio_s", round(firstAudioSeconds));
        }
        summary.put("read_from_prompt", readingJson(reading));
        if (output.json.requested()) {
            JsonOutput.print(System.out, summary);
            return;
        }
        System.out.println("read from the prompt: " + reading.summary());
        if (outs.size() == 1) {
            System.out.printf(Locale.ROOT, "wrote %s (%.2f s, seed %d) in %.1f s%n", outs.get(0), audioSeconds,
                    result.seeds().get(0), wall);
        } else {
            for (int i = 0; i < outs.size(); i++) {
                System.out.printf(Locale.ROOT, "wrote %s (%.2f s, seed %d)%n", outs.get(i), audioSeconds,
                        result.seeds().get(i));
            }
            System.out.printf(Locale.ROOT, "%d takes in %.1f s: %.2f s per take%n", outs.size(), wall,
                    result.secondsPerTake());
        }
        if (firstAudioSeconds >= 0) {
            System.out.printf(Locale.ROOT, "first sound after %.2f s; playing to the end (Ctrl-C stops)%n",
                    firstAudioSeconds);
        }
    }

    /**
     * The reading in the JSON output's snake_case; absent parts are null. {@code mapped} lists the
     * words read as another term (by Cantor's lexicon, or by embedding with its cosine similarity),
     * {@code unknown} the words not understood, {@code used_by_model} the parts the model conditions on.
     */
    static Map<String, Object> readingJson(PromptReading r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tempo_bpm", r.tempoBpm());
        m.put("key", r.key());
        m.put("mode", r.mode());
        m.put("style", r.style());
        m.put("mood", r.mood());
        m.put("instruments", r.instruments());
        List<Map<String, Object>> mapped = new ArrayList<>();
        for (PromptReading.Mapped w : r.mapped()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("word", w.word());
            one.put("to", w.to());
            one.put("kind", w.kind());
            one.put("by", w.similarity() == null ? "lexicon" : "embedding");
            one.put("similarity", w.similarity());
            mapped.add(one);
        }
        m.put("mapped", mapped);
        m.put("unknown", r.unknown());
        m.put("used_by_model", r.usedByModel());
        m.put("summary", r.summary());
        return m;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
