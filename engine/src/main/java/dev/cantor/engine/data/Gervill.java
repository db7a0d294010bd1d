package dev.cantor.engine.data;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Patch;
import javax.sound.midi.Synthesizer;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;

/**
 * The two pieces of Gervill that are not public Java API, reached reflectively: offline
 * rendering ({@code AudioSynthesizer.openStream}) and percussion patches ({@code ModelPatch}).
 * Reflection because javac refuses {@code --add-exports} of a JDK package together with
 * {@code --release}; at run time the package must still be exported
 * ({@code --add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED}, which the cantor jar's
 * manifest and the test runner set).
 */
final class Gervill {

    private static final String PACKAGE = "com.sun.media.sound.";
    private static final String HOW_TO_FIX = "start Java with --add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED";

    private static final Method OPEN_STREAM;
    private static final Constructor<?> MODEL_PATCH;
    private static final Class<?> AUDIO_SYNTHESIZER;

    static {
        try {
            AUDIO_SYNTHESIZER = Class.forName(PACKAGE + "AudioSynthesizer");
            OPEN_STREAM = AUDIO_SYNTHESIZER.getMethod("openStream", AudioFormat.class, Map.class);
            MODEL_PATCH = Class.forName(PACKAGE + "ModelPatch").getConstructor(int.class, int.class, boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError("this Java runtime has no Gervill synthesizer: " + e);
        }
    }

    private Gervill() {
    }

    /** Opens {@code synth} for offline rendering; the stream yields its audio on demand. */
    static AudioInputStream openStream(Synthesizer synth, AudioFormat format, Map<String, Object> info)
            throws MidiUnavailableException {
        if (!AUDIO_SYNTHESIZER.isInstance(synth)) {
            throw new SoundfontException("this Java runtime's synthesizer cannot render offline (not Gervill)");
        }
        try {
            return (AudioInputStream) OPEN_STREAM.invoke(synth, format, info);
        } catch (IllegalAccessException e) {
            throw new SoundfontException("Java's synthesizer is not accessible: " + HOW_TO_FIX, e);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof MidiUnavailableException m) {
                throw m;
            }
            throw new IllegalStateException("opening the synthesizer failed: " + e.getCause(), e.getCause());
        }
    }

    /** The patch of GM drum kit {@code kit} (a percussion patch, which plain {@link Patch} cannot express). */
    static Patch drumKitPatch(int kit) {
        try {
            return (Patch) MODEL_PATCH.newInstance(0, kit, true);
        } catch (IllegalAccessException e) {
            throw new SoundfontException("Java's synthesizer is not accessible: " + HOW_TO_FIX, e);
        } catch (InstantiationException | InvocationTargetException e) {
            throw new IllegalStateException("cannot make a drum-kit patch: " + e, e);
        }
    }
}
