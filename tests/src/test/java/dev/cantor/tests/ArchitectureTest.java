package dev.cantor.tests;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering rules of ARCHITECTURE.md (and docs/architecture.md), checked on the compiled
 * classes. Bytecode does not show a {@code static final} constant read from another package
 * (javac copies its value in), so {@link UiSourceImportsTest} reads the studio's sources too.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.cantor");
    }

    @Test
    void engineNeverImportsJavaFx() {
        noClasses().that().resideInAPackage("dev.cantor.engine..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(classes);
    }

    @Test
    void engineDoesNotKnowTheUiOrTheApp() {
        noClasses().that().resideInAPackage("dev.cantor.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.cantor.ui..", "dev.cantor.app..")
                .check(classes);
    }

    @Test
    void pureJavaPackagesStayFreeOfDjl() {
        noClasses().that().resideInAnyPackage("dev.cantor.engine.dsp..", "dev.cantor.engine.audio..",
                        "dev.cantor.engine.patterns..", "dev.cantor.engine.data..", "dev.cantor.engine.io..",
                        "dev.cantor.engine.api..", "dev.cantor.engine.story..", "dev.cantor.engine.transcription..",
                        "dev.cantor.engine.music..")
                .should().dependOnClassesThat().resideInAPackage("ai.djl..")
                .check(classes);
    }

    /** The codec-quality figures in dB and the anchors run anywhere: training logs, tools, tests without a model. */
    @Test
    void codecFiguresAndAnchorsStayFreeOfDjl() {
        noClasses().that().haveNameMatching("dev\\.cantor\\.engine\\.eval\\.(SpectralFigures|Reconstruction\\w+"
                        + "|ReferenceCodec|OpusAnchor|AnchorException|HeldOutClips)(\\$.*)?")
                .should().dependOnClassesThat().resideInAPackage("ai.djl..")
                .check(classes);
    }

    /** An allow-list: the studio reaches the engine only through engine.api, and the sound devices in engine.audio. */
    @Test
    void theUiTalksToTheEngineOnlyThroughItsApiAndAudio() {
        classes().that().resideInAPackage("dev.cantor.ui..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.cantor.ui..", "dev.cantor.engine.api..",
                        "dev.cantor.engine.audio..", "java..", "javax.sound..", "javafx..", "org.controlsfx..",
                        "com.fasterxml.jackson.annotation..", "com.fasterxml.jackson.databind..")
                .check(classes);
    }

    @Test
    void enginePackagesFormNoCycles() {
        slices().matching("dev.cantor.engine.(*)..").should().beFreeOfCycles().check(classes);
    }

    /** The studio's screens (prompt, takes, hum, story, training, export) and what they share. */
    @Test
    void studioPackagesFormNoCycles() {
        slices().matching("dev.cantor.ui.(*)..").should().beFreeOfCycles().check(classes);
    }

    /** The engine's door holds records and interfaces: it knows no package that implements it. */
    @Test
    void theApiDependsOnlyOnAudioMusicAndIo() {
        classes().that().resideInAPackage("dev.cantor.engine.api..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.cantor.engine.api..",
                        "dev.cantor.engine.audio..", "dev.cantor.engine.music..", "dev.cantor.engine.io..", "java..",
                        "com.fasterxml.jackson.annotation..")
                .check(classes);
    }

    @Test
    void uiAndAppNeverTouchTensors() {
        noClasses().that().resideInAnyPackage("dev.cantor.ui..", "dev.cantor.app..")
                .should().dependOnClassesThat().resideInAPackage("ai.djl..")
                .check(classes);
    }
}
