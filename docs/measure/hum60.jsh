// A 60 s synthetic hum with known notes, for measuring `cantor melody-to-midi` (README, "Measured").
// Run from the checkout after ./cantor has built the jar:
//   jshell --class-path app/target/cantor.jar docs/measure/hum60.jsh
// It writes hum60.wav (HumSynth: partials, vibrato, soft attacks) and hum60.truth ("onset end pitch"
// per line): 100 bpm, notes of 1 to 4 sixteenths moving up to 3 semitones, one in four followed by
// a sixteenth's rest, seed 7.
import dev.cantor.engine.audio.*;
import dev.cantor.engine.data.MelodyNote;
import dev.cantor.engine.eval.HumSynth;
import java.nio.file.*;
import java.util.*;
Random random = new Random(7);
List<MelodyNote> notes = new ArrayList<>();
StringBuilder truth = new StringBuilder();
double t = 0.3;
int pitch = 55;
double sixteenth = 0.15;
while (t < 59) {
    int steps = new int[] {1, 2, 2, 3, 4}[random.nextInt(5)];
    pitch = Math.max(50, Math.min(61, pitch + new int[] {-2, -1, 0, 1, 2, 3, -3}[random.nextInt(7)]));
    notes.add(new MelodyNote(t, steps * sixteenth, pitch));
    truth.append(String.format(Locale.ROOT, "%.3f %.3f %d%n", t, t + steps * sixteenth, pitch));
    t += steps * sixteenth + (random.nextInt(4) == 0 ? sixteenth : 0);
}
WavWriter.write(Path.of("hum60.wav"), HumSynth.render(notes, 60, 32000), SampleFormat.PCM_16);
Files.writeString(Path.of("hum60.truth"), truth.toString());
System.out.println(notes.size() + " notes in hum60.wav, their truth in hum60.truth");
/exit
