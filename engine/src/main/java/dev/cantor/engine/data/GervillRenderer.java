package dev.cantor.engine.data;

import dev.cantor.engine.audio.AudioClip;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Synthesizer;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;

/**
 * Renders a {@link Score} offline with the JDK's Gervill synthesizer, much faster than real
 * time, into mono float PCM at the requested rate.
 *
 * <p>One renderer (one synthesizer) per worker thread. Each clip gets a fresh audio stream on
 * that synthesizer: Gervill keeps reverb and chorus tails and its control-block phase across a
 * stream, so reusing one stream (even after All Sound Off and Reset All Controllers) made a
 * clip's bytes depend on the clips before it. A fresh stream with only the clip's own
 * instruments loaded costs a few milliseconds and makes every clip depend on its score alone.
 *
 * <p>Needs {@code --add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED} (the cantor jar's
 * manifest has it).
 */
public final class GervillRenderer implements AutoCloseable {

    /** Loudness that clips are pulled half-way toward (about -20 dBFS RMS). */
    private static final double TARGET_RMS = 0.1;
    private static final float MAX_PEAK = 0.98f;

    private final Soundfont soundfont;
    private final int sampleRate;
    private final Synthesizer synth;
    private final AudioFormat format;

    public GervillRenderer(Soundfont soundfont, int sampleRate) {
        if (sampleRate < 8000 || sampleRate > 192_000) {
            throw new IllegalArgumentException("sample rate must be 8000..192000 Hz, got " + sampleRate);
        }
        this.soundfont = soundfont;
        this.sampleRate = sampleRate;
        this.format = new AudioFormat(AudioFormat.Encoding.PCM_FLOAT, sampleRate, 32, 1, 4, sampleRate, false);
        try {
            this.synth = MidiSystem.getSynthesizer();
        } catch (MidiUnavailableException e) {
            throw new SoundfontException("Java's MIDI synthesizer is unavailable: " + e.getMessage(), e);
        }
    }

    public int sampleRate() {
        return sampleRate;
    }

    /** Renders exactly {@code score.lengthMicros()} of audio (rounded to whole samples). */
    public AudioClip render(Score score) {
        float[] samples = renderUnlevelled(score);
        levelAndGuard(samples);
        return new AudioClip(samples, sampleRate);
    }

    /**
     * The synthesizer's output (and the score's low-pass), before loudness levelling: linear in
     * the parts, so rendering with and without one part isolates it (the label tests do).
     */
    float[] renderUnlevelled(Score score) {
        int frames = (int) Math.round(score.lengthMicros() * 1e-6 * sampleRate);
        float[] samples;
        try (AudioInputStream stream = Gervill.openStream(synth, format, Map.of("load default soundbank", false,
                "max polyphony", 96))) {
            try {
                soundfont.loadInto(synth, score);
                send(score, synth.getReceiver());
                samples = read(stream, frames);
            } finally {
                synth.close();
            }
        } catch (MidiUnavailableException e) {
            throw new IllegalStateException("could not open the synthesizer: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the synthesizer's output failed", e);
        }
        if (score.lowPassHz() > 0) {
            lowPass(samples, score.lowPassHz(), sampleRate);
        }
        return samples;
    }

    private void send(Score score, Receiver receiver) throws MidiUnavailableException {
        try {
            for (Part part : score.parts()) {
                int ch = part.channel();
                receiver.send(new ShortMessage(ShortMessage.PROGRAM_CHANGE, ch, part.program(), 0), -1);
                receiver.send(new ShortMessage(ShortMessage.CONTROL_CHANGE, ch, 7, part.volume()), -1);
                receiver.send(new ShortMessage(ShortMessage.CONTROL_CHANGE, ch, 91, part.reverb()), -1);
                receiver.send(new ShortMessage(ShortMessage.CONTROL_CHANGE, ch, 93, part.chorus()), -1);
            }
            for (Timed t : timeline(score)) {
                receiver.send(t.message, t.micros);
            }
        } catch (InvalidMidiDataException e) {
            throw new IllegalStateException("composer produced an invalid MIDI message", e);
        }
    }

    private record Timed(long micros, int order, ShortMessage message) {
    }

    /**
     * Note-ons and note-offs in time order; at equal times offs go first so a repeated note is
     * released before it is struck again (Gervill keeps equal-time events in send order).
     */
    private static List<Timed> timeline(Score score) throws InvalidMidiDataException {
        List<Timed> events = new ArrayList<>(score.notes().size() * 2);
        for (NoteEvent n : score.notes()) {
            events.add(new Timed(n.onMicros(), 1,
                    new ShortMessage(ShortMessage.NOTE_ON, n.channel(), n.pitch(), n.velocity())));
            events.add(new Timed(n.offMicros(), 0, new ShortMessage(ShortMessage.NOTE_OFF, n.channel(), n.pitch(), 0)));
        }
        events.sort(Comparator.comparingLong(Timed::micros).thenComparingInt(Timed::order)
                .thenComparingInt(t -> t.message.getChannel()).thenComparingInt(t -> t.message.getData1()));
        return events;
    }

    private static float[] read(AudioInputStream stream, int frames) throws IOException {
        byte[] bytes = new byte[frames * 4];
        int done = 0;
        while (done < bytes.length) {
            int n = stream.read(bytes, done, bytes.length - done);
            if (n < 0) {
                throw new IOException("synthesizer stream ended early");
            }
            done += n;
        }
        float[] samples = new float[frames];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(samples);
        return samples;
    }

    /**
     * Second-order Butterworth low-pass (RBJ biquad, Q = 1/sqrt 2) in place: the muffled,
     * "recorded to tape" tone of lo-fi. 12 dB per octave, so the top octaves are dulled, not cut.
     */
    static void lowPass(float[] x, double cornerHz, int sampleRate) {
        double w = 2 * Math.PI * Math.min(cornerHz, 0.45 * sampleRate) / sampleRate;
        double alpha = Math.sin(w) / Math.sqrt(2);
        double cos = Math.cos(w);
        double a0 = 1 + alpha;
        double b0 = (1 - cos) / 2 / a0;
        double b1 = (1 - cos) / a0;
        double a1 = -2 * cos / a0;
        double a2 = (1 - alpha) / a0;
        double x1 = 0;
        double x2 = 0;
        double y1 = 0;
        double y2 = 0;
        for (int i = 0; i < x.length; i++) {
            double in = x[i];
            double out = b0 * in + b1 * x1 + b0 * x2 - a1 * y1 - a2 * y2;
            x2 = x1;
            x1 = in;
            y2 = y1;
            y1 = out;
            x[i] = (float) out;
        }
    }

    /**
     * Half-way loudness normalisation: the gain moves a clip's RMS level half of the way (in
     * dB) to {@link #TARGET_RMS}, so a calm clip stays quieter than an energetic one but
     * neither is buried or crushed; a clip that would then clip is turned down as a whole.
     */
    private static void levelAndGuard(float[] samples) {
        double sumSquares = 0;
        for (float s : samples) {
            sumSquares += (double) s * s;
        }
        double rms = Math.sqrt(sumSquares / Math.max(1, samples.length));
        double gain = rms > 1e-6 ? Math.max(0.5, Math.min(4, Math.sqrt(TARGET_RMS / rms))) : 1;
        float peak = 0;
        for (float s : samples) {
            peak = Math.max(peak, Math.abs(s));
        }
        if (peak * gain > MAX_PEAK) {
            gain = MAX_PEAK / peak;
        }
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) (samples[i] * gain);
        }
    }

    @Override
    public void close() {
        synth.close();
    }
}
