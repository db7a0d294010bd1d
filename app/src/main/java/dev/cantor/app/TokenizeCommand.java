package dev.cantor.app;

import dev.cantor.engine.api.CancellationToken;
import dev.cantor.engine.codec.CodecModel;
import dev.cantor.engine.conditioning.TextEncoder;
import dev.cantor.engine.data.TokenCache;
import dev.cantor.engine.data.TokenClip;
import dev.cantor.engine.generation.MusicModel;
import dev.cantor.engine.training.CorpusTokenizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cantor tokenize}: codec tokens, melody and caption embeddings of a corpus, for LM training. */
@Command(name = "tokenize", mixinStandardHelpOptions = true,
        description = "Encode a folder of clips into a token cache for language-model training.")
final class TokenizeCommand implements Callable<Integer> {

    @Option(names = "--codec", description = "Codec model folder (default: the shipped model's codec).")
    Path codecDir;

    @Option(names = "--data", required = true, description = "Folder of clips (a synth corpus or WAVs).")
    Path data;

    @Option(names = "--out", required = true, description = "Token cache folder to write.")
    Path out;

    @Mixin
    ForceOption force = new ForceOption();

    @Mixin
    JsonOption json = new JsonOption();

    @Mixin
    DeviceOption device = new DeviceOption();

    @Override
    public Integer call() throws Exception {
        device.apply();
        Path codecPath = codecDir != null ? codecDir : ModelLocator.defaultModel().resolve(MusicModel.CODEC_DIR);
        if (!Files.isDirectory(data)) {
            throw new UserInputException("data folder not found: " + data);
        }
        if (Files.exists(out.resolve(TokenCache.META_FILE)) && !force.given()) {
            throw new UserInputException(out + " already holds a token cache; pass --force to replace it");
        }
        OutputFiles.checkFolderWritable(out);
        ConsoleProgress progress = new ConsoleProgress();
        long t0 = System.nanoTime();
        try (CodecModel codec = CodecModels.open(codecPath); TextEncoder text = TextEncoder.open()) {
            CancellationToken cancel = new CancellationToken();
            List<TokenClip> clips;
            try (ShutdownGuard guard = new ShutdownGuard(cancel)) {
                clips = new CorpusTokenizer(codec, text).tokenize(data, progress, cancel);
            }
            progress.finishLine();
            TokenCache.Meta meta = TokenCache.Meta.of(codecPath.toAbsolutePath().normalize().toString(),
                    codec.config().numCodebooks(), codec.config().codebookSize(), codec.config().frameRate(),
                    TextEncoder.MODEL_NAME, TextEncoder.DIM, clips);
            TokenCache.write(out, meta, clips);
            double seconds = (System.nanoTime() - t0) / 1e9;
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("out", out.toString());
            result.put("clips", meta.clips());
            result.put("frames", meta.frames());
            result.put("audio_seconds", meta.frames() / meta.frameRate());
            result.put("wall_seconds", Math.round(seconds * 10) / 10.0);
            if (json.requested()) {
                JsonOutput.print(System.out, result);
            } else {
                System.out.printf("wrote %s: %d clips, %d frames (%.0f s of audio) in %.1f s%n", out, meta.clips(),
                        meta.frames(), meta.frames() / meta.frameRate(), seconds);
            }
        }
        return 0;
    }
}
