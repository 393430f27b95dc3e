package org.attractorlab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The package boundaries of ../shared/design.md, enforced. */
@AnalyzeClasses(packages = "org.attractorlab", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreImportsNoUiNoDl4jAndNoOuterLayer = noClasses()
            .that().resideInAPackage("org.attractorlab.core..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.deeplearning4j..", "org.nd4j..",
                    "org.attractorlab.app..", "org.attractorlab.cli..", "org.attractorlab.sensory..");

    /** The CLI may call {@code sensory} (which renders with JavaFX), but never touches JavaFX itself. */
    @ArchTest
    static final ArchRule cliNeverDependsOnTheApp = noClasses()
            .that().resideInAPackage("org.attractorlab.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("org.attractorlab.app..", "javafx..");

    @ArchTest
    static final ArchRule sensoryNeverDependsOnTheAppOrTheCli = noClasses()
            .that().resideInAPackage("org.attractorlab.sensory..")
            .should().dependOnClassesThat().resideInAnyPackage("org.attractorlab.app..", "org.attractorlab.cli..");

    @ArchTest
    static final ArchRule onlyTheSensoryCnnPackageTouchesDl4jAndNd4j = noClasses()
            .that().resideOutsideOfPackage("org.attractorlab.sensory.cnn..")
            .should().dependOnClassesThat().resideInAnyPackage("org.deeplearning4j..", "org.nd4j..", "org.bytedeco..");

    @ArchTest
    static final ArchRule figuresAreJavaFxFreeAndBelowTheFaces = noClasses()
            .that().resideInAPackage("org.attractorlab.figure..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.jfree.chart.fx..",
                    "org.attractorlab.app..", "org.attractorlab.cli..");

    @ArchTest
    static final ArchRule coreDoesNotDrawFigures = noClasses()
            .that().resideInAPackage("org.attractorlab.core..")
            .should().dependOnClassesThat().resideInAPackage("org.attractorlab.figure..");

    @ArchTest
    static final ArchRule onlyTheTensorPackageKnowsSimd = noClasses()
            .that().resideOutsideOfPackage("org.attractorlab.core.tensor..")
            .should().dependOnClassesThat().resideInAPackage("jdk.incubator.vector..");
}
