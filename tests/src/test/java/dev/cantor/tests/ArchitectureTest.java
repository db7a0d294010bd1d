package dev.cantor.tests;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering rules of ARCHITECTURE.md, checked on the compiled classes. */
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
                        "dev.cantor.engine.api..", "dev.cantor.engine.story..", "dev.cantor.engine.transcription..")
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

    @Test
    void theUiTalksToTheEngineOnlyThroughItsFacadeAudioAndDsp() {
        noClasses().that().resideInAPackage("dev.cantor.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.cantor.engine.codec..",
                        "dev.cantor.engine.lm..", "dev.cantor.engine.quantizer..", "dev.cantor.engine.training..",
                        "dev.cantor.engine.sampling..", "dev.cantor.engine.generation..",
                        "dev.cantor.engine.conditioning..", "dev.cantor.engine.nn..", "dev.cantor.engine.eval..",
                        "dev.cantor.engine.judge..", "dev.cantor.engine.data..", "dev.cantor.app..")
                .check(classes);
    }

    @Test
    void uiAndAppNeverTouchTensors() {
        noClasses().that().resideInAnyPackage("dev.cantor.ui..", "dev.cantor.app..")
                .should().dependOnClassesThat().resideInAPackage("ai.djl..")
                .check(classes);
    }
}
