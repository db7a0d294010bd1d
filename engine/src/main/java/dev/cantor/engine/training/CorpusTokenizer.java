package dev.cantor.engine.training;

import dev.cantor.engine.api.CancellationToken;
import dev.cantor.engine.api.ProgressListener;
import dev.cantor.engine.api.ProgressStage;
import dev.cantor.engine.audio.AudioLoader;
import dev.cantor.engine.codec.CodecModel;
import dev.cantor.engine.conditioning.TextEncoder;
import dev.cantor.engine.data.Manifest;
import dev.cantor.engine.data.ManifestEntry;
import dev.cantor.engine.data.TokenClip;
import dev.cantor.engine.dsp.MelodyChroma;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a folder of clips into LM training data: codec tokens, the melody symbol per frame and
 * the caption's sentence embedding, with the labels alongside. A synthetic corpus brings its
 * manifest (captions, tempo, key, mode and the exact melody line); a plain folder of WAVs gets
 * its file name as caption and the audio's dominant chroma as melody.
 */
public final class CorpusTokenizer {

    private final CodecModel codec;
    private final TextEncoder text;

    public CorpusTokenizer(CodecModel codec, TextEncoder text) {
        this.codec = codec;
        this.text = text;
    }

    /** Tokenizes every clip of {@code dir}. */
    public List<TokenClip> tokenize(Path dir, ProgressListener progress, CancellationToken cancel) throws IOException {
        boolean labelled = Files.isRegularFile(Manifest.path(dir));
        List<ManifestEntry> entries = labelled ? Manifest.read(dir) : null;
        List<Path> files = AudioFolder.list(dir);
        List<TokenClip> out = new ArrayList<>(files.size());
        for (int i = 0; i < files.size(); i++) {
            cancel.throwIfCancelled();
            out.add(tokenize(dir, files.get(i), labelled ? entries.get(i) : null));
            progress.onProgress(i + 1, files.size(), ProgressStage.TOKENIZING);
        }
        return out;
    }

    private TokenClip tokenize(Path dir, Path file, ManifestEntry entry) throws IOException {
        int rate = codec.config().sampleRate();
        double frameRate = codec.config().frameRate();
        float[] audio = AudioLoader.loadMono(file, rate).samples();
        int[][] codes = codec.encode(audio);
        int frames = codes[0].length;
        int[] melody;
        String caption;
        if (entry != null) {
            melody = MelodyChroma.fromNotes(entry.melody(), frames, frameRate);
            caption = entry.caption();
        } else {
            melody = fitTo(MelodyChroma.dominant(audio, rate, frameRate), frames);
            caption = captionFromName(file);
        }
        String name = dir.relativize(file).toString();
        return new TokenClip(name, caption,
                entry == null ? null : (double) entry.tempoBpm(),
                entry == null ? null : entry.key(),
                entry == null ? null : entry.mode(),
                entry == null ? null : entry.style(),
                frames, codes, melody, text.embed(caption));
    }

    /** "01 - Slow_piano-in-C.wav" → "slow piano in c". */
    static String captionFromName(Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        String words = name.replaceAll("[_\\-.]+", " ").replaceAll("^\\d+\\s*", "").trim();
        return words.isEmpty() ? "music" : words.toLowerCase(Locale.ROOT);
    }

    private static int[] fitTo(int[] symbols, int frames) {
        int[] out = new int[frames];
        for (int t = 0; t < frames; t++) {
            out[t] = t < symbols.length ? symbols[t] : MelodyChroma.REST;
        }
        return out;
    }
}
