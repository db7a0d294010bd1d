package dev.cantor.engine.eval;

import dev.cantor.engine.audio.AudioClip;
import dev.cantor.engine.audio.SampleFormat;
import dev.cantor.engine.audio.WavAudio;
import dev.cantor.engine.audio.WavReader;
import dev.cantor.engine.audio.WavWriter;
import java.io.File;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Opus (RFC 6716) at a fixed bitrate as an anchor, through the reference command-line tools
 * of Debian's {@code opus-tools}: the clip is written as a mono 16-bit WAV at its own rate,
 * encoded with {@code opusenc --bitrate N} (default VBR, automatic speech/music mode) and
 * decoded with {@code opusdec --float --rate R} back to the clip's rate.
 *
 * <p>Alignment: {@code opusdec} drops the encoder's pre-skip and cuts the end at the stream's
 * last granule position, so the decode starts on the clip's first sample and is as long as the
 * clip. Measured on a 2 s chord at 32 kHz (OpusAnchorTest): at 12 kbps the best
 * cross-correlation lag is 0 and SI-SNR 11.8 dB; at 6 kbps (SILK, SI-SNR −3.4 dB) the peak sits
 * 2 samples (60 µs) off, too little to matter to figures on 2048-sample frames. A length that
 * still differs (a resampler's rounding) is cut or padded with silence at the end.
 *
 * @param opusenc     the encoder program
 * @param opusdec     the decoder program
 * @param bitrateKbps target bitrate, 6 to 256 kbit/s (what opusenc accepts for one channel)
 */
public record OpusAnchor(Path opusenc, Path opusdec, int bitrateKbps) implements ReferenceCodec {

    /** The bitrates {@code cantor eval-codec --anchor opus} measures: Cantor's range and twice it. */
    public static final List<Integer> STANDARD_KBPS = List.of(6, 12);
    /** Debian package of the tools, named in messages. */
    public static final String PACKAGE = "opus-tools";
    /** Each program gets this long plus one second per second of audio; both run ~100× real time. */
    private static final long BASE_TIMEOUT_SECONDS = 60;

    public OpusAnchor {
        if (opusenc == null || opusdec == null) {
            throw new IllegalArgumentException("need both opusenc and opusdec");
        }
        if (bitrateKbps < 6 || bitrateKbps > 256) {
            throw new IllegalArgumentException("Opus bitrate must be 6 to 256 kbit/s, got " + bitrateKbps);
        }
    }

    /**
     * The {@link #STANDARD_KBPS} anchors with the tools found on {@code PATH}, or an empty list
     * when {@code opusenc} or {@code opusdec} is not there.
     */
    public static List<OpusAnchor> standardOnPath() {
        String path = System.getenv("PATH");
        Optional<Path> enc = findProgram("opusenc", path);
        Optional<Path> dec = findProgram("opusdec", path);
        if (enc.isEmpty() || dec.isEmpty()) {
            return List.of();
        }
        return STANDARD_KBPS.stream().map(kbps -> new OpusAnchor(enc.get(), dec.get(), kbps)).toList();
    }

    /** The first executable file called {@code program} in the folders of {@code pathVariable}. */
    static Optional<Path> findProgram(String program, String pathVariable) {
        if (pathVariable == null) {
            return Optional.empty();
        }
        return Arrays.stream(pathVariable.split(File.pathSeparator)).filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, program)).filter(p -> Files.isRegularFile(p) && Files.isExecutable(p))
                .findFirst();
    }

    @Override
    public String name() {
        return "opus_" + bitrateKbps + "kbps";
    }

    @Override
    public float[] roundTrip(float[] clip, int sampleRate) throws IOException {
        Path dir = Files.createTempDirectory("cantor-opus-");
        Path wav = dir.resolve("clip.wav");
        Path opus = dir.resolve("clip.opus");
        Path decoded = dir.resolve("decoded.wav");
        Path log = dir.resolve("tool.log");
        try {
            WavWriter.write(wav, new AudioClip(clip, sampleRate), SampleFormat.PCM_16);
            long timeout = BASE_TIMEOUT_SECONDS + clip.length / sampleRate;
            run(List.of(opusenc.toString(), "--quiet", "--bitrate", Integer.toString(bitrateKbps), wav.toString(),
                    opus.toString()), log, timeout);
            run(List.of(opusdec.toString(), "--quiet", "--float", "--rate", Integer.toString(sampleRate),
                    opus.toString(), decoded.toString()), log, timeout);
            WavAudio audio = WavReader.read(decoded);
            if (audio.sampleRate() != sampleRate) {
                throw new AnchorException("opusdec wrote " + audio.sampleRate() + " Hz instead of " + sampleRate + " Hz");
            }
            // [frames] at the clip's rate; a length off by a resampler's rounding is cut or padded at the end
            return Arrays.copyOf(audio.toMono().samples(), clip.length);
        } finally {
            for (Path p : List.of(wav, opus, decoded, log, dir)) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Runs one program to completion; its output goes to {@code log}, and its last line into any error. */
    private static void run(List<String> command, Path log, long timeoutSeconds) throws IOException {
        String program = Path.of(command.get(0)).getFileName().toString();
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new AnchorException("cannot run " + program + " (install the Debian package " + PACKAGE + "): "
                    + e.getMessage(), e);
        }
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AnchorException(program + " did not finish within " + timeoutSeconds + " s; stopped it");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while " + program + " was running");
        }
        if (process.exitValue() != 0) {
            throw new AnchorException(program + " failed (exit status " + process.exitValue() + ")" + lastLine(log));
        }
    }

    /** ": " and the last non-blank line the program printed, or nothing if it printed nothing. */
    private static String lastLine(Path log) throws IOException {
        // decoded leniently: a tool's message in another encoding must not hide the failure
        List<String> lines = new ArrayList<>(new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList());
        lines.removeIf(String::isBlank);
        return lines.isEmpty() ? "" : ": " + lines.get(lines.size() - 1).strip();
    }
}
