package dev.cantor.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cantor.engine.audio.AudioClip;
import dev.cantor.engine.audio.SampleFormat;
import dev.cantor.engine.audio.WavWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cantor finetune} end to end through the jar: a tiny model fine-tuned on a little library
 * of WAVs, its JSON report, generation with the result, resuming, and the refusals.
 */
class FinetuneCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Path model;
    static Path library;

    @BeforeAll
    static void tinyModelAndLibrary() throws Exception {
        TinyModels tiny = TinyModels.build(dir);
        model = dir.resolve("model");
        assertEquals(0, tiny.trainLm(model, "--steps", "2").exitCode());
        library = dir.resolve("library");
        Random r = new Random(3);
        for (int i = 0; i < 5; i++) {
            float[] x = new float[32000 * 10];
            double hz = 200 + 40 * i;
            for (int t = 0; t < x.length; t++) {
                double beat = (t % 16000) / 32000.0;
                x[t] = (float) (0.3 * Math.sin(2 * Math.PI * hz * t / 32000.0) * Math.exp(-2 * beat)
                        + 0.2 * (r.nextDouble() - 0.5) * Math.exp(-40 * beat));
            }
            Path f = library.resolve(i < 3 ? "album/track" + i + ".wav" : "track" + i + ".wav");
            Files.createDirectories(f.getParent());
            WavWriter.write(f, new AudioClip(x, 32000), SampleFormat.PCM_16);
        }
        Files.writeString(library.resolve("album/notes.mp3"), "not audio");
    }

    @Test
    void aFineTuneReportsItsLossesAndMakesAModelThatGenerates() throws Exception {
        Path out = dir.resolve("models/mine");
        CliHarness.Result r = CliHarness.run(dir, "finetune", "--library", library.toString(), "--out", out.toString(),
                "--from", model.toString(), "--steps", "4", "--json");
        assertEquals(0, r.exitCode(), r.stderr());
        JsonNode j = JSON.readTree(r.stdout());
        assertEquals(5, j.get("files_used").asInt());
        assertEquals(1, j.get("files_skipped").asInt());
        assertTrue(j.get("val_loss_before").asDouble() > 0);
        assertTrue(j.get("val_loss_after").isNumber());
        assertTrue(j.get("minutes").isNumber());
        assertTrue(r.stderr().contains("notes.mp3"), "the unreadable file is listed: " + r.stderr());

        CliHarness.Result g = CliHarness.run(dir, "generate", "--model", out.toString(), "--prompt", "track",
                "--seconds", "1", "--out", dir.resolve("mine.wav").toString());
        assertEquals(0, g.exitCode(), g.stderr());

        CliHarness.Result again = CliHarness.run(dir, "finetune", "--library", library.toString(), "--out",
                out.toString(), "--from", model.toString(), "--steps", "4");
        assertEquals(2, again.exitCode(), "a finished fine-tune is not overwritten");
        CliHarness.Result resumed = CliHarness.run(dir, "finetune", "--out", out.toString(), "--resume", "--json");
        assertEquals(0, resumed.exitCode(), resumed.stderr());
        assertEquals(4, JSON.readTree(resumed.stdout()).get("steps").asInt(), "resuming a finished one changes nothing");
    }

    @Test
    void withCodecTheCodecIsTunedFirstAndMeasuredBeforeAndAfter() throws Exception {
        Path out = dir.resolve("models/mine-codec");
        CliHarness.Result r = CliHarness.run(dir, "finetune", "--library", library.toString(), "--out", out.toString(),
                "--from", model.toString(), "--steps", "3", "--codec", "--json");
        assertEquals(0, r.exitCode(), r.stderr());
        JsonNode j = JSON.readTree(r.stdout());
        assertEquals(3, j.get("codec_steps").asInt());
        for (String key : new String[] {"codec_si_snr_db_before", "codec_si_snr_db_after", "codec_mel_distance_before",
                "codec_mel_distance_after"}) {
            assertTrue(j.get(key).isNumber(), key + " in " + j);
        }
        assertTrue(r.stderr().contains("base codec on") && r.stderr().contains("tuned codec on"), r.stderr());
        assertTrue(Files.readString(out.resolve("MODEL_CARD.md")).contains("| fine-tuned |"));
        CliHarness.Result g = CliHarness.run(dir, "generate", "--model", out.toString(), "--prompt", "track",
                "--seconds", "1", "--out", dir.resolve("mine-codec.wav").toString());
        assertEquals(0, g.exitCode(), g.stderr());
    }

    @Test
    void badRequestsExitWithAMessage() throws Exception {
        CliHarness.Result noBudget = CliHarness.run(dir, "finetune", "--library", library.toString(), "--out",
                dir.resolve("x").toString(), "--from", model.toString());
        assertEquals(2, noBudget.exitCode());
        assertTrue(noBudget.stderr().contains("--minutes"), noBudget.stderr());
        CliHarness.Result nothing = CliHarness.run(dir, "finetune", "--out", dir.resolve("y").toString(), "--resume");
        assertEquals(2, nothing.exitCode());
        assertTrue(nothing.stderr().contains("nothing to resume"), nothing.stderr());
        Path small = dir.resolve("small");
        Files.createDirectories(small);
        Files.copy(library.resolve("track3.wav"), small.resolve("only.wav"));
        CliHarness.Result tooSmall = CliHarness.run(dir, "finetune", "--library", small.toString(), "--out",
                dir.resolve("z").toString(), "--from", model.toString(), "--steps", "2");
        assertEquals(2, tooSmall.exitCode());
        assertTrue(tooSmall.stderr().contains("at least 2"), tooSmall.stderr());
    }
}
