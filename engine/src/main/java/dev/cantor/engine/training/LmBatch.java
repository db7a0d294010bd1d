package dev.cantor.engine.training;

import dev.cantor.engine.conditioning.MusicDescriptors;
import dev.cantor.engine.data.TokenClip;
import dev.cantor.engine.lm.LmCondition;
import dev.cantor.engine.lm.LmConfig;
import dev.cantor.engine.music.Key;
import dev.cantor.engine.music.Mode;
import dev.cantor.engine.patterns.DelayPattern;
import java.util.ArrayList;
import java.util.List;

/**
 * One batch of training windows in the delayed layout, as Java arrays. Row b, step s, codebook k
 * sits at index (b·S + s)·K + k; S = frames + K − 1.
 *
 * @param inputs        the tokens fed in (the previous step's, "empty" where there is none)
 * @param targets       the tokens to predict (0 where the cell has no frame; masked out)
 * @param mask          1 where a target is a real token, else 0
 * @param melody        melody symbol per row and step
 * @param firstFrames   per row, the frame of its piece the window starts at (for the beat clock)
 * @param conditions    condition per row
 * @param unconditioned the first this-many rows have every condition dropped
 * @param texts         the caption embeddings of those unconditioned rows (for the regularizer)
 */
public record LmBatch(int batch, int steps, int frames, int[] inputs, int[] targets, float[] mask, int[] melody,
                      int[] firstFrames, List<LmCondition> conditions, int unconditioned, float[][] texts) {

    /**
     * The style, mood and instruments a clip's caption names, for a model that conditions on
     * them; {@link MusicDescriptors#NONE} for one that does not (it would ignore them).
     */
    public static MusicDescriptors descriptorsOf(LmConfig config, TokenClip clip) {
        return config.musicAttributes() ? MusicDescriptors.parse(clip.caption()) : MusicDescriptors.NONE;
    }

    /**
     * Everything a clip's labels say, for the window starting at {@code offset}; {@code descriptors}
     * are the clip's {@link #descriptorsOf}, read once per clip by the caller.
     */
    public static LmCondition fullCondition(TokenClip clip, MusicDescriptors descriptors, int offset, int frames) {
        Integer key = clip.key() == null ? null : Key.fromLabel(clip.key()).pitchClass();
        Mode mode = clip.mode() == null ? null : Mode.fromLabel(clip.mode());
        int[] melody = null;
        if (clip.melody() != null) {
            melody = new int[frames];
            System.arraycopy(clip.melody(), offset, melody, 0, frames);
        }
        return new LmCondition(clip.text(), clip.tempoBpm(), key, mode, melody, descriptors);
    }

    /**
     * Builds a batch from windows: clip i, starting frame offsets[i], all {@code frames} long.
     * Conditions are given per row (already with any dropout applied).
     */
    public static LmBatch of(LmConfig config, List<TokenClip> clips, int[] offsets, int frames,
                             List<LmCondition> conditions, int unconditioned) {
        int k = config.numCodebooks();
        DelayPattern pattern = new DelayPattern(k);
        int b = clips.size();
        int s = pattern.steps(frames);
        int[] inputs = new int[b * s * k];
        int[] targets = new int[b * s * k];
        float[] mask = new float[b * s * k];
        int[] melody = new int[b * s];
        float[][] texts = new float[unconditioned][];
        for (int row = 0; row < b; row++) {
            TokenClip clip = clips.get(row);
            int[][] window = new int[k][frames];
            for (int c = 0; c < k; c++) {
                System.arraycopy(clip.codes()[c], offsets[row], window[c], 0, frames);
            }
            int[][] delayed = pattern.build(window, config.emptyToken());
            for (int step = 0; step < s; step++) {
                for (int c = 0; c < k; c++) {
                    int i = (row * s + step) * k + c;
                    inputs[i] = step == 0 ? config.emptyToken() : delayed[c][step - 1];
                    boolean valid = DelayPattern.isValid(c, step, frames);
                    targets[i] = valid ? delayed[c][step] : 0;
                    mask[i] = valid ? 1f : 0f;
                }
                melody[row * s + step] = conditions.get(row).melodyAt(step);
            }
            if (row < unconditioned) {
                texts[row] = clip.text();
            }
        }
        return new LmBatch(b, s, frames, inputs, targets, mask, melody, offsets.clone(), new ArrayList<>(conditions),
                unconditioned, texts);
    }
}
