package dev.cantor.app;

import dev.cantor.engine.api.CancellationToken;
import dev.cantor.engine.audio.AudioFiles;
import dev.cantor.engine.codec.CodecModel;
import dev.cantor.engine.eval.CodecEvaluator;
import dev.cantor.engine.eval.HeldOutClips;
import dev.cantor.engine.eval.OpusAnchor;
import dev.cantor.engine.eval.ReferenceCodec;
import dev.cantor.engine.generation.MusicModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cantor eval-codec}: reconstruction and token statistics on held-out clips, optionally beside Opus. */
@Command(name = "eval-codec", mixinStandardHelpOptions = true,
        description = "Measure a codec on held-out clips (SI-SNR, log-mel distance and octave-band level errors in dB,"
                + " code statistics), optionally beside Opus on the same clips.")
final class EvalCodecCommand implements Callable<Integer> {

    /** The one anchor known so far. */
    private static final String OPUS = "opus";

    @Option(names = "--model", description = "Codec model folder, or a model folder with codec/ (default: the shipped model's codec).")
    Path model;

    @Option(names = "--data", required = true, description = "Folder of held-out clips: a corpus with manifest.jsonl"
            + " (clips used whole), or recordings (" + AudioFiles.FORMAT_NAMES + ": 10 s from the middle of each;"
            + " unreadable files are listed and skipped).")
    Path data;

    @Option(names = "--max-clips", defaultValue = "0", description = "Use at most this many clips (0 = all).")
    int maxClips;

    @Option(names = "--anchor", paramLabel = "opus", description = "Also measure Opus at 6 and 12 kbps on the same"
            + " clips (needs opusenc and opusdec from opus-tools; skipped with a note when they are missing).")
    String anchor;

    @Mixin
    JsonOption json = new JsonOption();

    @Mixin
    DeviceOption device = new DeviceOption();

    @Override
    public Integer call() throws Exception {
        device.apply();
        if (!Files.isDirectory(data)) {
            throw new UserInputException("data folder not found: " + data);
        }
        if (maxClips < 0) {
            throw new UserInputException("--max-clips must be ≥ 0");
        }
        if (anchor != null && !anchor.toLowerCase(Locale.ROOT).equals(OPUS)) {
            throw new UserInputException("unknown --anchor '" + anchor + "' (the anchor Cantor knows: opus)");
        }
        List<? extends ReferenceCodec> anchors = anchor == null ? List.of() : opusAnchors();
        ConsoleProgress progress = new ConsoleProgress();
        Path codecDir = model != null ? model : ModelLocator.defaultModel().resolve(MusicModel.CODEC_DIR);
        if (Files.isDirectory(codecDir.resolve(MusicModel.CODEC_DIR))) {
            codecDir = codecDir.resolve(MusicModel.CODEC_DIR);
        }
        try (CodecModel codec = CodecModels.open(codecDir)) {
            HeldOutClips clips = HeldOutClips.load(data, codec.config().sampleRate(), maxClips, progress);
            progress.finishLine();
            for (String reason : clips.skipped()) {
                System.err.println("skipped: " + reason);
            }
            CodecEvaluator.Report r = CodecEvaluator.evaluate(codec, clips.clips(), anchors, progress,
                    CancellationToken.NEVER);
            progress.finishLine();
            if (json.requested()) {
                JsonOutput.print(System.out, r);
            } else {
                System.out.print(CodecReportText.format(r));
            }
        }
        return 0;
    }

    /** Opus at the standard bitrates, or none (with a note on stderr) when its tools are not installed. */
    private static List<OpusAnchor> opusAnchors() {
        List<OpusAnchor> anchors = OpusAnchor.standardOnPath();
        if (anchors.isEmpty()) {
            System.err.println("Opus anchor skipped: opusenc and opusdec not found on PATH (install the Debian package "
                    + OpusAnchor.PACKAGE + ")");
        }
        return anchors;
    }
}
