package dev.cantor.engine.data;

import dev.cantor.engine.music.GmInstruments;

/**
 * One instrument of a piece and its mixer settings.
 *
 * @param program GM program 0..127, or for {@link PartRole#DRUMS} the GM drum-kit number
 * @param volume  channel volume, MIDI CC 7
 * @param reverb  reverb send, MIDI CC 91
 * @param chorus  chorus send, MIDI CC 93
 */
public record Part(PartRole role, int channel, int program, int volume, int reverb, int chorus) {

    /** A part without chorus. */
    public Part(PartRole role, int channel, int program, int volume, int reverb) {
        this(role, channel, program, volume, reverb, 0);
    }

    public Part {
        if (channel < 0 || channel > 15 || program < 0 || program > 127) {
            throw new IllegalArgumentException("bad channel/program " + channel + "/" + program);
        }
        if ((role == PartRole.DRUMS) != (channel == 9)) {
            throw new IllegalArgumentException("drums go on MIDI channel 10 (index 9), and only drums");
        }
        if (volume < 0 || volume > 127 || reverb < 0 || reverb > 127 || chorus < 0 || chorus > 127) {
            throw new IllegalArgumentException("volume/reverb/chorus must be 0..127");
        }
    }

    /** Plain instrument name: "drums" for the kit, else the GM program's name. */
    public String instrumentName() {
        return role == PartRole.DRUMS ? GmInstruments.DRUMS : GmInstruments.name(program);
    }
}
