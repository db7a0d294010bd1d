package dev.cantor.ui.shared;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cantor.engine.api.DeviceChoice;
import dev.cantor.engine.api.RequestException;
import dev.cantor.engine.api.SamplingParams;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

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
        @JsonProperty("key_guidance") Double keyGuidance,
        @JsonProperty("export_format") String exportFormat,
        @JsonProperty("export_sample_rate") Integer exportSampleRate,
        @JsonProperty("export_folder") String exportFolder,
        @JsonProperty("input_device") String inputDevice,
        @JsonProperty("story_project") String storyProject,
        @JsonProperty("device") String device) {

    public static final int VERSION = 1;
    /** Prompts kept in the history. */
    public static final int MAX_RECENT = 50;

    /** A first start: Cantor's sampling defaults, 10 s, 16-bit 44.1 kHz export. */
    public static StudioSettings defaults() {
        return new StudioSettings(VERSION, List.of(), List.of(), null, 10.0, SamplingParams.DEFAULT_TEMPERATURE,
                SamplingParams.DEFAULT_TOP_K, SamplingParams.DEFAULT_TOP_P, SamplingParams.DEFAULT_GUIDANCE,
                SamplingParams.DEFAULT_KEY_GUIDANCE, "PCM_16", 44100,
                null, null, null, DeviceChoice.AUTO.toString());
    }

    /**
     * These settings with every missing value replaced by its default, and every number outside
     * what the studio's controls offer (or not finite) too; at most {@link #MAX_RECENT} prompts.
     *
     * @throws NullPointerException when a list holds a null (see {@link #checked()})
     */
    public StudioSettings normalized() {
        StudioSettings d = defaults();
        List<String> recent = recentPrompts == null ? d.recentPrompts
                : List.copyOf(recentPrompts.subList(0, Math.min(MAX_RECENT, recentPrompts.size())));
        return new StudioSettings(VERSION, recent,
                modelFolders == null ? d.modelFolders : List.copyOf(modelFolders), selectedModel,
                within(seconds, 1, 600, d.seconds), within(temperature, 0, 2, d.temperature),
                topK == null || topK < 0 || topK > 1024 ? d.topK : topK, within(topP, 0.05, 1, d.topP),
                within(guidance, 0, 10, d.guidance), within(keyGuidance, 0, 10, d.keyGuidance),
                exportFormat == null ? d.exportFormat : exportFormat,
                exportSampleRate == null ? d.exportSampleRate : exportSampleRate, exportFolder, inputDevice, storyProject,
                knownDevice(device) ? DeviceChoice.parse(device).toString() : d.device);
    }

    /** True when {@code text} names a device choice ({@link DeviceChoice#parse}). */
    private static boolean knownDevice(String text) {
        try {
            DeviceChoice.parse(text);
            return true;
        } catch (RequestException e) {
            return false;       // a hand-edited or damaged value: the default takes its place
        }
    }

    /** {@code value} when it lies in [min, max], else {@code otherwise} (NaN and null included). */
    private static Double within(Double value, double min, double max, Double otherwise) {
        return value != null && value >= min && value <= max ? value : otherwise;
    }

    /**
     * These settings, when the studio can use every value they hold; a file edited by hand or
     * damaged on disk may hold what no Cantor writes.
     *
     * @throws IllegalArgumentException naming the first unusable value: a null in a list, or a
     *                                  folder or file that is no path on this system
     */
    public StudioSettings checked() {
        noNulls("recent_prompts", recentPrompts);
        noNulls("model_folders", modelFolders);
        if (modelFolders != null) {
            modelFolders.forEach(f -> requirePath("model_folders", f));
        }
        requirePath("selected_model", selectedModel);
        requirePath("export_folder", exportFolder);
        requirePath("story_project", storyProject);
        return this;
    }

    private static void noNulls(String field, List<String> list) {
        if (list != null && list.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("\"" + field + "\" holds a null");
        }
    }

    private static void requirePath(String field, String path) {
        if (path == null) {
            return;
        }
        try {
            Path.of(path);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("\"" + field + "\" is not a path: " + e.getReason());
        }
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
        return edited(e -> e.recentPrompts = List.copyOf(prompts));
    }

    public StudioSettings withModelFolders(List<String> folders) {
        return edited(e -> e.modelFolders = List.copyOf(folders));
    }

    public StudioSettings withSelectedModel(String dir) {
        return edited(e -> e.selectedModel = dir);
    }

    public StudioSettings withParameters(double newSeconds, double newTemperature, int newTopK, double newTopP,
                                         double newGuidance, double newKeyGuidance) {
        return edited(e -> {
            e.seconds = newSeconds;
            e.temperature = newTemperature;
            e.topK = newTopK;
            e.topP = newTopP;
            e.guidance = newGuidance;
            e.keyGuidance = newKeyGuidance;
        });
    }

    public StudioSettings withExport(String format, int sampleRate, String folder) {
        return edited(e -> {
            e.exportFormat = format;
            e.exportSampleRate = sampleRate;
            e.exportFolder = folder;
        });
    }

    public StudioSettings withInputDevice(String newDevice) {
        return edited(e -> e.inputDevice = newDevice);
    }

    /** With the device the models run on ({@link DeviceChoice}'s words). */
    public StudioSettings withDevice(DeviceChoice choice) {
        return edited(e -> e.device = choice.toString());
    }

    /** The device choice these settings hold ({@code auto} when none or an unknown one). */
    public DeviceChoice deviceChoice() {
        return knownDevice(device) ? DeviceChoice.parse(device) : DeviceChoice.AUTO;
    }

    /** With the story project the Story view had open. */
    public StudioSettings withStoryProject(String file) {
        return edited(e -> e.storyProject = file);
    }

    /**
     * These settings with some fields changed: the withers above each name theirs, so that the
     * positional constructor is written out once, in {@link Edit#build()}.
     */
    private StudioSettings edited(Consumer<Edit> change) {
        Edit e = new Edit(this);
        change.accept(e);
        return e.build();
    }

    /** A mutable copy of the settings, for {@link #edited}. */
    private static final class Edit {
        final int version;
        List<String> recentPrompts;
        List<String> modelFolders;
        String selectedModel;
        Double seconds;
        Double temperature;
        Integer topK;
        Double topP;
        Double guidance;
        Double keyGuidance;
        String exportFormat;
        Integer exportSampleRate;
        String exportFolder;
        String inputDevice;
        String storyProject;
        String device;

        Edit(StudioSettings s) {
            version = s.version;
            recentPrompts = s.recentPrompts;
            modelFolders = s.modelFolders;
            selectedModel = s.selectedModel;
            seconds = s.seconds;
            temperature = s.temperature;
            topK = s.topK;
            topP = s.topP;
            guidance = s.guidance;
            keyGuidance = s.keyGuidance;
            exportFormat = s.exportFormat;
            exportSampleRate = s.exportSampleRate;
            exportFolder = s.exportFolder;
            inputDevice = s.inputDevice;
            storyProject = s.storyProject;
            device = s.device;
        }

        StudioSettings build() {
            return new StudioSettings(version, recentPrompts, modelFolders, selectedModel, seconds, temperature, topK,
                    topP, guidance, keyGuidance, exportFormat, exportSampleRate, exportFolder, inputDevice,
                    storyProject, device);
        }
    }
}
