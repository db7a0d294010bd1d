package dev.cantor.engine.eval;

import dev.cantor.engine.data.TokenCache;
import dev.cantor.engine.data.TokenClip;
import java.util.ArrayList;
import java.util.List;

/**
 * What the memorization figure needs: the training tokens indexed by their first codebook, the
 * training captions to prompt with, and the window length. MusicLM uses 5 s; when the training
 * clips are shorter, the window is the shortest clip (a longer window could never match).
 *
 * @param index    first-codebook windows of every training clip
 * @param captions training captions used as prompts, spread evenly over the cache
 * @param seconds  window length in seconds
 */
public record MemorizationCheck(TokenMemorization index, List<String> captions, double seconds) {

    /** MusicLM's window. */
    public static final double DEFAULT_SECONDS = 5;

    public MemorizationCheck {
        captions = List.copyOf(captions);
    }

    /**
     * @param prompts how many training captions to generate from
     * @throws IllegalArgumentException when the cache has no clips or fewer captions than asked
     */
    public static MemorizationCheck of(TokenCache.Contents cache, int prompts, double maxSeconds) {
        List<TokenClip> clips = cache.clips();
        if (clips.isEmpty()) {
            throw new IllegalArgumentException("the token cache has no clips");
        }
        int shortest = clips.stream().mapToInt(TokenClip::frames).min().orElse(0);
        int window = Math.max(1, Math.min(shortest, (int) Math.round(maxSeconds * cache.meta().frameRate())));
        List<int[]> firstCodebook = new ArrayList<>(clips.size());
        for (TokenClip c : clips) {
            firstCodebook.add(c.codes()[0]);
        }
        int n = Math.min(prompts, clips.size());
        List<String> captions = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            captions.add(clips.get((int) ((long) i * clips.size() / n)).caption());
        }
        return new MemorizationCheck(new TokenMemorization(firstCodebook, window), captions,
                window / cache.meta().frameRate());
    }

    /** Window length in frames. */
    public int windowFrames() {
        return index.window();
    }
}
