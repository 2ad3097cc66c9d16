package org.trialledger;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency arrows of docs/architecture.md, enforced: discipline alone decays. */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.trialledger");
  }

  @Test
  void contextsDependOnlyDownTheTable() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .withOptionalLayers(true)
        .layer("web").definedBy("org.trialledger.web..", "org.trialledger.api..", "org.trialledger.demo..")
        .layer("verification").definedBy("org.trialledger.verification..")
        .layer("site").definedBy("org.trialledger.site..")
        .layer("registry").definedBy("org.trialledger.registry..")
        .layer("anchoring").definedBy("org.trialledger.anchoring..")
        .layer("log").definedBy("org.trialledger.log..")
        .layer("ledger").definedBy("org.trialledger.ledger..")
        .layer("security").definedBy("org.trialledger.security..")
        .layer("platform").definedBy("org.trialledger.platform..")
        .whereLayer("web").mayNotBeAccessedByAnyLayer()
        .whereLayer("verification").mayOnlyBeAccessedByLayers("web")
        .whereLayer("site").mayOnlyBeAccessedByLayers("web", "verification")
        .whereLayer("registry").mayOnlyBeAccessedByLayers("web", "verification", "site")
        .whereLayer("anchoring").mayOnlyBeAccessedByLayers("web", "verification")
        .whereLayer("log").mayOnlyBeAccessedByLayers("web", "verification", "site", "registry", "anchoring", "security")
        .whereLayer("security").mayOnlyBeAccessedByLayers("web", "verification", "site", "registry", "anchoring")
        .check(classes);
  }

  @Test
  void theLedgerCoreIsPlainJava() {
    noClasses()
        .that().resideInAPackage("org.trialledger.ledger..")
        .should().dependOnClassesThat()
        .resideInAnyPackage("jakarta..", "javax.persistence..", "org.hibernate..", "fish.payara..", "org.eclipse.microprofile..")
        .orShould().dependOnClassesThat()
        .resideInAnyPackage(
            "org.trialledger.platform..", "org.trialledger.security..", "org.trialledger.registry..",
            "org.trialledger.site..", "org.trialledger.verification..", "org.trialledger.anchoring..",
            "org.trialledger.web..", "org.trialledger.api..", "org.trialledger.log..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void theSiteCoreIsPlainJava() {
    noClasses()
        .that().resideInAPackage("org.trialledger.site.domain..")
        .should().dependOnClassesThat()
        .resideInAnyPackage("jakarta..", "javax.persistence..", "org.hibernate..", "fish.payara..", "org.eclipse.microprofile..",
            "org.primefaces..", "org.trialledger.platform..", "org.trialledger.security..", "org.trialledger.log..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void theOpenTimestampsCodecIsPlainJava() {
    noClasses()
        .that().resideInAPackage("org.trialledger.anchoring.ots..")
        .should().dependOnClassesThat()
        .resideInAnyPackage("jakarta..", "org.hibernate..", "fish.payara..", "org.eclipse.microprofile..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void theTimestampAuthorityClientIsPlainJava() {
    noClasses()
        .that().resideInAPackage("org.trialledger.anchoring.tsa..")
        .should().dependOnClassesThat()
        .resideInAnyPackage(
            "jakarta..", "javax.persistence..", "org.hibernate..", "fish.payara..", "org.eclipse.microprofile..")
        .allowEmptyShould(true)
        .check(classes);
  }
}
