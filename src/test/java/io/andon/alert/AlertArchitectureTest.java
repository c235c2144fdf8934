package io.andon.alert;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class AlertArchitectureTest {
  private static final JavaClasses CLASSES = importProject();

  private static JavaClasses importProject() {
    // only andon's own classes: resolving every library class would take seconds
    com.tngtech.archunit.ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
    return new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importUrl(Outbox.class.getProtectionDomain().getCodeSource().getLocation());
  }

  @Test
  void theAlertAreaSitsBelowTheCliAndBesideTheOtherAreas() {
    noClasses().that().resideInAPackage("io.andon.alert..")
        .should().dependOnClassesThat().resideInAnyPackage("io.andon.cli..", "io.andon.server..",
            "io.andon.gate..", "io.andon.tdg..", "io.andon.monitor..")
        .check(CLASSES);
  }

  @Test
  void nothingOutsideTheCliAndTheEngineWiringDependsOnTheAlertArea() {
    noClasses().that().resideInAnyPackage("io.andon.job..", "io.andon.store..",
            "io.andon.yaml..", "io.andon.util..", "io.andon.error..")
        .should().dependOnClassesThat().resideInAPackage("io.andon.alert..")
        .check(CLASSES);
  }
}
