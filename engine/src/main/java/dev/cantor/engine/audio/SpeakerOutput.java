package dev.cantor.engine.audio;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.SourceDataLine;

/** The default (or a chosen) sound output device, through Java Sound. */
public final class SpeakerOutput implements PcmOutput {

    /** About 100 ms of audio in the device: short enough for a responsive pause and playhead. */
    private static final double BUFFER_SECONDS = 0.1;

    private final Mixer.Info device;
    private SourceDataLine line;

    /** @param device the output to use, or null for the system default */
    public SpeakerOutput(Mixer.Info device) {
        this.device = device;
    }

    @Override
    public void open(int sampleRate) throws AudioDeviceException {
        AudioFormat format = new AudioFormat(sampleRate, 16, 1, true, false);
        DataLine.Info info = new DataLine.Info(SourceDataLine.class, format);
        try {
            line = (SourceDataLine) (device == null ? AudioSystem.getLine(info) : AudioSystem.getMixer(device).getLine(info));
            line.open(format, 2 * Math.max(1024, (int) (sampleRate * BUFFER_SECONDS)));
            line.start();
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            throw new AudioDeviceException("cannot play sound: no usable output device ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")", e);
        }
    }

    @Override
    public int write(byte[] pcm, int offset, int length) {
        return line.write(pcm, offset, length);
    }

    @Override
    public int bufferedFrames() {
        return (line.getBufferSize() - line.available()) / 2;
    }

    @Override
    public void flush() {
        line.flush();
    }

    @Override
    public void drain() {
        line.drain();
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
