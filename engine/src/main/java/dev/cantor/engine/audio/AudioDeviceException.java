package dev.cantor.engine.audio;

/**
 * A sound device Cantor cannot use: no speakers or microphone, the device is busy, or access
 * was denied. The message says so in words a musician understands (the studio shows it as is);
 * importing and exporting files keeps working without any device.
 */
public class AudioDeviceException extends Exception {

    private static final long serialVersionUID = 1L;

    public AudioDeviceException(String message) {
        super(message);
    }

    public AudioDeviceException(String message, Throwable cause) {
        super(message, cause);
    }
}
