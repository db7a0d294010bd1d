package dev.cantor.app;

import dev.cantor.engine.audio.AudioClip;
import dev.cantor.engine.audio.AudioFiles;
import dev.cantor.engine.audio.SampleFormat;
import dev.cantor.engine.audio.WavWriter;
import dev.cantor.engine.codec.CodecModel;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cantor codec}: encode a WAV to tokens and decode it back. */
@Command(name = "codec", mixinStandardHelpOptions = true,
        description = "Round-trip a WAV through the codec (encode to tokens, decode to audio).")
final class CodecCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, description = "Codec model folder.")
    Path model;

    @Option(names = "--in", required = true, description = "Input audio file (" + AudioFiles.FORMAT_NAMES
            + "; any rate and channel count; at most 30 minutes).")
    Path in;

    @Mixin
    AudioOutputOptions output;

    @Mixin
    DeviceOption device = new DeviceOption();

    @Override
    public Integer call() throws Exception {
        device.apply();
        SampleFormat sampleFormat = output.sampleFormat();
        InputAudio.requireFile(in, "input");
        output.checkWritable();
        try (CodecModel codec = CodecModels.open(model)) {
            int rate = codec.config().sampleRate();
            AudioClip clip = InputAudio.readAtMost(in, "input", rate, InputAudio.MAX_CODEC_SECONDS);
            long t0 = System.nanoTime();
            int[][] codes = codec.encode(clip.samples());
            float[] audio = codec.decode(codes, clip.length());
            double seconds = (System.nanoTime() - t0) / 1e9;
            WavWriter.write(output.out, new AudioClip(audio, rate), sampleFormat, output.replacing());
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("out", output.out.toString());
            result.put("sample_rate", rate);
            result.put("samples", audio.length);
            result.put("seconds", clip.seconds());
            result.put("frames", codes[0].length);
            result.put("codebooks", codes.length);
            result.put("bitrate_kbps", codec.config().bitrateKbps());
            result.put("codec_seconds", seconds);
            if (output.json.requested()) {
                JsonOutput.print(System.out, result);
            } else {
                System.out.printf("wrote %s (%.2f s at %d Hz, %d frames x %d codebooks, %.1f kbps)%n", output.out,
                        clip.seconds(), rate, codes[0].length, codes.length, codec.config().bitrateKbps());
            }
        }
        return 0;
    }
}
