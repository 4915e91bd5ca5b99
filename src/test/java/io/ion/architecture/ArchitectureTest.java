package io.ion.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package direction written in the README: dependencies run with the data,
 * {@code config, state → ingest → campaign → sentiment → authenticity → engagement → terms → alert → sink → job → local}.
 * Each layer may use only the layers before it.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.ion");
    }

    @Test
    void dependenciesRunWithTheData() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("config").definedBy("io.ion.config..")
                .layer("state").definedBy("io.ion.state..")
                .layer("ingest").definedBy("io.ion.ingest..")
                .layer("campaign").definedBy("io.ion.campaign..")
                .layer("sentiment").definedBy("io.ion.sentiment..")
                .layer("authenticity").definedBy("io.ion.authenticity..")
                .layer("engagement").definedBy("io.ion.engagement..")
                .layer("terms").definedBy("io.ion.terms..")
                .layer("alert").definedBy("io.ion.alert..")
                .layer("sink").definedBy("io.ion.sink..")
                .layer("job").definedBy("io.ion.job..")
                .layer("local").definedBy("io.ion.local..")
                .whereLayer("local").mayNotBeAccessedByAnyLayer()
                .whereLayer("job").mayOnlyBeAccessedByLayers("local")
                .whereLayer("sink").mayOnlyBeAccessedByLayers("job", "local")
                .whereLayer("alert").mayOnlyBeAccessedByLayers("sink", "job", "local")
                .whereLayer("terms").mayOnlyBeAccessedByLayers("alert", "sink", "job", "local")
                .whereLayer("engagement").mayOnlyBeAccessedByLayers("terms", "alert", "sink", "job", "local")
                .whereLayer("authenticity").mayOnlyBeAccessedByLayers("engagement", "terms", "alert", "sink", "job", "local")
                .whereLayer("sentiment").mayOnlyBeAccessedByLayers("authenticity", "engagement", "terms", "alert", "sink", "job", "local")
                .whereLayer("campaign").mayOnlyBeAccessedByLayers("sentiment", "authenticity", "engagement", "terms", "alert", "sink", "job", "local")
                .whereLayer("ingest").mayOnlyBeAccessedByLayers("campaign", "sentiment", "authenticity", "engagement", "terms", "alert", "sink", "job", "local")
                .whereLayer("state").mayOnlyBeAccessedByLayers("ingest", "campaign", "sentiment", "authenticity", "engagement", "terms", "alert", "sink", "job", "local")
                .check(classes);
    }

    @Test
    void configAndStateUseNothingOfIon() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses()
                .that().resideInAnyPackage("io.ion.config..", "io.ion.state..")
                .should().dependOnClassesThat().resideInAnyPackage("io.ion.ingest..", "io.ion.campaign..", "io.ion.sentiment..",
                        "io.ion.authenticity..", "io.ion.engagement..", "io.ion.terms..", "io.ion.alert..", "io.ion.sink..", "io.ion.job..", "io.ion.local..")
                .check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("io.ion.(*)..").should().beFreeOfCycles().check(classes); // the tools tree (local.*) is one slice
    }

    @Test
    void theJobNeverReachesIntoTheTools() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses()
                .that().resideOutsideOfPackage("io.ion.local..")
                .should().dependOnClassesThat().resideInAPackage("io.ion.local..")
                .check(classes);
    }
}
