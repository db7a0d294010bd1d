package dev.cantor.engine.audio;

import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.TargetDataLine;

/** A microphone (the system default or a chosen device), through Java Sound. */
public final class MicrophoneInput implements PcmInput {

    private final Mixer.Info device;
    private TargetDataLine line;

    /** @param device the input to use, or null for the system default */
    public MicrophoneInput(Mixer.Info device) {
        this.device = device;
    }

    /** The devices that can record mono 16-bit audio at {@code sampleRate} (may be empty). */
    public static List<Mixer.Info> devices(int sampleRate) {
        DataLine.Info info = new DataLine.Info(TargetDataLine.class, new AudioFormat(sampleRate, 16, 1, true, false));
        List<Mixer.Info> found = new ArrayList<>();
        for (Mixer.Info m : AudioSystem.getMixerInfo()) {
            try {
                if (AudioSystem.getMixer(m).isLineSupported(info)) {
                    found.add(m);
                }
            } catch (RuntimeException e) {
                // a device that fails to answer is not one we can record from
            }
        }
        return found;
    }

    @Override
    public void open(int sampleRate) throws AudioDeviceException {
        AudioFormat format = new AudioFormat(sampleRate, 16, 1, true, false);
        DataLine.Info info = new DataLine.Info(TargetDataLine.class, format);
        try {
            line = (TargetDataLine) (device == null ? AudioSystem.getLine(info) : AudioSystem.getMixer(device).getLine(info));
            line.open(format);
            line.start();
        } catch (LineUnavailableException | IllegalArgumentException e) {
            throw new AudioDeviceException("cannot record: no usable microphone ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                    + "). You can import a WAV file of your melody instead.", e);
        } catch (SecurityException e) {
            throw new AudioDeviceException("cannot record: access to the microphone was denied. "
                    + "You can import a WAV file of your melody instead.", e);
        }
    }

    @Override
    public int read(byte[] pcm, int offset, int length) {
        return line.read(pcm, offset, length);
    }

    @Override
    public void close() {
        if (line != null) {
            line.stop();
            line.close();
            line = null;
        }
    }
}
