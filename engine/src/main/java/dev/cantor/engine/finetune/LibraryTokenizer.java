package dev.cantor.engine.finetune;

import dev.cantor.engine.api.CancellationToken;
import dev.cantor.engine.api.ProgressListener;
import dev.cantor.engine.api.ProgressStage;
import dev.cantor.engine.api.finetune.LibraryTrack;
import dev.cantor.engine.api.finetune.TrackAnalysis;
import dev.cantor.engine.audio.AudioClip;
import dev.cantor.engine.audio.AudioFiles;
import dev.cantor.engine.codec.CodecModel;
import dev.cantor.engine.conditioning.TextEncoder;
import dev.cantor.engine.data.TokenClip;
import dev.cantor.engine.dsp.AudioMetrics;
import dev.cantor.engine.dsp.MelodyChroma;
import dev.cantor.engine.library.LibraryScanner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts the musician's tracks into clips and turns them into LM training data with the base
 * model's codec: tokens, the melody (dominant pitch class per frame), the caption's embedding,
 * and the tempo, key and mode the import measured. A clip is named {@code path#n}.
 */
final class LibraryTokenizer {

    /** Clips quieter than this (dBFS) are left out: fade-outs and silence teach nothing. */
    private static final double SILENT_DBFS = -55;
    /** A last, shorter clip is kept when it is at least this share of a full one. */
    private static final double KEEP_LAST = 0.6;

    private final CodecModel codec;
    private final TextEncoder text;

    LibraryTokenizer(CodecModel codec, TextEncoder text) {
        this.codec = codec;
        this.text = text;
    }

    /** The clips of {@code tracks} (files under {@code root}). */
    List<TokenClip> tokenize(Path root, List<LibraryTrack> tracks, double clipSeconds, ProgressListener progress,
                             CancellationToken cancel) throws IOException {
        int rate = codec.config().sampleRate();
        List<TokenClip> out = new ArrayList<>();
        for (int i = 0; i < tracks.size(); i++) {
            cancel.throwIfCancelled();
            LibraryTrack track = tracks.get(i);
            AudioClip audio = AudioFiles.readMono(root.resolve(track.path()), rate, LibraryScanner.MAX_TRACK_SECONDS);
            float[] embedding = text.embed(track.caption());
            List<float[]> clips = cut(audio.samples(), rate, clipSeconds);
            for (int c = 0; c < clips.size(); c++) {
                out.add(clip(track, c, clips.get(c), embedding));
            }
            progress.onProgress(i + 1, tracks.size(), ProgressStage.TOKENIZING);
        }
        return out;
    }

    private TokenClip clip(LibraryTrack track, int index, float[] audio, float[] embedding) {
        int rate = codec.config().sampleRate();
        double frameRate = codec.config().frameRate();
        int[][] codes = codec.encode(audio);
        int frames = codes[0].length;
        int[] melody = new int[frames];
        int[] found = MelodyChroma.dominant(audio, rate, frameRate);
        for (int t = 0; t < frames; t++) {
            melody[t] = t < found.length ? found[t] : MelodyChroma.REST;
        }
        TrackAnalysis a = track.analysis();
        return new TokenClip(track.path() + "#" + index, track.caption(), a == null ? null : a.tempoBpm(),
                a == null ? null : a.key(), a == null ? null : a.mode(), null, frames, codes, melody, embedding);
    }

    /** Back-to-back clips of {@code seconds}; a short last one is kept if long enough; silent ones are dropped. */
    static List<float[]> cut(float[] mono, int rate, double seconds) {
        int size = (int) Math.round(seconds * rate);
        List<float[]> out = new ArrayList<>();
        for (int start = 0; start < mono.length; start += size) {
            int end = Math.min(mono.length, start + size);
            if (end - start < KEEP_LAST * size) {
                break;
            }
            float[] clip = Arrays.copyOfRange(mono, start, end);
            if (AudioMetrics.rmsDbfs(clip) >= SILENT_DBFS) {
                out.add(clip);
            }
        }
        return out;
    }
}
