package dev.cantor.app;

import dev.cantor.engine.audio.AudioClip;
import dev.cantor.engine.audio.AudioLoader;
import dev.cantor.engine.audio.SampleFormat;
import dev.cantor.engine.audio.WavWriter;
import dev.cantor.engine.codec.CodecModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cantor codec}: encode a WAV to tokens and decode it back. */
@Command(name = "codec", mixinStandardHelpOptions = true,
        description = "Round-trip a WAV through the codec (encode to tokens, decode to audio).")
final class CodecCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, description = "Codec model folder.")
    Path model;

    @Option(names = "--in", required = true, description = "Input WAV (any rate and channel count).")
    Path in;

    @Option(names = "--out", required = true, description = "Output WAV at the model's sample rate.")
    Path out;

    @Option(names = "--format", defaultValue = "16", description = "Output sample format: 16, 24 or 32f (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--force", description = "Overwrite --out if it exists.")
    boolean force;

    @Option(names = "--json", description = "Print the result as one JSON object.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        SampleFormat sampleFormat;
        try {
            sampleFormat = SampleFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
        if (!Files.isRegularFile(in)) {
            throw new UserInputException("input file not found: " + in);
        }
        OutputFiles.checkWritable(out, force);
        try (CodecModel codec = CodecModels.open(model)) {
            int rate = codec.config().sampleRate();
            AudioClip clip = AudioLoader.loadMono(in, rate);
            long t0 = System.nanoTime();
            int[][] codes = codec.encode(clip.samples());
            float[] audio = codec.decode(codes, clip.length());
            double seconds = (System.nanoTime() - t0) / 1e9;
            WavWriter.write(out, new AudioClip(audio, rate), sampleFormat);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("out", out.toString());
            result.put("sample_rate", rate);
            result.put("samples", audio.length);
            result.put("seconds", clip.seconds());
            result.put("frames", codes[0].length);
            result.put("codebooks", codes.length);
            result.put("bitrate_kbps", codec.config().bitrateKbps());
            result.put("codec_seconds", seconds);
            if (json) {
                JsonOutput.print(System.out, result);
            } else {
                System.out.printf("wrote %s (%.2f s at %d Hz, %d frames x %d codebooks, %.1f kbps)%n", out,
                        clip.seconds(), rate, codes[0].length, codes.length, codec.config().bitrateKbps());
            }
        }
        return 0;
    }
}
