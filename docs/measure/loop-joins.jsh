// How best to close a loop, README "Measured" (generate --loop). Each prompt and seed is made once,
// long enough for every way of closing below (2 s or a bar of lead-in, the loop, a beat past its
// end), and each way is scored on that same audio by LoopJoin (the join against every other
// boundary of the piece: seamless = no larger than the largest elsewhere, on spectral flux and
// sample step) and by the level of the blended beat (around the join: after it, before it or
// centred on it) against the same beat around the loop's other bar lines (mean dB, largest deviation).
//   jshell --class-path app/target/cantor.jar -R-Dai.djl.offline=true docs/measure/loop-joins.jsh
import dev.cantor.engine.api.*;
import dev.cantor.engine.audio.*;
import dev.cantor.engine.audio.LoopCrossfade.Shape;
import dev.cantor.engine.dsp.LoopJoin;
import dev.cantor.engine.generation.*;
import dev.cantor.engine.conditioning.TextEncoder;
import dev.cantor.engine.runtime.EngineRuntime;
import java.nio.file.*;
import java.util.*;
EngineRuntime.configureDefaults();
var engine = new LocalMusicEngine(MusicModel.load(Path.of("resources/models/default")), TextEncoder.open());
int rate = engine.sampleRate();
String[] prompts = {"slow melancholic piano with soft strings, 70 bpm", "driving drums and bass, 140 bpm",
        "calm ambient pads, 80 bpm", "jazz piano trio, 120 bpm", "a waltz on strings, 150 bpm",
        "lo-fi hip-hop beat with electric piano, 85 bpm"};
// name, shape (null: a plain cut), lead-in ("bar", "2s" or "none"), where the beat's blend lies ("after", "before", "centred")
String[][] ways = {
        {"raw cut from the start", null, "none", "-"},
        {"equal power, after the end, no lead-in", "EQUAL_POWER", "none", "after"},
        {"smooth equal power, after, no lead-in", "SMOOTH_EQUAL_POWER", "none", "after"},
        {"linear, after, 1 bar lead-in", "LINEAR", "bar", "after"},
        {"smooth equal power, after, 1 bar lead-in", "SMOOTH_EQUAL_POWER", "bar", "after"},
        {"smooth equal power, after, 2 s lead-in", "SMOOTH_EQUAL_POWER", "2s", "after"},
        {"smooth equal power, before, 1 bar lead-in", "SMOOTH_EQUAL_POWER", "bar", "before"},
        {"smooth equal power, centred, 1 bar lead-in", "SMOOTH_EQUAL_POWER", "bar", "centred"},
        {"best of after/before/centred by LoopJoin", "SMOOTH_EQUAL_POWER", "bar", "best"}};
int V = ways.length;
double[] pass = new double[V], fluxPct = new double[V], stepPct = new double[V], first = new double[V], worst = new double[V];
int pieces = 0;
double rms(float[] x, int from, int to) { double s = 0; for (int i = from; i < to; i++) s += x[i] * x[i]; return Math.sqrt(s / Math.max(1, to - from)); }
/** dB of the span [line − before, line + after) around the join against the same span around the other bar lines. */
double blendLevel(float[] loop, int before, int after, int bar) {
    double others = 0; int n = 0;
    for (int line = bar; line + after <= loop.length; line += bar) { others += level(loop, line - before, before + after); n++; }
    return level(loop, loop.length - before, before + after) - others / n;
}
double level(float[] x, int from, int length) {
    double s = 0; for (int i = 0; i < length; i++) { double v = x[Math.floorMod(from + i, x.length)]; s += v * v; }
    return 10 * Math.log10(Math.max(1e-12, s / length));
}
int[] span(String where, int beat) {
    return switch (where) { case "before" -> new int[] {beat, 0}; case "centred" -> new int[] {beat / 2, beat - beat / 2}; default -> new int[] {0, beat}; };
}
double score(LoopJoin.Measure j) { return Math.max(j.joinFlux() / j.fluxMaxElsewhere(), j.joinStep() / j.stepMaxElsewhere()); }
float[] close(float[] m, int start, int L, int beat, Shape shape, String where) {
    return switch (where) {
        case "after" -> LoopCrossfade.close(m, start, L, 0, beat, shape);
        case "before" -> LoopCrossfade.close(m, start, L, beat, 0, shape);
        default -> LoopCrossfade.close(m, start, L, beat / 2, beat - beat / 2, shape);
    };
}
for (String prompt : prompts) {
    LoopPlan plan = LoopPlan.of(engine.read(prompt), 8);
    int L = plan.samples(rate), beat = plan.fadeSamples(rate), bar = plan.leadInSamples(rate);
    int twoSeconds = (int) Math.ceil(2.0 * rate / bar - 1e-9) * bar;                     // whole bars
    for (long seed = 1; seed <= 5; seed++) {
        double seconds = Math.ceil((Math.max(bar, twoSeconds) + L + beat) * engine.frameRate() / rate) / engine.frameRate();
        float[] m = engine.generate(GenerationRequest.ofPrompt(prompt, seconds, seed), ProgressListener.NONE, CancellationToken.NEVER).audio().samples();
        StringBuilder line = new StringBuilder(String.format("%-48s seed %d:", prompt, seed));
        for (int v = 0; v < V; v++) {
            String[] w = ways[v];
            int start = w[2].equals("bar") ? bar : w[2].equals("2s") ? twoSeconds : 0;
            float[] loop;
            String placed = w[3];
            if (w[1] == null) {
                loop = Arrays.copyOf(m, L);
            } else if (w[3].equals("best")) {
                loop = null; double best = Double.MAX_VALUE;
                for (String where : new String[] {"after", "before", "centred"}) {
                    float[] c = close(m, start, L, beat, Shape.valueOf(w[1]), where);
                    double sc = score(LoopJoin.of(c, rate));
                    if (sc < best) { best = sc; loop = c; placed = where; }
                }
            } else {
                loop = close(m, start, L, beat, Shape.valueOf(w[1]), w[3]);
            }
            LoopJoin.Measure j = LoopJoin.of(loop, rate);
            pass[v] += j.seamless() ? 1 : 0; fluxPct[v] += j.fluxPercentile(); stepPct[v] += j.stepPercentile();
            int[] around = span(placed, beat); double d = blendLevel(loop, around[0], around[1], beat * plan.beatsPerBar()); first[v] += d; worst[v] = Math.max(worst[v], Math.abs(d));
            line.append(String.format(" %s%.0f/%.0f", j.seamless() ? "+" : "-", j.fluxPercentile(), j.stepPercentile()));
        }
        System.out.println(line);
        pieces++;
    }
}
System.out.printf("%n%-46s %8s %9s %9s %12s %14s%n", "closing", "seamless", "flux pct", "step pct", "blend dB", "|blend dB| max");
for (int v = 0; v < V; v++) {
    System.out.printf("%-46s %5.0f/%d %9.1f %9.1f %12.1f %14.1f%n", ways[v][0], pass[v], pieces, fluxPct[v] / pieces, stepPct[v] / pieces, first[v] / pieces, worst[v]);
}
engine.close();
/exit
