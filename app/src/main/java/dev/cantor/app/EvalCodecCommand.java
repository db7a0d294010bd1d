package dev.cantor.app;

import dev.cantor.engine.api.CancellationToken;
import dev.cantor.engine.codec.CodecModel;
import dev.cantor.engine.eval.CodecEvaluator;
import dev.cantor.engine.generation.MusicModel;
import dev.cantor.engine.training.AudioFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cantor eval-codec}: reconstruction and token statistics on held-out clips. */
@Command(name = "eval-codec", mixinStandardHelpOptions = true,
        description = "Measure a codec on held-out clips (SI-SNR, spectral distances, code statistics).")
final class EvalCodecCommand implements Callable<Integer> {

    @Option(names = "--model", description = "Codec model folder, or a model folder with codec/ (default: the shipped model's codec).")
    Path model;

    @Option(names = "--data", required = true, description = "Folder of held-out clips.")
    Path data;

    @Option(names = "--max-clips", defaultValue = "0", description = "Use at most this many clips (0 = all).")
    int maxClips;

    @Option(names = "--json", description = "Print the report as one JSON object.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(data)) {
            throw new UserInputException("data folder not found: " + data);
        }
        if (maxClips < 0) {
            throw new UserInputException("--max-clips must be ≥ 0");
        }
        ConsoleProgress progress = new ConsoleProgress();
        Path codecDir = model != null ? model : ModelLocator.defaultModel().resolve(MusicModel.CODEC_DIR);
        if (Files.isDirectory(codecDir.resolve(MusicModel.CODEC_DIR))) {
            codecDir = codecDir.resolve(MusicModel.CODEC_DIR);
        }
        try (CodecModel codec = CodecModels.open(codecDir)) {
            List<float[]> clips = AudioFolder.load(data, codec.config().sampleRate(), progress);
            if (maxClips > 0 && clips.size() > maxClips) {
                clips = clips.subList(0, maxClips);
            }
            CodecEvaluator.Report r = CodecEvaluator.evaluate(codec, clips, progress, CancellationToken.NEVER);
            progress.finishLine();
            if (json) {
                JsonOutput.print(System.out, r);
            } else {
                System.out.printf("clips %d (%.1f s)%nsi_snr_db %.2f%nmel_distance %.4f%nstft_distance %.4f%n"
                                + "bitrate_kbps %.2f%ncodebook_perplexity %s%ntotal_correlation %.3f bits (delayed %.3f; shuffled floor %.3f;"
                                + " excess %.3f, delayed excess %.3f)%npairwise_mi_excess %.4f bits (delayed %.4f)%nrtf %.3f%n",
                        r.clips(), r.seconds(), r.siSnrDb(), r.melDistance(), r.stftDistance(), r.bitrateKbps(),
                        java.util.Arrays.toString(java.util.Arrays.stream(r.codebookPerplexity())
                                .map(v -> Math.round(v * 10) / 10.0).toArray()),
                        r.totalCorrelation(), r.totalCorrelationDelayed(), r.totalCorrelationShuffled(),
                        r.totalCorrelationExcess(), r.totalCorrelationDelayedExcess(), r.pairwiseMiExcess(),
                        r.pairwiseMiDelayedExcess(), r.realTimeFactor());
            }
        }
        return 0;
    }
}
