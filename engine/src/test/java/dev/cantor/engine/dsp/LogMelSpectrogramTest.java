package dev.cantor.engine.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogMelSpectrogramTest {

    private final LogMelSpectrogram mel = new LogMelSpectrogram(32_000, 1024, 640, 40, 40, 12_000);

    @Test
    void oneFramePerHopLikeTheCodec() {
        assertEquals(50, mel.frames(32_000));
        assertEquals(51, mel.frames(32_001));
        assertEquals(50 * 40, mel.compute(new float[32_000]).length);
    }

    @Test
    void aSineLightsTheBandOfItsFrequencyAndSilenceIsTheFloor() {
        float[] x = new float[32_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.5 * Math.sin(2 * Math.PI * 1000 * i / 32_000.0));
        }
        float[] out = mel.compute(x);
        int frames = 50;
        int t = 25;
        int loudest = 0;
        for (int m = 1; m < 40; m++) {
            if (out[m * frames + t] > out[loudest * frames + t]) {
                loudest = m;
            }
        }
        double centre = MelFilterbank.melToHz(MelFilterbank.hzToMel(40)
                + (MelFilterbank.hzToMel(12_000) - MelFilterbank.hzToMel(40)) * (loudest + 1) / 41.0);
        assertEquals(1000, centre, 150, "band " + loudest + " centred at " + centre + " Hz");
        assertTrue(out[loudest * frames + t] > Math.log(LogMelSpectrogram.POWER_FLOOR) + 10);
        float[] silent = mel.compute(new float[3200]);
        for (float v : silent) {
            assertEquals(Math.log(LogMelSpectrogram.POWER_FLOOR), v, 1e-4);
        }
    }
}
