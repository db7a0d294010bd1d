package dev.cantor.engine.eval;

import dev.cantor.engine.audio.AudioClip;
import dev.cantor.engine.dsp.MelodyChroma;

/**
 * MusicGen's melody-adherence figure (Copet et al. 2023, §4.3): the chromagrams of the melody
 * given and of the music made are quantised to their strongest pitch class per frame (one-hot,
 * as MusicGen's chroma conditioner does) and compared frame by frame with cosine similarity,
 * averaged over the frames. Between one-hot vectors the cosine is 1 where the pitch classes
 * agree and 0 where they do not, so the figure is the share of frames that follow the melody;
 * random music scores about 1/12.
 *
 * <p>Frames where the melody input is silent carry nothing to follow and are skipped; frames
 * where the output is silent score 0.
 */
public final class MelodySimilarity {

    private MelodySimilarity() {
    }

    /**
     * @param frameRate chroma frames per second (50, the codec's)
     * @return the mean frame cosine, or NaN when the melody has no pitched frame
     */
    public static double chromaCosine(AudioClip melody, AudioClip output, double frameRate) {
        int[] want = MelodyChroma.dominant(melody.samples(), melody.sampleRate(), frameRate);
        int[] got = MelodyChroma.dominant(output.samples(), output.sampleRate(), frameRate);
        int frames = Math.min(want.length, got.length);
        int counted = 0;
        int agree = 0;
        for (int t = 0; t < frames; t++) {
            if (want[t] == MelodyChroma.REST) {
                continue;
            }
            counted++;
            if (got[t] == want[t]) {
                agree++;
            }
        }
        return counted == 0 ? Double.NaN : agree / (double) counted;
    }
}
