package dev.cantor.app;

import dev.cantor.engine.api.AudioStreamListener;
import dev.cantor.engine.api.CancellationToken;
import dev.cantor.engine.api.GenerationRequest;
import dev.cantor.engine.api.GenerationResult;
import dev.cantor.engine.api.MusicEngine;
import dev.cantor.engine.api.ProgressListener;
import dev.cantor.engine.api.TakesResult;
import dev.cantor.engine.generation.LocalMusicEngine;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cantor bench}: how fast generation runs on this machine — wall seconds per second of
 * audio for the LM sampling loop and for decoding, separately and together; how soon a streamed
 * take is first heard; optionally N takes at once against N single runs; plus peak memory.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure generation speed (real-time factor) and peak memory on this machine.")
final class BenchCommand implements Callable<Integer> {

    @Mixin
    ModelOption model = new ModelOption();

    @Option(names = "--seconds", defaultValue = "10", description = "Seconds of audio to generate (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--prompt", defaultValue = "upbeat pop with piano, bass and drums, 120 bpm",
            description = "Prompt to generate from (default: ${DEFAULT-VALUE}).")
    String prompt;

    @Option(names = "--runs", defaultValue = "1", description = "Measured runs after one warm-up (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--takes", defaultValue = "1", description = "Also time N takes made at once (generate --takes) "
            + "against N single runs, 2–" + MusicEngine.MAX_TAKES + " (default: ${DEFAULT-VALUE}: not timed).")
    int takes;

    @Mixin
    JsonOption json = new JsonOption();

    @Mixin
    DeviceOption device = new DeviceOption();

    @Override
    public Integer call() throws Exception {
        device.apply();
        GenerationRequest.requireValidSeconds(seconds);
        MusicEngine.requireValidTakes(takes, seconds);
        if (runs < 1 || runs > 100) {
            throw new UserInputException("--runs must be 1..100");
        }
        try (LocalMusicEngine engine = EngineLoader.open(model.dir())) {
            // Warm-up: class loading, JIT and the native libraries' first calls are not what we measure.
            engine.generate(GenerationRequest.ofPrompt(prompt, 1.0, 0), ProgressListener.NONE, CancellationToken.NEVER);
            double lm = 0;
            double decode = 0;
            double audio = 0;
            double firstAudio = 0;
            int frames = 0;
            for (int r = 0; r < runs; r++) {
                GenerationRequest request = GenerationRequest.ofPrompt(prompt, seconds, r + 1);
                GenerationResult result = engine.generate(request, ProgressListener.NONE, CancellationToken.NEVER);
                lm += result.lmSeconds();
                decode += result.decodeSeconds();
                audio += result.audio().seconds();
                frames += result.codes()[0].length;
                firstAudio += firstAudioSeconds(engine, request);
            }
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("model", model.dir().toString());
            report.put("lm_parameters", engine.model().lm().parameters().parameterCount());
            report.put("codec_parameters", engine.model().codec().parameters().parameterCount());
            report.put("audio_seconds", round(audio));
            report.put("lm_rtf", round(lm / audio));
            report.put("decode_rtf", round(decode / audio));
            report.put("rtf", round((lm + decode) / audio));
            report.put("lm_ms_per_frame", round(1000 * lm / frames));
            report.put("first_audio_s", round(firstAudio / runs));
            TakesTiming timing = takes > 1 ? timeTakes(engine) : null;
            if (timing != null) {
                report.put("takes", takes);
                report.put("single_seconds_per_take", round(timing.single()));
                report.put("batch_seconds_per_take", round(timing.batch()));
                report.put("batch_speedup", round(timing.single() / timing.batch()));
            }
            report.put("peak_heap_mb", round(peakHeapBytes() / 1048576.0));
            report.put("peak_rss_mb", round(peakRssKb() / 1024.0));
            report.put("cores", Runtime.getRuntime().availableProcessors());
            report.put("device", engine.model().device());
            if (json.requested()) {
                JsonOutput.print(System.out, report);
            } else {
                System.out.printf(Locale.ROOT, "on %s, generated %.1f s of audio: LM %.3f s/s, decoding %.3f s/s, total rtf %.3f;"
                        + " first sound after %.2f s; peak heap %.0f MB, peak RSS %.0f MB%n", engine.model().device(), audio,
                        lm / audio, decode / audio, (lm + decode) / audio, firstAudio / runs, peakHeapBytes() / 1048576.0,
                        peakRssKb() / 1024.0);
                if (timing != null) {
                    System.out.printf(Locale.ROOT, "%d takes at once: %.2f s per take, against %.2f s for a single run"
                            + " (%.2f× faster)%n", takes, timing.batch(), timing.single(), timing.single() / timing.batch());
                }
            }
        }
        return 0;
    }

    /**
     * Seconds from the start of a streamed generation of {@code request} (the studio's and
     * {@code generate --play}'s way) to its first chunk of audio.
     */
    private static double firstAudioSeconds(LocalMusicEngine engine, GenerationRequest request) {
        long start = System.nanoTime();
        long[] first = {-1};
        engine.generate(request, ProgressListener.NONE, chunk -> {
            if (first[0] < 0) {
                first[0] = System.nanoTime();
            }
        }, CancellationToken.NEVER);
        return (first[0] - start) / 1e9;
    }

    /** Seconds of sampling and decoding per take: single runs, and all takes at once. */
    private record TakesTiming(double single, double batch) {
    }

    private TakesTiming timeTakes(LocalMusicEngine engine) {
        GenerationRequest request = GenerationRequest.ofPrompt(prompt, seconds, 1);
        double single = 0;
        for (int i = 0; i < takes; i++) {
            GenerationResult r = engine.generate(request.withSeed(request.seedOfTake(i)), ProgressListener.NONE,
                    CancellationToken.NEVER);
            single += r.lmSeconds() + r.decodeSeconds();
        }
        TakesResult batch = engine.generateTakes(request, takes, ProgressListener.NONE, AudioStreamListener.NONE,
                CancellationToken.NEVER);
        return new TakesTiming(single / takes, batch.secondsPerTake());
    }

    private static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /** Peak resident set size (VmHWM) in kB, or -1 where /proc is not available. */
    private static long peakRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
