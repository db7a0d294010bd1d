package dev.cantor.engine.judge;

import dev.cantor.engine.api.CancellationToken;
import dev.cantor.engine.api.ProgressListener;
import dev.cantor.engine.api.ProgressStage;
import dev.cantor.engine.audio.AudioLoader;
import dev.cantor.engine.data.Manifest;
import dev.cantor.engine.data.ManifestEntry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The labelled clips of a corpus made by {@code cantor synth}, turned into the judge's input:
 * log-mel features, the style index and the instrument set.
 */
public final class JudgeData {

    /**
     * One clip.
     *
     * @param features    mel-major log-mel, {@code [melBins × frames]}
     * @param style       index into the config's styles
     * @param instruments one flag per instrument of the config
     * @param entry       the manifest line it came from
     */
    public record Example(float[] features, int frames, int style, boolean[] instruments, ManifestEntry entry) {
    }

    private JudgeData() {
    }

    /**
     * The instrument names labelled on at least {@code minCount} clips, most frequent first
     * (ties by name): the judge's instrument vocabulary.
     */
    public static List<String> instrumentVocabulary(List<ManifestEntry> entries, int minCount) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (ManifestEntry e : entries) {
            for (String name : e.instruments()) {
                counts.merge(name, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().filter(e -> e.getValue() >= minCount)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
    }

    /**
     * Loads and featurises every clip of {@code corpus} for {@code judge}.
     *
     * @throws dev.cantor.engine.data.ManifestException when the folder is not a labelled corpus
     */
    public static List<Example> load(Path corpus, AudioJudge judge, ProgressListener progress,
                                     CancellationToken cancel) throws IOException {
        List<ManifestEntry> entries = Manifest.read(corpus);
        JudgeConfig config = judge.config();
        List<Example> examples = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            cancel.throwIfCancelled();
            ManifestEntry e = entries.get(i);
            float[] mono = AudioLoader.loadMono(corpus.resolve(e.file()), config.sampleRate()).samples();
            examples.add(new Example(judge.features(mono), judge.frames(mono.length), styleIndex(config, e.style()),
                    instrumentFlags(config, e.instruments()), e));
            progress.onProgress(i + 1, entries.size(), ProgressStage.LOADING);
        }
        return examples;
    }

    /** Reads only the manifest (for the vocabulary) without touching the audio. */
    public static List<ManifestEntry> entries(Path corpus) throws IOException {
        return Manifest.read(corpus);
    }

    static int styleIndex(JudgeConfig config, String style) {
        for (int i = 0; i < config.styles().size(); i++) {
            if (config.styles().get(i).equalsIgnoreCase(style)) {
                return i;
            }
        }
        throw new IllegalArgumentException("style '" + style + "' is not one the judge knows " + config.styles());
    }

    static boolean[] instrumentFlags(JudgeConfig config, List<String> instruments) {
        boolean[] flags = new boolean[config.instruments().size()];
        for (int i = 0; i < flags.length; i++) {
            flags[i] = instruments.contains(config.instruments().get(i));
        }
        return flags;
    }

    /** Style accuracy and instrument F1 of {@code judge} on labelled examples. */
    public static JudgeScore score(AudioJudge judge, List<Example> examples) {
        JudgeScore score = new JudgeScore();
        for (Example e : examples) {
            score.add(judge.judgeFeatures(e.features(), e.frames()), e.entry().style(), e.entry().instruments());
        }
        return score;
    }

    /** Examples sorted by file name (a stable order whatever the manifest's). */
    static List<Example> sorted(List<Example> examples) {
        List<Example> copy = new ArrayList<>(examples);
        copy.sort(Comparator.comparing(x -> x.entry().file()));
        return copy;
    }
}
