package dev.cantor.ui.hum;

import dev.cantor.engine.audio.MicrophoneInput;
import dev.cantor.engine.audio.PcmInput;
import java.util.List;
import javax.sound.sampled.Mixer;

/** The microphones the hum recorder can use (Java Sound in the studio; a synthetic source in tests). */
public interface HumDevices {

    /** Names of the usable inputs; empty when there is none. */
    List<String> names();

    /** An input for the device of that name (null: the system default). */
    PcmInput open(String name);

    /** The machine's microphones through Java Sound, recording at {@code sampleRate}. */
    static HumDevices system(int sampleRate) {
        return new HumDevices() {
            @Override
            public List<String> names() {
                return MicrophoneInput.devices(sampleRate).stream().map(Mixer.Info::getName).toList();
            }

            @Override
            public PcmInput open(String name) {
                Mixer.Info chosen = name == null ? null : MicrophoneInput.devices(sampleRate).stream()
                        .filter(m -> m.getName().equals(name)).findFirst().orElse(null);
                return new MicrophoneInput(chosen);
            }
        };
    }
}
