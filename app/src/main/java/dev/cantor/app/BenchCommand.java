package dev.cantor.app;

import dev.cantor.engine.api.CancellationToken;
import dev.cantor.engine.api.GenerationRequest;
import dev.cantor.engine.api.GenerationResult;
import dev.cantor.engine.api.ProgressListener;
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
 * audio for the LM sampling loop and for decoding, separately and together, plus peak memory.
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

    @Mixin
    JsonOption json = new JsonOption();

    @Mixin
    DeviceOption device = new DeviceOption();

    @Override
    public Integer call() throws Exception {
        device.apply();
        GenerationRequest.requireValidSeconds(seconds);
        if (runs < 1 || runs > 100) {
            throw new UserInputException("--runs must be 1..100");
        }
        try (LocalMusicEngine engine = EngineLoader.open(model.dir())) {
            // Warm-up: class loading, JIT and the native libraries' first calls are not what we measure.
            engine.generate(GenerationRequest.ofPrompt(prompt, 1.0, 0), ProgressListener.NONE, CancellationToken.NEVER);
            double lm = 0;
            double decode = 0;
            double audio = 0;
            int frames = 0;
            for (int r = 0; r < runs; r++) {
                GenerationResult result = engine.generate(GenerationRequest.ofPrompt(prompt, seconds, r + 1),
                        ProgressListener.NONE, CancellationToken.NEVER);
                lm += result.lmSeconds();
                decode += result.decodeSeconds();
                audio += result.audio().seconds();
                frames += result.codes()[0].length;
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
            report.put("peak_heap_mb", round(peakHeapBytes() / 1048576.0));
            report.put("peak_rss_mb", round(peakRssKb() / 1024.0));
            report.put("cores", Runtime.getRuntime().availableProcessors());
            report.put("device", engine.model().device());
            if (json.requested()) {
                JsonOutput.print(System.out, report);
            } else {
                System.out.printf(Locale.ROOT, "on %s, generated %.1f s of audio: LM %.3f s/s, decoding %.3f s/s, total rtf %.3f;"
                        + " peak heap %.0f MB, peak RSS %.0f MB%n", engine.model().device(), audio, lm / audio, decode / audio,
                        (lm + decode) / audio, peakHeapBytes() / 1048576.0, peakRssKb() / 1024.0);
            }
        }
        return 0;
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
