package dev.cantor.engine.api;

import dev.cantor.engine.audio.AudioClip;

/**
 * What a generation produced.
 *
 * @param audio          the music (mono, at the model's sample rate)
 * @param codes          the codec tokens behind it, [K][frames]
 * @param lmSeconds      wall time spent sampling tokens
 * @param decodeSeconds  wall time spent decoding tokens to audio
 */
public record GenerationResult(AudioClip audio, int[][] codes, double lmSeconds, double decodeSeconds) {
}
