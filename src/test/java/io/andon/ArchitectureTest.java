package io.andon;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the dependency direction: model <- engine <- features; store on the model only; cli on top. */
class ArchitectureTest {
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.andon");

  @Test
  void theJobModelDependsOnNoEngineStoreOrCli() {
    noClasses().that().resideInAPackage("io.andon.job..")
        .should().dependOnClassesThat().resideInAnyPackage("io.andon.engine..", "io.andon.store..",
            "io.andon.cli..", "io.andon.gate..", "io.andon.monitor..", "io.andon.tdg..",
            "io.andon.alert..")
        .check(CLASSES);
  }

  @Test
  void theStoreDependsOnTheModelOnly() {
    noClasses().that().resideInAPackage("io.andon.store..")
        .should().dependOnClassesThat().resideInAnyPackage("io.andon.engine..", "io.andon.cli..",
            "io.andon.gate..", "io.andon.monitor..", "io.andon.tdg..", "io.andon.alert..")
        .check(CLASSES);
  }

  @Test
  void theEngineDependsOnNoFeatureAndNoCli() {
    noClasses().that().resideInAPackage("io.andon.engine..")
        .should().dependOnClassesThat().resideInAnyPackage("io.andon.cli..", "io.andon.gate..",
            "io.andon.monitor..", "io.andon.tdg..", "io.andon.alert..")
        .check(CLASSES);
  }

  @Test
  void nothingDependsOnTheCli() {
    noClasses().that().resideOutsideOfPackage("io.andon.cli..")
        .should().dependOnClassesThat().resideInAPackage("io.andon.cli..")
        .check(CLASSES);
  }
}
