package io.andon.schedule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Schedules stay pure: no threads, no sleeping, and only the error tree and utilities. */
class ScheduleArchitectureTest {
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.andon.schedule");

  @Test
  void schedulesDependOnNoOtherAndonPackageButErrorsAndUtilities() {
    noClasses().that().resideInAPackage("io.andon.schedule..")
        .should().dependOnClassesThat().resideInAnyPackage("io.andon.job..", "io.andon.engine..",
            "io.andon.store..", "io.andon.cli..", "io.andon.gate..", "io.andon.monitor..",
            "io.andon.tdg..", "io.andon.alert..")
        .check(CLASSES);
  }

  @Test
  void schedulesStartNoThreadAndNeverSleep() {
    noClasses().that().resideInAPackage("io.andon.schedule..")
        .should().dependOnClassesThat().resideInAnyPackage("java.util.concurrent..")
        .orShould().callMethod(Thread.class, "sleep", long.class)
        .orShould().callConstructor(Thread.class, Runnable.class)
        .check(CLASSES);
  }
}
