package dev.cantor.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cantor.engine.audio.SampleFormat;
import dev.cantor.engine.audio.WavAudio;
import dev.cantor.engine.audio.WavReader;
import dev.cantor.engine.audio.WavWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The language-model path end to end through the packaged jar, on a tiny corpus and tiny
 * models: synth → train-codec → tokenize → train-lm (with resume) → generate; then every
 * kind of bad input.
 */
class GenerateCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Path model;
    static TinyModels tiny;

    @BeforeAll
    static void trainTinyModels() throws Exception {
        tiny = TinyModels.build(dir);
        Path tokens = tiny.tokens();
        assertEquals(4, tiny.tokenized().get("clips").asInt());
        assertEquals(400, tiny.tokenized().get("frames").asInt());
        model = dir.resolve("model");
        JsonNode first = JSON.readTree(tiny.trainLm(model, "--steps", "3", "--checkpoint-every", "2", "--json")
                .stdout());
        assertEquals(3, first.get("steps").asInt());
        CliHarness.Result refused = CliHarness.run(dir, "train-lm", "--tokens", tokens.toString(), "--out",
                model.toString(), "--steps", "5", "--config", "tiny");
        assertEquals(2, refused.exitCode(), "an existing LM is never overwritten silently");
        JsonNode resumed = JSON.readTree(ok(CliHarness.run(dir, "train-lm", "--tokens", tokens.toString(), "--out",
                model.toString(), "--steps", "5", "--resume", "--json")).stdout());
        assertEquals(5, resumed.get("steps").asInt());
        assertEquals(2, resumed.get("steps_this_run").asInt());
    }

    private static CliHarness.Result ok(CliHarness.Result r) {
        assertEquals(0, r.exitCode(), r.stderr());
        return r;
    }

    @Test
    void aGpuThatIsNotThereIsOneLineAndExitTwo() throws Exception {
        // This machine and CI carry the CPU-only PyTorch library (or see no GPU): --device gpu cannot be had.
        Path out = dir.resolve("gpu.wav");
        CliHarness.Result r = CliHarness.run(dir, "generate", "--model", model.toString(), "--prompt", "piano",
                "--seconds", "1", "--device", "gpu", "--out", out.toString());
        assertEquals(2, r.exitCode(), r.stderr());
        assertEquals(1, r.stderr().strip().lines().count(), "one line: " + r.stderr());
        assertTrue(r.stderr().startsWith("cantor: no CUDA GPU for --device gpu: "), r.stderr());
        assertFalse(Files.exists(out));
        CliHarness.Result unknown = CliHarness.run(dir, "bench", "--model", model.toString(), "--device", "tpu");
        assertEquals(2, unknown.exitCode(), unknown.stderr());
        assertTrue(unknown.stderr().contains("use auto, cpu, gpu or gpu:N"), unknown.stderr());
    }

    @Test
    void benchReportsTheDeviceHowSoonATakeIsHeardAndTakesAgainstSingleRuns() throws Exception {
        JsonNode r = JSON.readTree(ok(CliHarness.run(dir, "bench", "--model", model.toString(), "--seconds", "1",
                "--device", "cpu", "--takes", "2", "--json")).stdout());
        assertEquals("cpu()", r.get("device").asText());
        assertTrue(r.get("first_audio_s").asDouble() > 0, "how soon a streamed take is heard");
        assertEquals(2, r.get("takes").asInt());
        assertTrue(r.get("batch_seconds_per_take").asDouble() > 0 && r.get("single_seconds_per_take").asDouble() > 0);
        assertTrue(r.get("batch_speedup").asDouble() > 0);
        JsonNode auto = JSON.readTree(ok(CliHarness.run(dir, "bench", "--model", model.toString(), "--seconds", "1",
                "--json")).stdout());
        assertEquals("cpu()", auto.get("device").asText(), "auto falls back to the CPU without a GPU");
    }

    @Test
    void generateWritesTheRequestedLengthAndRepeatsForTheSameSeed() throws Exception {
        Path a = dir.resolve("a.wav");
        Path b = dir.resolve("b.wav");
        // 3 s is longer than the tiny LM's 2 s window: the sliding window must take over.
        String prompt = "calm piano with ukulele, flurb, 70 bpm";
        JsonNode r = JSON.readTree(ok(CliHarness.run(dir, "generate", "--model", model.toString(), "--prompt",
                prompt, "--seconds", "3", "--seed", "5", "--out", a.toString(), "--json")).stdout());
        assertEquals(5, r.get("seed").asLong());
        assertEquals(150, r.get("frames").asInt());
        JsonNode read = r.get("read_from_prompt");
        assertEquals(70.0, read.get("tempo_bpm").asDouble());
        assertEquals("calm", read.get("mood").asText());
        assertEquals("[\"acoustic guitar\",\"piano\"]", read.get("instruments").toString());
        assertTrue(read.get("key").isNull());
        JsonNode ukulele = read.get("mapped").get(0);
        assertEquals("ukulele", ukulele.get("word").asText());
        assertEquals("acoustic guitar", ukulele.get("to").asText());
        assertEquals("instrument", ukulele.get("kind").asText());
        assertEquals("lexicon", ukulele.get("by").asText());
        assertEquals("[\"flurb\"]", read.get("unknown").toString());
        assertEquals("[\"tempo_bpm\",\"key\",\"mode\",\"style\",\"mood\",\"instruments\"]",
                read.get("used_by_model").toString(), "train-lm gives new models the music attributes");
        String summary = "70 bpm · calm · acoustic guitar, piano (ukulele → acoustic guitar); not understood: flurb";
        assertEquals(summary, read.get("summary").asText());
        WavAudio wav = WavReader.read(a);
        assertEquals(32000, wav.sampleRate());
        assertEquals(96000, wav.channels()[0].length);
        CliHarness.Result second = ok(CliHarness.run(dir, "generate", "--model", model.toString(), "--prompt",
                prompt, "--seconds", "3", "--seed", "5", "--out", b.toString()));
        assertTrue(second.stderr().contains("generating"), "progress goes to stderr");
        assertTrue(second.stdout().contains("read from the prompt: " + summary), second.stdout());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    @Test
    void aStoryProjectRendersAsOnePieceWithItsSectionBoundaries() throws Exception {
        Path project = dir.resolve("story.json");
        String text = "{\"format\": \"cantor-project\", \"version\": 1, \"seed\": 7, \"transition_seconds\": 0.5,"
                + " \"sections\": [{\"prompt\": \"calm piano intro, 70 bpm\", \"seconds\": 1.5},"
                + " {\"prompt\": \"driving drums and bass, 140 bpm\", \"seconds\": 1.0}]}";
        Files.writeString(project, text);
        Path out = dir.resolve("story.wav");
        JsonNode r = JSON.readTree(ok(CliHarness.run(dir, "story", project.toString(), "--model", model.toString(),
                "--out", out.toString(), "--check", "--json")).stdout());
        assertEquals(2, r.get("sections").size());
        assertTrue(r.get("sections").get(1).has("estimated_bpm"));
        assertEquals(1.5, r.get("seams").get(0).get("at").asDouble(), 1e-9);
        assertTrue(r.get("seams").get(0).get("piece_rms").asDouble() > 0);
        assertTrue(r.get("seams").get(0).get("rms_p10_elsewhere").asDouble() > 0);
        assertEquals(0.0, r.get("sections").get(0).get("start").asDouble(), 1e-9);
        assertEquals(1.5, r.get("sections").get(0).get("end").asDouble(), 1e-9);
        assertEquals(2.5, r.get("sections").get(1).get("end").asDouble(), 1e-9);
        assertEquals("driving drums and bass, 140 bpm", r.get("sections").get(1).get("prompt").asText());
        assertEquals(70.0, r.get("sections").get(0).get("conditions").get("tempo_bpm").asDouble(), 1e-9);
        assertEquals(140.0, r.get("sections").get(1).get("conditions").get("tempo_bpm").asDouble(), 1e-9);
        assertEquals(80000, WavReader.read(out).channels()[0].length, "the sum of the sections, to the sample");
        assertEquals(text, Files.readString(project), "rendering does not touch the project");

        CliHarness.Result again = CliHarness.run(dir, "story", project.toString(), "--model", model.toString(),
                "--out", out.toString());
        assertEquals(2, again.exitCode(), "an existing WAV is not overwritten without --force");
        String text2 = ok(CliHarness.run(dir, "story", project.toString(), "--model", model.toString(),
                "--out", dir.resolve("story2.wav").toString())).stdout();
        assertTrue(text2.contains("conditions: 140 bpm"), text2);

        Path newer = dir.resolve("newer.json");
        Files.writeString(newer, text.replace("\"version\": 1", "\"version\": 3"));
        CliHarness.Result refused = CliHarness.run(dir, "story", newer.toString(), "--model", model.toString(),
                "--out", dir.resolve("newer.wav").toString());
        assertEquals(2, refused.exitCode());
        assertTrue(refused.stderr().contains("newer Cantor"), refused.stderr());
        assertTrue(Files.readString(newer).contains("\"version\": 3"), "the file is left as it was");
    }

    @Test
    void aLoopIsWholeBarsAndItsWavCarriesTheLoopPoints() throws Exception {
        Path out = dir.resolve("loop.wav");
        // 3 s at 120 bpm is 1.5 bars of 2 s: rounded to 2 bars, 4 s
        CliHarness.Result r = ok(CliHarness.run(dir, "generate", "--model", model.toString(), "--prompt",
                "calm piano, 120 bpm", "--seconds", "3", "--seed", "2", "--loop", "--out", out.toString(), "--json"));
        assertTrue(r.stderr().contains("loop: 2 bars of 4/4 at 120 bpm = 4.00 s"), r.stderr());
        JsonNode loop = JSON.readTree(r.stdout()).get("loop");
        assertEquals(2, loop.get("bars").asInt());
        assertEquals(4, loop.get("beats_per_bar").asInt());
        assertEquals(120.0, loop.get("tempo_bpm").asDouble());
        assertEquals(0, loop.get("loop_start").asLong());
        assertEquals(127_999, loop.get("loop_end").asLong());
        JsonNode join = loop.get("join");
        assertEquals(join.get("spectral_flux").asDouble() <= join.get("spectral_flux_max_elsewhere").asDouble()
                && join.get("sample_step").asDouble() <= join.get("sample_step_max_elsewhere").asDouble(),
                join.get("seamless").asBoolean(), join.toString());
        assertEquals(128_000, WavReader.read(out).channels()[0].length);
        assertArrayEquals(new long[] {0, 127_999}, loopPoints(Files.readAllBytes(out)));

        Path free = dir.resolve("free-loop.wav");
        CliHarness.Result noTempo = ok(CliHarness.run(dir, "generate", "--model", model.toString(), "--prompt",
                "calm piano", "--seconds", "1.5", "--seed", "2", "--loop", "--out", free.toString()));
        assertTrue(noTempo.stderr().contains("loop: 1.50 s, not bar-aligned (the prompt names no tempo)"),
                noTempo.stderr());
        assertTrue(noTempo.stdout().contains("loop join: spectral flux "), noTempo.stdout());
        assertArrayEquals(new long[] {0, 47_999}, loopPoints(Files.readAllBytes(free)));

        CliHarness.Result continued = CliHarness.run(dir, "generate", "--model", model.toString(), "--prompt",
                "piano, 120 bpm", "--loop", "--continue", out.toString(), "--out", dir.resolve("c.wav").toString());
        assertEquals(2, continued.exitCode(), continued.stderr());
        assertTrue(continued.stderr().contains("--loop cannot be used with --continue"), continued.stderr());
        Path tooLong = dir.resolve("too-long.wav");
        CliHarness.Result refused = CliHarness.run(dir, "generate", "--model", model.toString(), "--prompt",
                "piano, 20 bpm", "--seconds", "596", "--loop", "--out", tooLong.toString());
        assertEquals(2, refused.exitCode(), refused.stderr());
        assertTrue(refused.stderr().contains("50 bars of 4/4 at 20 bpm = 600.00 s needs 612.00 s"), refused.stderr());
        assertFalse(Files.exists(tooLong));
    }

    /** Start and end of the first loop in a WAV's smpl chunk, read with a RIFF walk of the test's own. */
    private static long[] loopPoints(byte[] wav) {
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        for (int pos = 12; pos + 8 <= wav.length; ) {
            String id = new String(wav, pos, 4, StandardCharsets.US_ASCII);
            int size = b.getInt(pos + 4);
            if (id.equals("smpl")) {
                assertEquals(1, b.getInt(pos + 8 + 28), "one loop");
                return new long[] {b.getInt(pos + 8 + 44) & 0xFFFF_FFFFL, b.getInt(pos + 8 + 48) & 0xFFFF_FFFFL};
            }
            pos += 8 + size + (size & 1);
        }
        throw new AssertionError("no smpl chunk");
    }

    @Test
    void musicAttributesAreAddedToABaseTrainedWithoutThemButNeverTakenAway() throws Exception {
        Path plain = dir.resolve("plain");
        tiny.trainLm(plain, "--steps", "1", "--no-music-attributes");
        assertFalse(Files.readString(plain.resolve("lm").resolve("config.json")).contains("music_attributes"));
        Path grown = dir.resolve("grown");
        CliHarness.Result r = ok(CliHarness.run(dir, "train-lm", "--tokens", tiny.tokens().toString(), "--out",
                grown.toString(), "--from", plain.toString(), "--music-attributes", "--steps", "1", "--batch", "2",
                "--rr-weight", "0"));
        assertTrue(r.stderr().contains("cond.style.table"), r.stderr());
        assertTrue(Files.readString(grown.resolve("lm").resolve("config.json")).contains("\"music_attributes\" : true"));
        String reading = ok(CliHarness.run(dir, "generate", "--model", grown.toString(), "--prompt",
                "calm jazz piano, 70 bpm", "--seconds", "1", "--out", dir.resolve("grown.wav").toString())).stdout();
        assertTrue(reading.contains("jazz") && reading.contains("calm"), reading);

        CliHarness.Result kept = CliHarness.run(dir, "train-lm", "--tokens", tiny.tokens().toString(), "--out",
                dir.resolve("kept").toString(), "--from", grown.toString(), "--no-music-attributes", "--steps", "1");
        assertEquals(2, kept.exitCode(), kept.stderr());
        assertTrue(kept.stderr().contains("cannot take them away"), kept.stderr());
        assertFalse(Files.exists(dir.resolve("kept")), "a refused run leaves nothing behind");
    }

    @Test
    void averagingAModelWithItselfMakesTheSameMusicAndBadRequestsAreOneLineErrors() throws Exception {
        Path soup = dir.resolve("soup");
        String wrote = ok(CliHarness.run(dir, "average-models", "--model", model.toString(), "--model",
                model.toString(), "--weights", "1,1", "--out", soup.toString())).stdout();
        assertTrue(wrote.contains("the mean of 2 language models"), wrote);
        // 0.5·w + 0.5·w is w exactly, so the soup is the model and makes the same file
        byte[][] made = new byte[2][];
        Path[] from = {model, soup};
        for (int i = 0; i < 2; i++) {
            Path wav = dir.resolve("soup-" + i + ".wav");
            ok(CliHarness.run(dir, "generate", "--model", from[i].toString(), "--prompt", "calm jazz piano, 70 bpm",
                    "--seconds", "1", "--seed", "4", "--out", wav.toString()));
            made[i] = Files.readAllBytes(wav);
        }
        assertArrayEquals(made[0], made[1]);

        String[][] refused = {
            {"needs two --model", "--model", model.toString(), "--out", dir.resolve("never").toString()},
            {"2 weights for 3 models", "--model", model.toString(), "--model", model.toString(), "--model",
                model.toString(), "--weights", "1,2", "--out", dir.resolve("never").toString()},
            {"must be positive", "--model", model.toString(), "--model", model.toString(), "--weights", "1,0",
                "--out", dir.resolve("never").toString()},
            {"already holds a model", "--model", model.toString(), "--model", model.toString(), "--out",
                soup.toString()},
        };
        for (String[] c : refused) {
            String[] args = new String[c.length];
            args[0] = "average-models";
            System.arraycopy(c, 1, args, 1, c.length - 1);
            CliHarness.Result r = CliHarness.run(dir, args);
            assertEquals(2, r.exitCode(), r.stderr());
            assertEquals(1, r.stderr().strip().lines().count(), r.stderr());
            assertTrue(r.stderr().contains(c[0]), c[0] + " in: " + r.stderr());
        }
        assertFalse(Files.exists(dir.resolve("never")), "a refused request writes nothing");
    }

    @Test
    void contrastsAreRecipesOfTheRunAndTheirGapsAreLogged() throws Exception {
        Path contrasted = dir.resolve("contrasted");
        CliHarness.Result r = ok(CliHarness.run(dir, "train-lm", "--tokens", tiny.tokens().toString(), "--out",
                contrasted.toString(), "--from", model.toString(), "--key-contrast", "0.5:0.15:10",
                "--tempo-contrast", "0.25:0.3:12", "--style-contrast", "0.75:0.2:8", "--instrument-contrast",
                "0.5:0.1:6", "--steps", "2", "--batch", "4", "--rr-weight", "0"));
        assertTrue(r.stderr().contains("key contrast: weight 0.5, margin 0.15 nats, over the first 10 frames"),
                r.stderr());
        assertTrue(r.stderr().contains("tempo contrast: weight 0.25, margin 0.3 nats, over the first 12 frames"),
                r.stderr());
        assertTrue(r.stderr().contains("style contrast: weight 0.75, margin 0.2 nats, over the first 8 frames"),
                r.stderr());
        assertTrue(r.stderr().contains("instrument contrast: weight 0.5, margin 0.1 nats, over the first 6 frames"),
                r.stderr());
        Path lm = contrasted.resolve("lm");
        JsonNode recipe = JSON.readTree(lm.resolve("training").resolve("training_config.json").toFile());
        assertEquals(10, recipe.get("key_contrast").get("frames").asInt());
        assertEquals(12, recipe.get("tempo_contrast").get("frames").asInt());
        assertEquals(8, recipe.get("style_contrast").get("frames").asInt());
        assertEquals(6, recipe.get("instrument_contrast").get("frames").asInt());
        for (String line : Files.readAllLines(lm.resolve("log.jsonl"))) {
            JsonNode step = JSON.readTree(line);
            // a number, or null in a step without the label
            assertTrue(step.has("keyGap") && step.has("tempoGap") && step.has("styleGap") && step.has("instrumentGap"),
                    line);
        }

        for (String option : new String[] {"--key-contrast", "--tempo-contrast", "--style-contrast",
                "--instrument-contrast"}) {
            assertRecipeOption(contrasted, option, "1:0.1:10",
                    "1", "0.5:0.15", "x:0.1:10", "0.5:0:10", "0.5:0.1:0", "-1:0.1:10");
        }

        // a model that does not read style and instruments cannot be contrasted on them
        CliHarness.Result refused = CliHarness.run(dir, "train-lm", "--tokens", tiny.tokens().toString(), "--out",
                dir.resolve("never").toString(), "--config", "tiny", "--no-music-attributes", "--style-contrast",
                "1:0.2:10", "--steps", "1", "--rr-weight", "0");
        assertEquals(2, refused.exitCode(), refused.stderr());
        assertEquals(1, refused.stderr().strip().lines().count(), refused.stderr());
        assertTrue(refused.stderr().contains("style, mood and instruments"), refused.stderr());
        assertFalse(Files.exists(dir.resolve("never")));
    }

    /**
     * An option of a run's recipe: a --resume of {@code run} that sets it is refused, and each
     * bad value is a one-line error naming the option that leaves nothing behind.
     */
    private void assertRecipeOption(Path run, String option, String good, String... bad) throws Exception {
        CliHarness.Result changed = CliHarness.run(dir, "train-lm", "--tokens", tiny.tokens().toString(), "--out",
                run.toString(), "--steps", "3", "--resume", option, good);
        assertEquals(2, changed.exitCode(), changed.stderr());
        assertTrue(changed.stderr().contains(option + " is part of the recipe"), changed.stderr());
        for (String value : bad) {
            CliHarness.Result refused = CliHarness.run(dir, "train-lm", "--tokens", tiny.tokens().toString(),
                    "--out", dir.resolve("never").toString(), option, value, "--steps", "1");
            assertEquals(2, refused.exitCode(), value + ": " + refused.stderr());
            assertEquals(1, refused.stderr().strip().lines().count(), refused.stderr());
            assertTrue(refused.stderr().contains(option), refused.stderr());
        }
        assertFalse(Files.exists(dir.resolve("never")));
    }

    @Test
    void shortWindowStepsAreARecipeOfTheRunAndEvalLmScoresTheStartOfEachClip() throws Exception {
        Path mixed = dir.resolve("mixed");
        CliHarness.Result r = ok(CliHarness.run(dir, "train-lm", "--tokens", tiny.tokens().toString(), "--out",
                mixed.toString(), "--from", model.toString(), "--short-windows", "0.5:10", "--steps", "2",
                "--batch", "2", "--rr-weight", "0"));
        assertTrue(r.stderr().contains("50% of steps on windows of 10 frames"), r.stderr());
        JsonNode recipe = JSON.readTree(mixed.resolve("lm").resolve("training").resolve("training_config.json")
                .toFile());
        assertEquals(10, recipe.get("short_windows").get("frames").asInt());

        assertRecipeOption(mixed, "--short-windows", "0.2:10", "half", "0.5", "2:10", "0.5:1");

        JsonNode start = JSON.readTree(ok(CliHarness.run(dir, "eval-lm", "--model", mixed.toString(), "--tokens",
                tiny.tokens().toString(), "--all", "--window", "10", "--sensitivity", "--json")).stdout());
        assertEquals(10, start.get("window_frames").asInt());
        assertTrue(start.get("condition_sensitivity").has("key_tritone"));
        CliHarness.Result tooLong = CliHarness.run(dir, "eval-lm", "--model", mixed.toString(), "--tokens",
                tiny.tokens().toString(), "--all", "--window", "100000");
        assertEquals(2, tooLong.exitCode(), tooLong.stderr());
        assertTrue(tooLong.stderr().contains("--window must be between 1 and"), tooLong.stderr());
    }

    @Test
    void takesMadeTogetherAreWrittenNumberedAndEachIsTheSingleRunWithItsSeed() throws Exception {
        Path out = dir.resolve("takes.wav");
        JsonNode r = JSON.readTree(ok(CliHarness.run(dir, "generate", "--model", model.toString(), "--prompt",
                "upbeat jazz, 120 bpm", "--seconds", "1.5", "--seed", "20", "--takes", "3", "--out", out.toString(),
                "--json")).stdout());
        assertEquals(3, r.get("takes").size());
        assertFalse(Files.exists(out), "with several takes, --out names them and is not written itself");
        for (int i = 0; i < 3; i++) {
            Path take = dir.resolve("takes-" + (i + 1) + ".wav");
            assertEquals(take.toString(), r.get("takes").get(i).get("out").asText());
            assertEquals(20 + i, r.get("takes").get(i).get("seed").asLong());
            Path single = dir.resolve("single-" + i + ".wav");
            ok(CliHarness.run(dir, "generate", "--model", model.toString(), "--prompt", "upbeat jazz, 120 bpm",
                    "--seconds", "1.5", "--seed", String.valueOf(20 + i), "--out", single.toString()));
            assertArrayEquals(Files.readAllBytes(single), Files.readAllBytes(take), "take " + (i + 1));
        }
        assertTrue(r.get("seconds_per_take").asDouble() > 0);
        // One take already there: nothing is made or replaced without --force, before any work.
        Files.delete(dir.resolve("takes-1.wav"));
        byte[] second = Files.readAllBytes(dir.resolve("takes-2.wav"));
        CliHarness.Result refused = CliHarness.run(dir, "generate", "--model", model.toString(), "--prompt", "piano",
                "--seconds", "1", "--seed", "1", "--takes", "3", "--out", out.toString());
        assertEquals(2, refused.exitCode(), refused.stderr());
        assertTrue(refused.stderr().contains("takes-2.wav") && refused.stderr().contains("--force"), refused.stderr());
        assertFalse(Files.exists(dir.resolve("takes-1.wav")));
        assertArrayEquals(second, Files.readAllBytes(dir.resolve("takes-2.wav")));
        ok(CliHarness.run(dir, "generate", "--model", model.toString(), "--prompt", "piano", "--seconds", "1",
                "--seed", "1", "--takes", "3", "--out", out.toString(), "--force"));
        assertFalse(java.util.Arrays.equals(second, Files.readAllBytes(dir.resolve("takes-2.wav"))));
    }

    @Test
    void playWritesTheFileAndPlaysOrSaysInOneLineThatThereIsNoSoundDevice() throws Exception {
        Path out = dir.resolve("played.wav");
        CliHarness.Result r = CliHarness.run(dir, "generate", "--model", model.toString(), "--prompt", "piano",
                "--seconds", "1", "--seed", "3", "--play", "--out", out.toString(), "--json");
        if (r.exitCode() == 0) {                            // a machine with a sound card: heard, and written
            JsonNode j = JSON.readTree(r.stdout());
            assertTrue(j.get("first_audio_s").asDouble() > 0);
            assertEquals(32000, WavReader.read(out).channels()[0].length);
        } else {                                            // CI: no sound card
            assertEquals(2, r.exitCode(), r.stderr());
            String last = r.stderr().strip().lines().reduce((x, y) -> y).orElse("");
            assertTrue(last.startsWith("cantor: cannot play sound: ") && last.endsWith("leave out --play to only write"
                    + " the file"), r.stderr());
            assertFalse(Files.exists(out), "refused before any music was made");
        }
    }

    @Test
    void melodyAndContinuationInputsWork() throws Exception {
        Path hum = dir.resolve("hum.wav");
        float[] x = new float[32000];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.3 * Math.sin(2 * Math.PI * (i < 16000 ? 440 : 523.25) * i / 32000));
        }
        WavWriter.write(hum, new float[][] {x}, 32000, SampleFormat.PCM_16);
        Path out = dir.resolve("melody.wav");
        ok(CliHarness.run(dir, "generate", "--model", model.toString(), "--prompt", "strings", "--melody",
                hum.toString(), "--seconds", "1", "--seed", "1", "--out", out.toString()));
        assertEquals(32000, WavReader.read(out).channels()[0].length);
        Path cont = dir.resolve("continued.wav");
        ok(CliHarness.run(dir, "generate", "--model", model.toString(), "--prompt", "more", "--continue",
                hum.toString(), "--seconds", "1", "--seed", "1", "--out", cont.toString()));
        assertEquals(64000, WavReader.read(cont).channels()[0].length);
    }

    @Test
    void badInputsGiveAClearErrorAndExitCode2() throws Exception {
        Path silence = dir.resolve("silence.wav");
        WavWriter.write(silence, new float[][] {new float[32000]}, 32000, SampleFormat.PCM_16);
        Path corrupt = dir.resolve("corrupt.wav");
        Files.writeString(corrupt, "not audio");
        Path existing = dir.resolve("existing.wav");
        Files.writeString(existing, "keep me");
        Path partial = Files.createDirectories(dir.resolve("partial"));
        Files.createDirectories(partial.resolve("codec"));
        Path mismatched = dir.resolve("mismatched");
        copyTree(model, mismatched);
        Path config = mismatched.resolve("lm").resolve("config.json");
        Files.writeString(config, Files.readString(config).replace("\"d_model\" : 32", "\"d_model\" : 64"));
        Path fifo = mkfifo(dir.resolve("pipe.wav"));
        String m = model.toString();
        String out = dir.resolve("x.wav").toString();
        String[][] cases = {
            {"length must be", "--model", m, "--prompt", "p", "--seconds", "0", "--out", out},
            {"length must be", "--model", m, "--prompt", "p", "--seconds", "99999", "--out", out},
            {"not found", "--model", m, "--prompt", "p", "--melody", "missing.wav", "--out", out},
            {"cannot read the melody", "--model", m, "--prompt", "p", "--melody", corrupt.toString(), "--out", out},
            {"no melody found", "--model", m, "--prompt", "p", "--melody", silence.toString(), "--out", out},
            {"does not exist", "--model", m, "--prompt", "p", "--out", dir.resolve("no/such/dir/x.wav").toString()},
            {"--force", "--model", m, "--prompt", "p", "--out", existing.toString()},
            {"not found", "--model", dir.resolve("nowhere").toString(), "--prompt", "p", "--out", out},
            {"lm/", "--model", partial.toString(), "--prompt", "p", "--out", out},
            {"does not belong to these weights", "--model", mismatched.toString(), "--prompt", "p", "--out", out},
            {"is a folder, not an audio file", "--model", m, "--prompt", "p", "--melody", dir.toString(), "--out", out},
            {"is a named pipe (FIFO)", "--model", m, "--prompt", "p", "--continue", fifo.toString(), "--out", out},
            {"temperature", "--model", m, "--prompt", "p", "--temperature", "-2", "--out", out},
            {"takes must be 1 to 8", "--model", m, "--prompt", "p", "--takes", "9", "--out", out},
            {"make fewer or shorter takes", "--model", m, "--prompt", "p", "--takes", "4", "--seconds", "200", "--out", out},
        };
        for (String[] c : cases) {
            String[] args = new String[c.length];
            args[0] = "generate";
            System.arraycopy(c, 1, args, 1, c.length - 1);
            CliHarness.Result r = CliHarness.run(dir, args);
            assertEquals(2, r.exitCode(), String.join(" ", args) + "\n" + r.stderr());
            assertTrue(r.stderr().contains(c[0]), "expected '" + c[0] + "' in: " + r.stderr());
            assertTrue(r.stderr().strip().lines().reduce((x, y) -> y).orElse("").startsWith("cantor: "),
                    "one-line error: " + r.stderr());
        }
        assertEquals("keep me", Files.readString(existing));
        assertTrue(!Files.exists(Path.of(out)), "no output after a refused request");
    }

    /** Issue 24, item 6: a device or a pipe as the project is refused at once, naming what it is. */
    @Test
    void aDeviceOrAPipeAsTheStoryProjectIsRefusedAtOnce() throws Exception {
        Path fifo = mkfifo(dir.resolve("story-pipe.json"));
        for (String[] c : new String[][] {{"/dev/zero", "is a device"}, {fifo.toString(), "is a named pipe"}}) {
            CliHarness.Result r = CliHarness.run(dir, "story", c[0], "--model", model.toString(), "--out",
                    dir.resolve("never.wav").toString());
            assertEquals(2, r.exitCode(), r.stderr());
            assertTrue(r.stderr().contains(c[1]) && r.stderr().strip().lines().count() == 1, r.stderr());
        }
    }

    static Path mkfifo(Path path) throws Exception {
        Process p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
        assertTrue(p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS) && p.exitValue() == 0, "mkfifo failed");
        return path;
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (var walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
