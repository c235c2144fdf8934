package io.andon;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import io.andon.job.JobSpec;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keeps the dependency direction: the basics (error, util, yaml) at the bottom, then the job model,
 * the store and the engine; the features (gate, tdg, monitor, alert) beside each other on top of
 * them, sharing only the model; the cli over everything; and the examples outside the product.
 *
 * <p>Only andon's compiled classes are read (target/classes), and the libraries they use are not
 * followed into the class path (src/test/resources/archunit.properties), so this takes seconds.
 */
class ArchitectureTest {
  private static final String[] FEATURES = {"gate", "tdg", "monitor", "alert"};
  private static final JavaClasses CLASSES = importProduct();

  private static JavaClasses importProduct() {
    try {
      Path classes =
          Path.of(JobSpec.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          // picocli is compiled into the same folder; it is not andon's to check
          .withImportOption(location -> location.contains("/io/andon/"))
          .importPath(classes);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("andon's classes are at no readable location", e);
    }
  }

  private static String pkg(String name) {
    return "io.andon." + name + "..";
  }

  /** No class of {@code name} uses a class of andon outside the packages {@code allowed}. */
  private static ArchRule usesOnly(String name, String... allowed) {
    String[] packages = new String[allowed.length + 1];
    packages[0] = pkg(name);
    for (int i = 0; i < allowed.length; i++) {
      packages[i + 1] = pkg(allowed[i]);
    }
    return noClasses()
        .that()
        .resideInAPackage(pkg(name))
        .should()
        .dependOnClassesThat(resideInAPackage("io.andon..").and(resideOutsideOfPackages(packages)));
  }

  @Test
  void theErrorsUtilitiesAndYamlReaderSitAtTheBottom() {
    CompositeArchRule.of(usesOnly("error"))
        .and(usesOnly("util", "error"))
        .and(usesOnly("yaml", "util", "error"))
        .check(CLASSES);
  }

  @Test
  void theJobModelDependsOnNoEngineStoreOrCli() {
    noClasses()
        .that()
        .resideInAPackage(pkg("job"))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            pkg("engine"),
            pkg("store"),
            pkg("cli"),
            pkg("gate"),
            pkg("monitor"),
            pkg("tdg"),
            pkg("alert"))
        .check(CLASSES);
  }

  @Test
  void theStoreDependsOnTheModelOnly() {
    noClasses()
        .that()
        .resideInAPackage(pkg("store"))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            pkg("engine"), pkg("cli"), pkg("gate"), pkg("monitor"), pkg("tdg"), pkg("alert"))
        .check(CLASSES);
  }

  @Test
  void theEngineDependsOnNoFeatureAndNoCli() {
    noClasses()
        .that()
        .resideInAPackage(pkg("engine"))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(pkg("cli"), pkg("gate"), pkg("monitor"), pkg("tdg"), pkg("alert"))
        .check(CLASSES);
  }

  @Test
  void theFeaturesGateTdgMonitorAndAlertShareOnlyTheModelNotEachOther() {
    List<ArchRule> rules = new ArrayList<>();
    for (String feature : FEATURES) {
      List<String> others = new ArrayList<>();
      for (String other : FEATURES) {
        if (!other.equals(feature)) {
          others.add(pkg(other));
        }
      }
      rules.add(
          noClasses()
              .that()
              .resideInAPackage(pkg(feature))
              .should()
              .dependOnClassesThat()
              .resideInAnyPackage(others.toArray(String[]::new)));
    }
    CompositeArchRule.of(rules).check(CLASSES);
  }

  @Test
  void nothingDependsOnTheCli() {
    noClasses()
        .that()
        .resideOutsideOfPackage(pkg("cli"))
        .should()
        .dependOnClassesThat()
        .resideInAPackage(pkg("cli"))
        .check(CLASSES);
  }

  @Test
  void theProductNeverDependsOnTheExamples() {
    // the examples are modules of their own (examples/*/pom.xml) built after andon; this keeps
    // example code from coming back into andon's sources
    noClasses()
        .should()
        .resideInAPackage(pkg("examples"))
        .orShould()
        .dependOnClassesThat()
        .resideInAPackage(pkg("examples"))
        .check(CLASSES);
  }

  @Test
  void scheduleRulesUseOnlyTheBasicsStartNoThreadAndNeverSleep() {
    // the service (schedule.service) drives the rules with its clock and timers; they stay pure
    CompositeArchRule.of(
            noClasses()
                .that()
                .resideInAPackage("io.andon.schedule")
                .should()
                .dependOnClassesThat(
                    resideInAPackage("io.andon..")
                        .and(
                            resideOutsideOfPackages(
                                "io.andon.schedule", pkg("util"), pkg("error")))))
        .and(
            noClasses()
                .that()
                .resideInAPackage("io.andon.schedule")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("java.util.concurrent..")
                .orShould()
                .callMethod(Thread.class, "sleep", long.class)
                .orShould()
                .callConstructor(Thread.class, Runnable.class))
        .check(CLASSES);
  }

  @Test
  void theScheduleServiceStartsRunsOnlyThroughItsRunStarterNeverTheEngine() {
    usesOnly("schedule", "job", "store", "util", "error").check(CLASSES);
  }
}
