package dev.cantor.ui;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cantor.engine.sampling.SamplingParams;
import java.util.ArrayList;
import java.util.List;

/**
 * What the studio remembers between sessions (Jackson JSON in the user's config folder). Every
 * field may be missing in the file; {@link #normalized()} fills in the defaults, so settings
 * written by an older Cantor load, and unknown fields from a newer one are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StudioSettings(
        @JsonProperty("version") int version,
        @JsonProperty("recent_prompts") List<String> recentPrompts,
        @JsonProperty("model_folders") List<String> modelFolders,
        @JsonProperty("selected_model") String selectedModel,
        @JsonProperty("seconds") Double seconds,
        @JsonProperty("temperature") Double temperature,
        @JsonProperty("top_k") Integer topK,
        @JsonProperty("top_p") Double topP,
        @JsonProperty("guidance") Double guidance,
        @JsonProperty("export_format") String exportFormat,
        @JsonProperty("export_sample_rate") Integer exportSampleRate,
        @JsonProperty("export_folder") String exportFolder,
        @JsonProperty("input_device") String inputDevice,
        @JsonProperty("story_project") String storyProject) {

    public static final int VERSION = 1;
    /** Prompts kept in the history. */
    public static final int MAX_RECENT = 50;

    /** A first start: Cantor's sampling defaults, 10 s, 16-bit 44.1 kHz export. */
    public static StudioSettings defaults() {
        return new StudioSettings(VERSION, List.of(), List.of(), null, 10.0, SamplingParams.DEFAULT_TEMPERATURE,
                SamplingParams.DEFAULT_TOP_K, SamplingParams.DEFAULT_TOP_P, SamplingParams.DEFAULT_GUIDANCE, "PCM_16", 44100,
                null, null, null);
    }

    /** These settings with every missing value replaced by its default. */
    public StudioSettings normalized() {
        StudioSettings d = defaults();
        return new StudioSettings(VERSION, recentPrompts == null ? d.recentPrompts : List.copyOf(recentPrompts),
                modelFolders == null ? d.modelFolders : List.copyOf(modelFolders), selectedModel,
                seconds == null ? d.seconds : seconds, temperature == null ? d.temperature : temperature,
                topK == null ? d.topK : topK, topP == null ? d.topP : topP, guidance == null ? d.guidance : guidance,
                exportFormat == null ? d.exportFormat : exportFormat,
                exportSampleRate == null ? d.exportSampleRate : exportSampleRate, exportFolder, inputDevice, storyProject);
    }

    /** {@code recent} with {@code prompt} first (moved there if already in it), at most MAX_RECENT kept. */
    public static List<String> remember(List<String> recent, String prompt) {
        List<String> list = new ArrayList<>(recent == null ? List.of() : recent);
        list.remove(prompt);
        list.add(0, prompt);
        while (list.size() > MAX_RECENT) {
            list.remove(list.size() - 1);
        }
        return List.copyOf(list);
    }

    /** With {@code prompt} first in the history (see {@link #remember}). */
    public StudioSettings withRecentPrompt(String prompt) {
        return withRecentPrompts(remember(recentPrompts, prompt));
    }

    /** With this history of prompts, newest first. */
    public StudioSettings withRecentPrompts(List<String> prompts) {
        return new StudioSettings(version, List.copyOf(prompts), modelFolders, selectedModel, seconds, temperature,
                topK, topP, guidance, exportFormat, exportSampleRate, exportFolder, inputDevice, storyProject);
    }

    public StudioSettings withModelFolders(List<String> folders) {
        return new StudioSettings(version, recentPrompts, List.copyOf(folders), selectedModel, seconds, temperature,
                topK, topP, guidance, exportFormat, exportSampleRate, exportFolder, inputDevice, storyProject);
    }

    public StudioSettings withSelectedModel(String dir) {
        return new StudioSettings(version, recentPrompts, modelFolders, dir, seconds, temperature, topK, topP,
                guidance, exportFormat, exportSampleRate, exportFolder, inputDevice, storyProject);
    }

    public StudioSettings withParameters(double newSeconds, double newTemperature, int newTopK, double newTopP,
                                         double newGuidance) {
        return new StudioSettings(version, recentPrompts, modelFolders, selectedModel, newSeconds, newTemperature,
                newTopK, newTopP, newGuidance, exportFormat, exportSampleRate, exportFolder, inputDevice, storyProject);
    }

    public StudioSettings withExport(String format, int sampleRate, String folder) {
        return new StudioSettings(version, recentPrompts, modelFolders, selectedModel, seconds, temperature, topK,
                topP, guidance, format, sampleRate, folder, inputDevice, storyProject);
    }

    public StudioSettings withInputDevice(String device) {
        return new StudioSettings(version, recentPrompts, modelFolders, selectedModel, seconds, temperature, topK,
                topP, guidance, exportFormat, exportSampleRate, exportFolder, device, storyProject);
    }

    /** With the story project the Story view had open. */
    public StudioSettings withStoryProject(String file) {
        return new StudioSettings(version, recentPrompts, modelFolders, selectedModel, seconds, temperature, topK,
                topP, guidance, exportFormat, exportSampleRate, exportFolder, inputDevice, file);
    }
}
