package org.attractorlab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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

    /**
     * Inside {@code core}, layers run one way: formats and kernels at the bottom, then tasks, models, training,
     * configs, analyses, run directories, the studies, the sweeps and the reproductions on top; a layer uses only the
     * layers below it.
     */
    @ArchTest
    static final ArchRule coreLayersRunOneWay = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("tensor").definedBy("org.attractorlab.core.tensor..")
            .layer("io").definedBy("org.attractorlab.core.io..")
            .layer("task").definedBy("org.attractorlab.core.task..")
            .layer("model").definedBy("org.attractorlab.core.model..")
            .layer("train").definedBy("org.attractorlab.core.train..")
            .layer("config").definedBy("org.attractorlab.core.config..")
            .layer("analysis").definedBy("org.attractorlab.core.analysis..")
            .layer("run").definedBy("org.attractorlab.core.run..")
            .layer("study").definedBy("org.attractorlab.core.study..")
            .layer("sweep").definedBy("org.attractorlab.core.sweep..")
            .layer("reproduce").definedBy("org.attractorlab.core.reproduce..")
            .whereLayer("reproduce").mayNotBeAccessedByAnyLayer()
            .whereLayer("sweep").mayOnlyBeAccessedByLayers("reproduce")
            .whereLayer("study").mayOnlyBeAccessedByLayers("sweep", "reproduce")
            .whereLayer("run").mayOnlyBeAccessedByLayers("study", "sweep", "reproduce")
            .whereLayer("analysis").mayOnlyBeAccessedByLayers("run", "study", "sweep", "reproduce")
            .whereLayer("config").mayOnlyBeAccessedByLayers("analysis", "run", "study", "sweep", "reproduce")
            .whereLayer("train").mayOnlyBeAccessedByLayers("config", "analysis", "run", "study", "sweep", "reproduce")
            .whereLayer("model").mayOnlyBeAccessedByLayers("train", "config", "analysis", "run", "study", "sweep",
                    "reproduce")
            .whereLayer("task").mayOnlyBeAccessedByLayers("model", "train", "config", "analysis", "run", "study",
                    "sweep", "reproduce")
            .whereLayer("io").mayOnlyBeAccessedByLayers("task", "model", "train", "config", "analysis", "run", "study",
                    "sweep", "reproduce")
            .whereLayer("tensor").mayOnlyBeAccessedByLayers("io", "task", "model", "train", "config", "analysis", "run",
                    "study", "sweep", "reproduce");

    @ArchTest
    static final ArchRule corePackagesHaveNoCycles = slices().matching("org.attractorlab.core.(**)")
            .should().beFreeOfCycles();

    /** The workloads of the bench command use core, never a face. */
    @ArchTest
    static final ArchRule benchmarksSitBesideTheFaces = noClasses()
            .that().resideInAPackage("org.attractorlab.bench..")
            .should().dependOnClassesThat().resideInAnyPackage("org.attractorlab.app..", "org.attractorlab.cli..",
                    "javafx..");
}
