package dev.cantor.app;

import dev.cantor.engine.api.CancellationToken;
import dev.cantor.engine.api.PromptReading;
import dev.cantor.engine.api.StoryRequest;
import dev.cantor.engine.api.StoryResult;
import dev.cantor.engine.api.story.StoryProject;
import dev.cantor.engine.api.story.StoryProjectException;
import dev.cantor.engine.api.story.StorySection;
import dev.cantor.engine.audio.SampleFormat;
import dev.cantor.engine.audio.WavWriter;
import dev.cantor.engine.eval.StoryCheck;
import dev.cantor.engine.generation.LocalMusicEngine;
import dev.cantor.engine.story.StoryProjects;
import dev.cantor.engine.story.StoryRequests;
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
import picocli.CommandLine.Parameters;

/** {@code cantor story}: renders a story project (sections with their own prompts) as one piece. */
@Command(name = "story", mixinStandardHelpOptions = true,
        description = "Render a story project — a timeline of sections, each with its own prompt — as one continuous piece.")
final class StoryCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PROJECT.json", description = "The story project file (\"format\": \"cantor-project\").")
    Path project;

    @Option(names = "--seed", description = "Story seed, replacing the project's (sections with their own seed keep it).")
    Long seed;

    @Mixin
    ModelOption model = new ModelOption();

    @Option(names = "--check", description = "Also measure the result: each section's estimated tempo, and at each seam the largest sample jump and the level beside the rest of the piece.")
    boolean check;

    @Mixin
    AudioOutputOptions output;

    @Mixin
    DeviceOption device = new DeviceOption();

    @Override
    public Integer call() throws Exception {
        device.apply();
        SampleFormat sampleFormat = output.sampleFormat();
        StoryProject story;
        try {
            story = StoryProjects.read(project);
        } catch (StoryProjectException e) {
            throw new UserInputException(e.getMessage());
        }
        if (seed != null) {
            story = story.withSeed(seed);
        }
        output.checkWritable();
        try (LocalMusicEngine engine = EngineLoader.open(model.dir())) {
            StoryRequest request;
            try {
                request = StoryRequests.of(story, project.toAbsolutePath().getParent(), engine.sampleRate());
            } catch (StoryProjectException e) {
                throw new UserInputException(e.getMessage());
            }
            ConsoleProgress progress = new ConsoleProgress();
            CancellationToken cancel = new CancellationToken();
            StoryResult result;
            try (ShutdownGuard guard = new ShutdownGuard(cancel)) {
                result = engine.generateStory(request, progress, cancel);
            }
            progress.finishLine();
            WavWriter.write(output.out, result.audio(), sampleFormat, output.replacing());
            List<PromptReading> readings = new ArrayList<>();
            for (StorySection section : story.sections()) {
                readings.add(engine.read(section.prompt()).withSettings(section.tempoBpm(), section.key(), section.mode()));
            }
            report(story, result, readings, check ? StoryCheck.of(result, story.transitionSeconds()) : null);
        }
        return 0;
    }

    private void report(StoryProject story, StoryResult result, List<PromptReading> readings,
                        StoryCheck.Report measured) {
        if (output.json.requested()) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("out", output.out.toString());
            summary.put("seed", story.seed());
            summary.put("seconds", result.audio().seconds());
            summary.put("sample_rate", result.audio().sampleRate());
            List<Map<String, Object>> sections = new ArrayList<>();
            for (int i = 0; i < result.sections(); i++) {
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("prompt", story.sections().get(i).prompt());
                s.put("start", result.startSeconds(i));
                s.put("end", result.endSeconds(i));
                s.put("conditions", GenerateCommand.readingJson(readings.get(i)));
                if (measured != null) {
                    StoryCheck.Section m = measured.sections().get(i);
                    s.put("estimated_bpm", Double.isNaN(m.estimatedBpm()) ? null : round(m.estimatedBpm()));
                    s.put("measured_from", round(m.from()));
                }
                sections.add(s);
            }
            summary.put("sections", sections);
            if (measured != null) {
                List<Map<String, Object>> seams = new ArrayList<>();
                for (StoryCheck.Seam seam : measured.seams()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("at", round(seam.at()));
                    m.put("max_jump", round(seam.maxJump()));
                    m.put("jump_p999_elsewhere", round(seam.jumpP999Elsewhere()));
                    m.put("rms", round(seam.rms()));
                    m.put("piece_rms", round(seam.pieceRms()));
                    m.put("rms_p10_elsewhere", round(seam.rmsP10Elsewhere()));
                    seams.add(m);
                }
                summary.put("seams", seams);
            }
            summary.put("wall_seconds", Math.round(result.wallSeconds() * 100) / 100.0);
            JsonOutput.print(System.out, summary);
            return;
        }
        System.out.printf(Locale.ROOT, "wrote %s (%.2f s, %d sections, seed %d) in %.1f s%n", output.out,
                result.audio().seconds(), result.sections(), story.seed(), result.wallSeconds());
        for (int i = 0; i < result.sections(); i++) {
            String bpm = measured == null ? "" : String.format(Locale.ROOT, "  (estimated %.1f bpm)",
                    measured.sections().get(i).estimatedBpm());
            System.out.printf(Locale.ROOT, "  %6.2f – %6.2f s  %s%s%n", result.startSeconds(i), result.endSeconds(i),
                    story.sections().get(i).prompt(), bpm);
            System.out.printf(Locale.ROOT, "                     conditions: %s%n", readings.get(i).summary());
        }
        if (measured != null) {
            for (StoryCheck.Seam seam : measured.seams()) {
                System.out.printf(Locale.ROOT, "  seam at %.2f s: largest jump %.4f (99.9th percentile elsewhere %.4f),"
                        + " level %.4f (piece %.4f; a tenth of its 100 ms windows below %.4f)%n", seam.at(),
                        seam.maxJump(), seam.jumpP999Elsewhere(), seam.rms(), seam.pieceRms(), seam.rmsP10Elsewhere());
            }
        }
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
