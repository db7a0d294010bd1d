package dev.cantor.ui.takes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cantor.engine.api.GenerationRequest;
import dev.cantor.engine.audio.AudioClip;
import dev.cantor.engine.audio.AudioLoader;
import dev.cantor.engine.dsp.WaveformPeaks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.Test;

class TakesViewModelTest {

    private static Take made(int samples) {
        float[] x = new float[samples];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.5 * Math.sin(2 * Math.PI * 440 * i / 32000.0));
        }
        return new Take(0, GenerationRequest.ofPrompt("calm piano", samples / 32000.0, 7), "Cantor default",
                new AudioClip(x, 32000), WaveformPeaks.of(x), 1.0, Instant.parse("2026-12-07T10:00:00Z"), null);
    }

    @Test
    void aTakesDragCopyIsWrittenInTheBackgroundAndADragBeforeItIsReadySaysToTryAgain() throws Exception {
        Deque<Runnable> writer = new ArrayDeque<>();
        TakesViewModel vm = new TakesViewModel(writer::add);
        Take take = vm.add(made(16000));
        assertEquals(1, writer.size(), "adding the take queued its copy; the UI thread wrote nothing");

        IllegalStateException early = assertThrows(IllegalStateException.class, () -> vm.dragFile(take));
        assertTrue(early.getMessage().contains("drag again"), early.getMessage());

        writer.poll().run();
        Path wav = vm.dragFile(take);
        assertTrue(Files.isRegularFile(wav));
        assertTrue(wav.getFileName().toString().startsWith("take1-"), wav.toString());
        assertEquals(take.audio().length(), AudioLoader.loadMono(wav, 32000).length(), "the whole take");
        assertSame(wav, vm.dragFile(take), "written once, reused for later drags");
    }
}
