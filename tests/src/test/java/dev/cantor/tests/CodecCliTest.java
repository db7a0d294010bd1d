package dev.cantor.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cantor.engine.audio.AudioClip;
import dev.cantor.engine.audio.SampleFormat;
import dev.cantor.engine.audio.WavAudio;
import dev.cantor.engine.audio.WavReader;
import dev.cantor.engine.audio.WavWriter;
import dev.cantor.engine.eval.OpusAnchor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The codec commands end to end, through the packaged jar, with a tiny model. */
class CodecCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static void writeTone(Path file, int rate, double seconds, double hz) throws Exception {
        float[] x = new float[(int) (rate * seconds)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.3 * Math.sin(2 * Math.PI * hz * i / rate));
        }
        // Stereo at 44.1 kHz exercises mixdown and resampling on the way in.
        WavWriter.write(file, new float[][] {x, x}, rate, SampleFormat.PCM_16);
    }

    @Test
    void trainResumeRoundTripAndEvaluate(@TempDir Path dir) throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        writeTone(data.resolve("a.wav"), 44100, 1.5, 220);
        writeTone(data.resolve("b.wav"), 44100, 1.5, 330);
        Path model = dir.resolve("model");

        CliHarness.Result train = CliHarness.run(dir, "train-codec", "--data", data.toString(), "--out", model.toString(),
                "--steps", "2", "--config", "tiny", "--batch", "2", "--crop-seconds", "0.5", "--json");
        assertEquals(0, train.exitCode(), train.stderr());
        JsonNode trained = JSON.readTree(train.stdout());
        assertEquals(2, trained.get("steps").asInt());
        assertTrue(train.stderr().contains("training"), "progress goes to stderr");

        CliHarness.Result refused = CliHarness.run(dir, "train-codec", "--data", data.toString(), "--out",
                model.toString(), "--steps", "3", "--config", "tiny");
        assertEquals(2, refused.exitCode(), "an existing model is never overwritten silently");
        assertTrue(refused.stderr().contains("--resume"), refused.stderr());

        CliHarness.Result resumed = CliHarness.run(dir, "train-codec", "--data", data.toString(), "--out",
                model.toString(), "--steps", "3", "--resume", "--json");
        assertEquals(0, resumed.exitCode(), resumed.stderr());
        JsonNode r = JSON.readTree(resumed.stdout());
        assertEquals(3, r.get("steps").asInt());
        assertEquals(1, r.get("steps_this_run").asInt());
        JsonNode recipe = JSON.readTree(model.resolve("training").resolve("training_config.json").toFile());
        assertFalse(recipe.has("lr_decay_from"), "a constant learning rate so far: " + recipe);

        CliHarness.Result late = CliHarness.run(dir, "train-codec", "--data", data.toString(), "--out",
                model.toString(), "--steps", "4", "--resume", "--lr-decay-from", "3", "--json");
        assertEquals(0, late.exitCode(), late.stderr());
        recipe = JSON.readTree(model.resolve("training").resolve("training_config.json").toFile());
        assertEquals(3, recipe.path("lr_decay_from").asLong(), "a decay decided on resume is saved: " + recipe);
        assertEquals(4, recipe.path("lr_decay_until").asLong(), recipe.toString());
        CliHarness.Result badDecay = CliHarness.run(dir, "train-codec", "--data", data.toString(), "--out",
                model.toString(), "--steps", "5", "--resume", "--lr-decay-from", "5");
        assertEquals(2, badDecay.exitCode(), "a decay that starts at the end is refused");
        assertTrue(badDecay.stderr().contains("--lr-decay-from"), badDecay.stderr());

        Path out = dir.resolve("round.wav");
        CliHarness.Result codec = CliHarness.run(dir, "codec", "--model", model.toString(), "--in",
                data.resolve("a.wav").toString(), "--out", out.toString());
        assertEquals(0, codec.exitCode(), codec.stderr());
        WavAudio decoded = WavReader.read(out);
        assertEquals(32000, decoded.sampleRate());
        assertEquals(1, decoded.channelCount());
        assertEquals(48000, decoded.frames(), "output length = input length at the model rate");

        CliHarness.Result again = CliHarness.run(dir, "codec", "--model", model.toString(), "--in",
                data.resolve("a.wav").toString(), "--out", out.toString());
        assertEquals(2, again.exitCode(), "refuses to overwrite without --force");

        CliHarness.Result eval = CliHarness.run(dir, "eval-codec", "--model", model.toString(), "--data",
                data.toString(), "--json");
        assertEquals(0, eval.exitCode(), eval.stderr());
        JsonNode report = JSON.readTree(eval.stdout());
        for (String key : new String[] {"si_snr_db", "mel_distance", "stft_distance", "bitrate_kbps",
            "codebook_perplexity", "total_correlation"}) {
            assertTrue(report.has(key), "eval-codec reports " + key);
        }
        assertEquals(4, report.get("codebook_perplexity").size());
        assertEquals(1.2, report.get("bitrate_kbps").asDouble(), 1e-9);
    }

    @Test
    void evalCodecGivesDecibelFiguresOnRecordingsAndOpusBesideThem(@TempDir Path dir) throws Exception {
        Path data = Files.createDirectories(dir.resolve("recordings"));
        writeTone(data.resolve("long.wav"), 44100, 12, 220);
        writeTone(data.resolve("short.wav"), 32000, 1.5, 330);
        Path model = dir.resolve("model");
        CliHarness.Result train = CliHarness.run(dir, "train-codec", "--data", data.toString(), "--out",
                model.toString(), "--steps", "2", "--config", "tiny", "--batch", "2", "--crop-seconds", "0.5");
        assertEquals(0, train.exitCode(), train.stderr());
        List<String> bands = List.of("62.5-125", "125-250", "250-500", "500-1000", "1000-2000", "2000-4000",
                "4000-8000");

        CliHarness.Result plain = CliHarness.run(dir, "eval-codec", "--model", model.toString(), "--data",
                data.toString(), "--json");
        assertEquals(0, plain.exitCode(), plain.stderr());
        JsonNode report = JSON.readTree(plain.stdout());
        assertEquals(2, report.get("clips").asInt());
        assertEquals(11.5, report.get("seconds").asDouble(), 0.01, "10 s from the middle of the long file, the short one whole");
        for (String key : new String[] {"si_snr_db", "mel_distance", "stft_distance", "log_mel_distance_db",
            "worst_band_error_db", "codebook_perplexity", "total_correlation", "rtf"}) {
            assertTrue(report.has(key), "eval-codec reports " + key);
        }
        assertTrue(report.get("log_mel_distance_db").asDouble() > 0, report.toString());
        assertEquals(bands, iterate(report.get("band_level_error_db").fieldNames()), "octave bands, lowest first");
        double worstBand = 0;
        for (String band : bands) {
            worstBand = Math.max(worstBand, report.get("band_level_error_db").get(band).asDouble());
        }
        assertTrue(report.get("worst_band_error_db").asDouble() >= worstBand - 1e-9,
                "each clip's worst band, averaged, is at least the largest band mean");
        assertTrue(report.get("anchors").isEmpty(), "no anchor asked for");

        CliHarness.Result noTools = CliHarness.run(dir, Map.of("PATH", dir.resolve("no-tools").toString()),
                "eval-codec", "--model", model.toString(), "--data", data.toString(), "--anchor", "opus", "--json");
        assertEquals(0, noTools.exitCode(), noTools.stderr());
        assertTrue(noTools.stderr().contains("Opus anchor skipped: opusenc and opusdec not found on PATH"),
                noTools.stderr());
        assertTrue(JSON.readTree(noTools.stdout()).get("anchors").isEmpty());

        CliHarness.Result unknown = CliHarness.run(dir, "eval-codec", "--data", data.toString(), "--anchor", "mp3");
        assertEquals(2, unknown.exitCode());
        assertEquals(1, unknown.stderr().strip().lines().count(), "one line: " + unknown.stderr());
        assertTrue(unknown.stderr().contains("opus"), unknown.stderr());

        // .ci/run installs opus-tools: without them the anchor would go untested, so say what is missing
        assertFalse(OpusAnchor.standardOnPath().isEmpty(),
                "opusenc/opusdec are needed to test the Opus anchor: apt-get install opus-tools");
        CliHarness.Result opus = CliHarness.run(dir, "eval-codec", "--model", model.toString(), "--data",
                data.toString(), "--anchor", "opus", "--json");
        assertEquals(0, opus.exitCode(), opus.stderr());
        JsonNode anchors = JSON.readTree(opus.stdout()).get("anchors");
        assertEquals(List.of("opus_6kbps", "opus_12kbps"), iterate(anchors.fieldNames()));
        JsonNode opus12 = anchors.get("opus_12kbps");
        for (String key : new String[] {"si_snr_db", "log_mel_distance_db", "band_level_error_db",
            "worst_band_error_db"}) {
            assertTrue(opus12.has(key), "the anchor reports " + key);
        }
        assertEquals(bands, iterate(opus12.get("band_level_error_db").fieldNames()));
        assertTrue(opus12.get("si_snr_db").asDouble() > 5, "a 12 kbps Opus sine is aligned and clean: " + opus12);

        CliHarness.Result table = CliHarness.run(dir, "eval-codec", "--model", model.toString(), "--data",
                data.toString(), "--anchor", "opus");
        assertEquals(0, table.exitCode(), table.stderr());
        List<String> lines = table.stdout().lines().toList();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("log_mel_distance_db ")), table.stdout());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("dB ") && l.contains("worst_band")
                && l.endsWith("4000-8000")), table.stdout());
        for (String row : new String[] {"cantor ", "opus_6kbps ", "opus_12kbps "}) {
            assertEquals(1, lines.stream().filter(l -> l.startsWith(row)).count(), "one row " + row + table.stdout());
        }
    }

    private static List<String> iterate(Iterator<String> names) {
        List<String> out = new ArrayList<>();
        names.forEachRemaining(out::add);
        return out;
    }

    @Test
    void decoderOnlyTrainingStartsFromAnExistingCodec(@TempDir Path dir) throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        writeTone(data.resolve("a.wav"), 32000, 1.5, 220);
        Path base = trainTinyCodec(dir, data, 2);

        CliHarness.Result alone = CliHarness.run(dir, "train-codec", "--data", data.toString(), "--out",
                dir.resolve("x").toString(), "--steps", "2", "--decoder-only");
        assertEquals(2, alone.exitCode());
        assertTrue(alone.stderr().contains("--from"), alone.stderr());

        Path tuned = dir.resolve("tuned");
        CliHarness.Result decoder = CliHarness.run(dir, "train-codec", "--data", data.toString(), "--out",
                tuned.toString(), "--from", base.toString(), "--decoder-only", "--steps", "2", "--batch", "2",
                "--crop-seconds", "0.5", "--quantizer-dropout", "0", "--json");
        assertEquals(0, decoder.exitCode(), decoder.stderr());
        assertEquals(2, JSON.readTree(decoder.stdout()).get("steps").asInt());
        assertEquals(JSON.readTree(base.resolve("config.json").toFile()),
                JSON.readTree(tuned.resolve("config.json").toFile()), "the codec keeps its size and quantizer");
        assertTrue(decoder.stderr().contains("decoderOnly=true"), decoder.stderr());
        assertTrue(decoder.stderr().contains("quantizerDropout=0.0"), decoder.stderr());

        CliHarness.Result share = CliHarness.run(dir, "train-codec", "--data", data.toString(), "--out",
                dir.resolve("y").toString(), "--from", base.toString(), "--steps", "2", "--quantizer-dropout", "1.5");
        assertEquals(2, share.exitCode(), share.stderr());
        assertTrue(share.stderr().contains("quantizer_dropout"), share.stderr());
    }

    @Test
    void aFrameDecoderTrainsAdversariallyBehindAnExistingCodecWithHeldOutFigures(@TempDir Path dir) throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        writeTone(data.resolve("a.wav"), 32000, 1.5, 220);
        Path base = trainTinyCodec(dir, data, 1);

        Path framed = dir.resolve("framed");
        CliHarness.Result run = CliHarness.run(dir, "train-codec", "--data", data.toString(), "--out", framed.toString(),
                "--from", base.toString(), "--frame-decoder", "tiny", "--decoder-only", "--adversarial",
                "--discriminator-channels", "4", "--judge-seconds", "0.25", "--steps", "2", "--checkpoint-every", "1",
                "--batch", "2", "--crop-seconds", "0.5", "--heldout", data.toString(), "--json");
        assertEquals(0, run.exitCode(), run.stderr());
        JsonNode config = JSON.readTree(framed.resolve("config.json").toFile());
        assertEquals(16, config.path("frame_decoder").path("dim").asInt(), config.toString());
        JsonNode recipe = JSON.readTree(framed.resolve("training").resolve("training_config.json").toFile());
        assertEquals(4, recipe.path("adversarial").path("discriminator").path("channels").asInt(), recipe.toString());
        assertTrue(Files.isRegularFile(framed.resolve("training").resolve("discriminator.cntr")),
                "the discriminator is part of the checkpoint");
        assertFalse(Files.exists(framed.resolve("discriminator.cntr")), "but never of the model");
        List<String> validation = Files.readAllLines(framed.resolve("validation.jsonl"));
        assertEquals(2, validation.size(), "one line per checkpoint: " + validation);
        JsonNode figures = JSON.readTree(validation.get(1));
        assertEquals(2, figures.get("step").asInt());
        assertTrue(figures.get("log_mel_distance_db").asDouble() > 0, figures.toString());
        assertEquals(7, figures.get("band_level_error_db").size(), figures.toString());
        assertTrue(run.stderr().contains("validation at step 2"), run.stderr());

        CliHarness.Result changed = CliHarness.run(dir, "train-codec", "--data", data.toString(), "--out",
                framed.toString(), "--steps", "3", "--resume", "--spectrum-weight", "5");
        assertEquals(2, changed.exitCode(), "a resumed run keeps its recipe");
        assertTrue(changed.stderr().contains("--spectrum-weight") && changed.stderr().lines().count() == 1,
                changed.stderr());
        CliHarness.Result noHeldout = CliHarness.run(dir, "train-codec", "--data", data.toString(), "--out",
                dir.resolve("z").toString(), "--steps", "1", "--config", "tiny", "--heldout",
                dir.resolve("missing").toString());
        assertEquals(2, noHeldout.exitCode(), noHeldout.stderr());
        assertTrue(noHeldout.stderr().contains("held-out folder not found"), noHeldout.stderr());
    }

    @Test
    void killDuringTrainingLeavesAUsableCheckpoint(@TempDir Path dir) throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        writeTone(data.resolve("a.wav"), 32000, 1.0, 440);
        Path model = dir.resolve("model");
        Path err = dir.resolve("err.txt");
        Process p = CliHarness.start(dir, dir.resolve("out.txt"), err, "train-codec", "--data", data.toString(),
                "--out", model.toString(), "--steps", "100000", "--config", "tiny", "--batch", "1",
                "--crop-seconds", "0.2", "--checkpoint-every", "100000");
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(3);
        while (!Files.readString(err).contains("training") && System.nanoTime() < deadline && p.isAlive()) {
            Thread.sleep(100);
        }
        assertTrue(p.isAlive(), "training should be running: " + Files.readString(err));
        p.destroy(); // SIGTERM, as Ctrl-C or a logout would
        assertTrue(p.waitFor(2, java.util.concurrent.TimeUnit.MINUTES), "cantor should stop after saving");
        assertTrue(Files.isRegularFile(model.resolve("training/state.json")), Files.readString(err));
        assertTrue(Files.readString(err).contains("--resume"), "tells the user how to continue");

        JsonNode state = JSON.readTree(model.resolve("training/state.json").toFile());
        long saved = state.get("step").asLong();
        assertTrue(saved >= 1, "at least one step was saved");
        CliHarness.Result resumed = CliHarness.run(dir, "train-codec", "--data", data.toString(), "--out",
                model.toString(), "--steps", String.valueOf(saved + 1), "--resume", "--json");
        assertEquals(0, resumed.exitCode(), resumed.stderr());
        assertEquals(saved + 1, JSON.readTree(resumed.stdout()).get("steps").asLong());
    }

    @Test
    void synthWritesLabelledClipsDeterministically(@TempDir Path dir) throws Exception {
        for (String name : new String[] {"a", "b"}) {
            CliHarness.Result r = CliHarness.run(dir, "synth", "--out", dir.resolve(name).toString(), "--clips", "2",
                    "--seconds", "2", "--seed", "5", "--soundfont", "builtin", "--json");
            assertEquals(0, r.exitCode(), r.stderr());
            assertEquals(2, JSON.readTree(r.stdout()).get("clips").asInt());
        }
        java.util.List<String> lines = Files.readAllLines(dir.resolve("a/manifest.jsonl"));
        assertEquals(2, lines.size());
        JsonNode first = JSON.readTree(lines.get(0));
        for (String key : new String[] {"file", "caption", "style", "instruments", "tempo_bpm", "key", "mode", "mood", "melody"}) {
            assertTrue(first.has(key), "manifest has " + key);
        }
        assertEquals(64000, WavReader.read(dir.resolve("a").resolve(first.get("file").asText())).frames());
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(dir.resolve("a/00001.wav")),
                Files.readAllBytes(dir.resolve("b/00001.wav"))), "same seed, same bytes");

        CliHarness.Result sf3 = CliHarness.run(dir, "synth", "--out", dir.resolve("c").toString(), "--clips", "1",
                "--seconds", "1", "--soundfont", Files.writeString(dir.resolve("x.sf3"), "x").toString());
        assertEquals(2, sf3.exitCode());
        assertTrue(sf3.stderr().toLowerCase(java.util.Locale.ROOT).contains("sf3"), sf3.stderr());
    }

    @Test
    void helpListsCommandsAndBadArgumentsGiveOneLine(@TempDir Path dir) throws Exception {
        CliHarness.Result help = CliHarness.run(dir, "--help");
        assertEquals(0, help.exitCode());
        for (String command : new String[] {"synth", "train-codec", "codec", "eval-codec"}) {
            assertTrue(help.stdout().contains(command), "--help lists " + command);
        }
        CliHarness.Result bad = CliHarness.run(dir, "codec", "--model", "nowhere", "--in", "missing.wav",
                "--out", "x.wav");
        assertEquals(2, bad.exitCode());
        assertEquals(1, bad.stderr().strip().lines().count(), "one line: " + bad.stderr());
        assertTrue(bad.stderr().contains("missing.wav"), bad.stderr());
        assertFalse(Files.exists(dir.resolve("x.wav")));

        CliHarness.Result unknown = CliHarness.run(dir, "train-codec", "--steps", "x");
        assertEquals(2, unknown.exitCode());
        assertEquals(1, unknown.stderr().strip().lines().count(), "one line: " + unknown.stderr());
    }

    /** A tiny codec trained for a few steps on {@code data}, in {@code dir/base}. */
    private static Path trainTinyCodec(Path dir, Path data, int steps) throws Exception {
        Path base = dir.resolve("base");
        CliHarness.Result train = CliHarness.run(dir, "train-codec", "--data", data.toString(), "--out", base.toString(),
                "--steps", String.valueOf(steps), "--config", "tiny", "--batch", "2", "--crop-seconds", "0.5");
        assertEquals(0, train.exitCode(), train.stderr());
        return base;
    }
}
