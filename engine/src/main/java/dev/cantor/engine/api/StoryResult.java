package dev.cantor.engine.api;

import dev.cantor.engine.audio.AudioClip;

/**
 * A rendered story.
 *
 * @param audio        the whole piece
 * @param codes        its tokens, [K][frames]
 * @param sectionStart the first frame of each section, plus the total frame count at the end
 * @param frameRate    token frames per second
 * @param wallSeconds  how long the render took
 */
public record StoryResult(AudioClip audio, int[][] codes, int[] sectionStart, double frameRate, double wallSeconds) {

    /** Start of section {@code i} in seconds. */
    public double startSeconds(int i) {
        return sectionStart[i] / frameRate;
    }

    /** End of section {@code i} in seconds. */
    public double endSeconds(int i) {
        return sectionStart[i + 1] / frameRate;
    }

    public int sections() {
        return sectionStart.length - 1;
    }
}
