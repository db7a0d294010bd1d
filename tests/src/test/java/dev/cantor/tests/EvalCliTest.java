package dev.cantor.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cantor.engine.api.SamplingParams;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evaluation suite end to end through the packaged jar, on tiny models: make-eval-set,
 * train-judge and eval with the memorization check, then bad inputs.
 */
class EvalCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] METRICS = {"tempo_hit_rate", "tempo_hit_rate_octave", "mode_accuracy",
        "key_accuracy", "key_mirex_score", "style_accuracy", "instrument_f1", "melody_chroma_cosine",
        "melody_chroma_cosine_no_melody", "fd_embed", "memorization_exact_rate", "rtf"};

    @TempDir
    static Path dir;
    static Path model;
    static Path tokens;
    static Path judge;
    static Path set;

    @BeforeAll
    static void trainTinyModelsAndJudge() throws Exception {
        TinyModels tiny = TinyModels.build(dir);
        Path data = tiny.corpus();
        tokens = tiny.tokens();
        model = dir.resolve("model");
        tiny.trainLm(model, "--steps", "2");
        judge = dir.resolve("judge");
        JsonNode trained = JSON.readTree(ok(CliHarness.run(dir, "train-judge", "--data", data.toString(), "--heldout",
                data.toString(), "--out", judge.toString(), "--steps", "20", "--config", "tiny", "--batch", "4",
                "--min-instrument-clips", "1", "--json")).stdout());
        assertEquals(20, trained.get("steps").asInt());
        assertEquals(4, trained.get("heldout_clips").asInt());
        assertInRange(trained, "heldout_style_accuracy");
        assertTrue(Files.isRegularFile(judge.resolve("report.json")));
        set = dir.resolve("prompts.jsonl");
        JsonNode made = JSON.readTree(ok(CliHarness.run(dir, "make-eval-set", "--out", set.toString(), "--prompts",
                "21", "--melodies", "7", "--seconds", "5", "--json")).stdout());
        assertEquals(21, made.get("prompts").asInt());
        assertEquals(21, made.get("styles").size(), "one prompt per style");
        assertEquals(21, Files.readAllLines(set).size());
    }

    private static CliHarness.Result ok(CliHarness.Result r) {
        assertEquals(0, r.exitCode(), r.stderr());
        return r;
    }

    private static void assertInRange(JsonNode block, String key) {
        JsonNode v = block.get(key);
        assertTrue(v != null && v.isNumber(), key + " missing or not a number in " + block);
        assertTrue(v.asDouble() >= 0 && v.asDouble() <= 1, key + " = " + v);
    }

    /** Each clip's entry in {@code per_clip} and the block's shares are the same counts. */
    private static void assertPerClipAddsUp(JsonNode block, String name) {
        JsonNode clips = block.get("per_clip");
        assertEquals(block.get("clips").asInt(), clips.size(), name + " per_clip");
        double keys = 0;
        double modes = 0;
        double tempi = 0;
        double styles = 0;
        for (JsonNode c : clips) {
            assertTrue(c.get("prompt").asText().length() > 0 && c.get("asked_key").asText().contains(" "), c.toString());
            assertTrue(!c.get("key_hit").asBoolean() || c.get("key").asText().equals(c.get("asked_key").asText()),
                    "a key hit is the asked key: " + c);
            keys += c.get("key_hit").asBoolean() ? 1 : 0;
            modes += c.get("mode_hit").asBoolean() ? 1 : 0;
            tempi += c.get("tempo_hit").asBoolean() ? 1 : 0;
            styles += c.get("style_hit").asBoolean() ? 1 : 0;
        }
        assertEquals(block.get("key_accuracy").asDouble(), keys / clips.size(), 1e-9, name);
        assertEquals(block.get("mode_accuracy").asDouble(), modes / clips.size(), 1e-9, name);
        assertEquals(block.get("tempo_hit_rate").asDouble(), tempi / clips.size(), 1e-9, name);
        assertEquals(block.get("style_accuracy").asDouble(), styles / clips.size(), 1e-9, name);
    }

    @Test
    void evalReportsModelReferenceAndUnconditionalFigures() throws Exception {
        CliHarness.Result r = ok(CliHarness.run(dir, "eval", "--model", model.toString(), "--set", set.toString(),
                "--max-prompts", "3", "--judge", judge.toString(), "--soundfont", "builtin", "--train-tokens",
                tokens.toString(), "--memorization-prompts", "2", "--long-pieces", "0", "--json"));
        assertTrue(r.stderr().contains("evaluating"), "progress goes to stderr");
        JsonNode report = JSON.readTree(r.stdout());
        assertEquals(3, report.get("prompts").asInt());
        assertEquals(1, report.get("seeds").asInt());
        // spread over the set: prompts 0, 7 and 14; of the seven melody prompts only the fifteenth (bossa nova) is among them
        assertEquals(1, report.get("melody_prompts").asInt());
        for (String block : new String[] {"model", "reference", "unconditional", "reference_through_codec"}) {
            JsonNode b = report.get(block);
            assertEquals(3, b.get("clips").asInt(), block);
            for (String metric : METRICS) {
                assertTrue(b.has(metric), block + " lacks " + metric);
            }
            for (String metric : new String[] {"tempo_hit_rate", "tempo_hit_rate_octave", "mode_accuracy",
                "key_accuracy", "key_mirex_score", "style_accuracy", "instrument_f1", "melody_chroma_cosine"}) {
                assertInRange(b, metric);
            }
            assertTrue(b.get("fd_embed").asDouble() >= 0, block + " fd_embed");
            assertTrue(b.get("rtf").asDouble() > 0, block + " rtf");
            assertPerClipAddsUp(b, block);
        }
        // the real renders are the check of the estimators: they have the prompt's tempo
        assertTrue(report.get("reference").get("tempo_hit_rate_octave").asDouble() >= 2 / 3.0,
                report.get("reference").toString());
        assertInRange(report.get("model"), "melody_chroma_cosine_no_melody");
        assertInRange(report.get("model"), "memorization_exact_rate");
        assertInRange(report.get("unconditional"), "memorization_exact_rate");
        assertTrue(report.get("reference").get("memorization_exact_rate").isNull());
        assertEquals(2, report.get("memorization").get("prompts").asInt());
        assertEquals(2.0, report.get("memorization").get("window_seconds").asDouble(), 1e-9,
                "capped by the 2 s training clips");
        assertEquals(report.get("reference").get("style_accuracy").asDouble(),
                report.get("judge").get("style_accuracy_on_reference").asDouble());
        assertEquals(20, report.get("judge").get("steps").asInt());
        assertEquals(SamplingParams.DEFAULT_GUIDANCE, report.get("sampling").get("cfg").asDouble(),
                "generate's guidance by default");
        assertEquals(SamplingParams.DEFAULT_TOP_K, report.get("sampling").get("top_k").asInt());
    }

    @Test
    void samplingOptionsChangeTheGeneratedClipsButNotTheBaselinesAndTheFloorCanBeSkipped() throws Exception {
        String[] common = {"eval", "--model", model.toString(), "--set", set.toString(), "--max-prompts", "3",
            "--judge", judge.toString(), "--soundfont", "builtin", "--long-pieces", "0", "--json"};
        JsonNode plain = JSON.readTree(ok(CliHarness.run(dir, common)).stdout());
        String[] greedy = java.util.Arrays.copyOf(common, common.length + 5);
        System.arraycopy(new String[] {"--cfg", "7", "--temperature", "0", "--no-floor"}, 0, greedy, common.length, 5);
        JsonNode changed = JSON.readTree(ok(CliHarness.run(dir, greedy)).stdout());
        assertTrue(plain.get("unconditional").get("clips").asInt() == 3, plain.toString());
        assertTrue(changed.get("unconditional").isNull(), "--no-floor skips the unconditional clips: " + changed);
        assertEquals(3, changed.get("model").get("clips").asInt());
        assertEquals(7.0, changed.get("sampling").get("cfg").asDouble());
        assertEquals(0.0, changed.get("sampling").get("temperature").asDouble());
        assertEquals(withoutTiming(plain.get("reference")), withoutTiming(changed.get("reference")),
                "the real renders do not depend on sampling");
        assertTrue(!plain.get("model").get("fd_embed").equals(changed.get("model").get("fd_embed")),
                "greedy, strongly guided clips differ from sampled ones: " + plain.get("model") + " vs "
                + changed.get("model"));
    }

    private static JsonNode withoutTiming(JsonNode block) {
        com.fasterxml.jackson.databind.node.ObjectNode copy = block.deepCopy();
        copy.remove("rtf");
        return copy;
    }

    @Test
    void theTableShowsASkippedFloorAsDashes() throws Exception {
        CliHarness.Result r = ok(CliHarness.run(dir, "eval", "--model", model.toString(), "--set", set.toString(),
                "--max-prompts", "1", "--judge", judge.toString(), "--soundfont", "builtin", "--no-floor",
                "--long-pieces", "0"));
        String row = r.stdout().lines().filter(l -> l.startsWith("mode_accuracy")).findFirst().orElseThrow();
        String[] cells = row.trim().split("\\s+");
        assertEquals(5, cells.length, row);
        assertTrue(cells[1].matches("\\d\\.\\d{3}") && cells[2].matches("\\d\\.\\d{3}"), "model and reference: " + row);
        assertEquals("-", cells[3], "no unconditional clips: " + row);
        assertTrue(cells[4].matches("\\d\\.\\d{3}"), "reference through the codec: " + row);
    }

    @Test
    void badInputsGiveAClearErrorAndExitCode2() throws Exception {
        Path broken = dir.resolve("broken.jsonl");
        Files.writeString(broken, "{\"id\": 1}\n");
        String m = model.toString();
        String[][] cases = {
            {"not found", "eval", "--model", m, "--set", dir.resolve("missing.jsonl").toString()},
            {"guidance must be between 0 and 20", "eval", "--model", m, "--set", set.toString(), "--cfg", "25"},
            {"line 1", "eval", "--model", m, "--set", broken.toString()},
            {"judge folder not found", "eval", "--model", m, "--set", set.toString(), "--judge", "nowhere"},
            {"training corpus", "make-eval-set", "--out", dir.resolve("x.jsonl").toString(), "--seed", "1"},
            {"--long-pieces must be", "eval", "--model", m, "--set", set.toString(), "--long-pieces", "-1"},
            {"--long-seconds must be", "eval", "--model", m, "--set", set.toString(), "--long-seconds", "5"},
            {"the same --set", "eval", "--model", m, "--set", set.toString(), "--set", set.toString()},
            {"must be v1 or v2", "make-eval-set", "--out", dir.resolve("x.jsonl").toString(), "--vocabulary", "v3"},
            {"drew", "make-eval-set", "--out", dir.resolve("x.jsonl").toString(), "--vocabulary", "v2", "--covered",
                set.toString(), "--seed", "900000", "--prompts", "21", "--melodies", "0"},
            {"already holds a judge", "train-judge", "--data", dir.resolve("corpus").toString(), "--out",
                judge.toString(), "--steps", "1"},
        };
        for (String[] c : cases) {
            String[] args = java.util.Arrays.copyOfRange(c, 1, c.length);
            CliHarness.Result r = CliHarness.run(dir, args);
            assertEquals(2, r.exitCode(), String.join(" ", args) + "\n" + r.stderr());
            assertTrue(r.stderr().contains(c[0]), "expected '" + c[0] + "' in: " + r.stderr());
        }
    }

    @Test
    void longFormFiguresAndASecondSetAreReportedInTheJsonAndTheTable() throws Exception {
        Path second = dir.resolve("prompts-v2.jsonl");
        JsonNode made = JSON.readTree(ok(CliHarness.run(dir, "make-eval-set", "--vocabulary", "v2", "--covered",
                set.toString(), "--out", second.toString(), "--prompts", "21", "--melodies", "0", "--seconds", "5",
                "--json")).stdout());
        assertEquals("v2", made.get("vocabulary").asText());
        assertEquals(910_000, made.get("seed").asLong());
        assertTrue(made.get("instruments_not_covered").isArray(), made.toString());
        assertTrue(Files.readString(second).contains("\"id\":\"v2-000\""));

        String[] common = {"eval", "--model", model.toString(), "--set", set.toString(), "--set", second.toString(),
            "--max-prompts", "1", "--judge", judge.toString(), "--soundfont", "builtin", "--no-floor",
            "--long-pieces", "2", "--long-seconds", "6", "--long-window", "3"};
        String[] withJson = java.util.Arrays.copyOf(common, common.length + 1);
        withJson[common.length] = "--json";
        JsonNode report = JSON.readTree(ok(CliHarness.run(dir, withJson)).stdout());
        JsonNode longForm = report.get("long_form");
        assertEquals(2, longForm.get("pieces").asInt(), longForm.toString());
        assertEquals(4, longForm.get("windows").asInt(), "two 3 s windows per 6 s piece");
        for (String rate : new String[] {"long_key_agreement", "long_tempo_agreement", "long_collapse_rate",
            "silence_rate", "noise_rate"}) {
            assertInRange(longForm, rate);
        }
        assertEquals(-50, longForm.get("silence_dbfs").asDouble());
        assertEquals(0.9, longForm.get("noise_flatness").asDouble());
        assertEquals(0.08, longForm.get("tempo_tolerance").asDouble());
        assertEquals(2, longForm.get("per_piece").size());
        JsonNode piece = longForm.get("per_piece").get(0);
        assertEquals(2, piece.get("windows").size());
        assertEquals(6.0, piece.get("seconds").asDouble(), 0.1);
        assertTrue(piece.get("prompt").asText().contains(piece.get("tempo_bpm").asText()), piece.toString());
        for (String field : new String[] {"start_seconds", "estimated_bpm", "estimated_key", "rms_dbfs", "flatness",
            "collapse", "key_agrees", "tempo_agrees"}) {
            assertTrue(piece.get("windows").get(1).has(field), field + " missing in " + piece);
        }
        assertEquals(3.0, piece.get("windows").get(1).get("start_seconds").asDouble(), 0.01);
        // the real pieces behind the same prompts, composed as long: the ceiling, scored the same way
        JsonNode real = report.get("long_form_reference");
        assertEquals(4, real.get("windows").asInt(), real.toString());
        assertInRange(real, "long_tempo_agreement");
        assertTrue(real.get("rtf").isNull(), "real pieces are rendered, not generated");
        JsonNode realPiece = real.get("per_piece").get(0);
        assertEquals(piece.get("id"), realPiece.get("id"));
        assertEquals(6.0, realPiece.get("seconds").asDouble(), 0.1);
        assertNotEquals(piece.get("seed"), realPiece.get("seed"), "a real piece has its corpus seed");

        assertEquals(set.toString(), report.get("eval_set").asText(), "the first set stays at the top");
        assertEquals(2, report.get("sets").size());
        JsonNode v2 = report.get("sets").get(1);
        assertEquals(second.toString(), v2.get("eval_set").asText());
        assertEquals(1, v2.get("model").get("clips").asInt());
        assertInRange(v2.get("reference"), "tempo_hit_rate_octave");

        String table = ok(CliHarness.run(dir, common)).stdout();
        assertTrue(table.contains("model[1]") && table.contains("model[2]"), table);
        for (String row : new String[] {"long_key_agreement", "long_tempo_agreement", "long_collapse_rate"}) {
            assertTrue(table.lines().anyMatch(l -> l.startsWith(row) && l.split("\\s+")[1].matches("\\d\\.\\d{3}")
                            && l.split("\\s+")[2].matches("\\d\\.\\d{3}")), row + ", model and real, in:\n" + table);
        }
    }
}
