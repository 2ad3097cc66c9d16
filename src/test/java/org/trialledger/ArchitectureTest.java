package org.trialledger;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

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

  /**
   * The bounded contexts, each with its own layers inside (see {@link
   * #insideEachContextLayersPointDown}).
   */
  private static final List<String> CONTEXTS =
      List.of(
          "verification", "results", "site", "registry", "anchoring", "audit", "log", "security");

  /**
   * Sub-packages that are neither {@code domain} nor the usual layers but plain-Java code at the
   * same level: used by {@code application} (and above), never using it. {@code security.auth} is
   * the HTTP authentication mechanism, a way in like {@code web}.
   */
  private static final Map<String, List<String>> DOMAIN_LEVEL =
      Map.of(
          "anchoring", List.of("ots", "bitcoin", "tsa", "http", "calendar", "headersource"),
          "registry", List.of("interop"),
          "results", List.of("interop"),
          "site", List.of("interop"),
          "security", List.of("events"),
          "verification", List.of("offline"));

  private static final Map<String, List<String>> WEB_LEVEL = Map.of("security", List.of("auth"));

  /**
   * Pages and resources that read entities today (see {@link #insideEachContextLayersPointDown}).
   */
  private static final DescribedPredicate<JavaClass> bindsEntitiesToday =
      resideInAnyPackage("org.trialledger.*.web..", "org.trialledger.*.api..")
          .and(
              simpleNameStartingWithAny(
                  "AnchorResource",
                  "AnchorView",
                  "AnchoringBacking",
                  "AuditBacking",
                  "TrialJson",
                  "TrialResource",
                  "DraftEditBacking",
                  "HistoryBacking",
                  "ReviewBacking",
                  "SponsorTrialsBacking",
                  "TrialPageBacking",
                  "TrialDocumentResource",
                  "TrialVersionResource", // split off TrialResource, the same debt
                  "SiteResource",
                  "SubjectResource",
                  "SiteDashboardBacking",
                  "SponsorSitesBacking",
                  "SubjectBacking",
                  "AccountBacking",
                  "AdminUsersBacking"))
          .as("a page or resource that binds entities today");

  private static DescribedPredicate<JavaClass> simpleNameStartingWithAny(String... names) {
    // nested and anonymous classes (e.g. a LazyDataModel) belong to their top-level class
    return DescribedPredicate.describe(
        "top-level class in " + List.of(names),
        c ->
            List.of(names)
                .contains(c.getName().substring(c.getPackageName().length() + 1).split("\\$")[0]));
  }

  @Test
  void contextsDependOnlyDownTheTable() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .withOptionalLayers(true)
        .layer("web")
        .definedBy("org.trialledger.web..", "org.trialledger.api..", "org.trialledger.demo..")
        .layer("verification")
        .definedBy("org.trialledger.verification..")
        .layer("results")
        .definedBy("org.trialledger.results..")
        .layer("site")
        .definedBy("org.trialledger.site..")
        .layer("registry")
        .definedBy("org.trialledger.registry..")
        .layer("anchoring")
        .definedBy("org.trialledger.anchoring..")
        .layer("audit")
        .definedBy("org.trialledger.audit..")
        .layer("log")
        .definedBy("org.trialledger.log..")
        .layer("security")
        .definedBy("org.trialledger.security..")
        .layer("ledger")
        .definedBy("org.trialledger.ledger..")
        .layer("platform")
        .definedBy("org.trialledger.platform..")
        .whereLayer("web")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("verification")
        .mayOnlyBeAccessedByLayers("web")
        .whereLayer("results")
        .mayOnlyBeAccessedByLayers("web", "verification")
        .whereLayer("site")
        .mayOnlyBeAccessedByLayers("web", "verification", "results")
        .whereLayer("registry")
        .mayOnlyBeAccessedByLayers("web", "verification", "results", "site")
        .whereLayer("anchoring")
        .mayOnlyBeAccessedByLayers("web", "verification", "results", "site", "registry")
        .whereLayer("audit")
        .mayOnlyBeAccessedByLayers(
            "web", "verification", "results", "site", "registry", "anchoring")
        .whereLayer("log")
        .mayOnlyBeAccessedByLayers(
            "web", "verification", "results", "site", "registry", "anchoring", "audit")
        .whereLayer("security")
        .mayOnlyBeAccessedByLayers(
            "web", "verification", "results", "site", "registry", "anchoring", "audit", "log")
        .whereLayer("ledger")
        .mayOnlyBeAccessedByLayers(
            "web",
            "verification",
            "results",
            "site",
            "registry",
            "anchoring",
            "audit",
            "log",
            "security")
        .check(classes);
  }

  /**
   * Inside a context: {@code domain} (plain Java) ← {@code application} ← {@code web} and {@code
   * api}; {@code store} only from {@code application}; {@code web} and {@code api} never use each
   * other; {@code domain} uses none of the others. Dependencies on other contexts are the table's
   * business, not this rule's.
   */
  @TestFactory
  Stream<DynamicTest> insideEachContextLayersPointDown() {
    return CONTEXTS.stream()
        .map(
            context ->
                DynamicTest.dynamicTest(
                    context,
                    () -> {
                      String base = "org.trialledger." + context + ".";
                      List<String> domain = new ArrayList<>(List.of(base + "domain.."));
                      DOMAIN_LEVEL
                          .getOrDefault(context, List.of())
                          .forEach(p -> domain.add(base + p + ".."));
                      List<String> web = new ArrayList<>(List.of(base + "web.."));
                      WEB_LEVEL
                          .getOrDefault(context, List.of())
                          .forEach(p -> web.add(base + p + ".."));
                      layeredArchitecture()
                          .consideringOnlyDependenciesInLayers()
                          .withOptionalLayers(true)
                          // Known debt, listed so that it cannot grow: these pages and resources
                          // still bind entities instead
                          // of views. Replacing them changes EL bindings and JSON shapes, and is
                          // left for its own change.
                          .ignoreDependency(bindsEntitiesToday, resideInAPackage(base + "store.."))
                          .layer("web")
                          .definedBy(web.toArray(String[]::new))
                          .layer("api")
                          .definedBy(base + "api..")
                          .layer("application")
                          .definedBy(base + "application..")
                          .layer("store")
                          .definedBy(base + "store..")
                          .layer("domain")
                          .definedBy(domain.toArray(String[]::new))
                          .whereLayer("web")
                          .mayNotBeAccessedByAnyLayer()
                          .whereLayer("api")
                          .mayNotBeAccessedByAnyLayer()
                          .whereLayer("application")
                          .mayOnlyBeAccessedByLayers("web", "api")
                          .whereLayer("store")
                          .mayOnlyBeAccessedByLayers("application")
                          .whereLayer("domain")
                          .mayOnlyBeAccessedByLayers("application", "store", "web", "api")
                          .check(classes);
                    }));
  }

  /** Every context's classes live in one of its layers: nothing at a context's root. */
  @Test
  void contextsHaveNoClassesAtTheirRoot() {
    for (String context : CONTEXTS) {
      noClasses()
          .that()
          .resideInAPackage("org.trialledger." + context)
          .and()
          .doNotHaveSimpleName("package-info")
          .should()
          .bePublic()
          .orShould()
          .notBePublic()
          .allowEmptyShould(true)
          .check(classes);
    }
  }

  /**
   * One convention for entities: they live in their context's {@code store} and are named after
   * their table ({@code site_record} → {@code SiteRecord}); only where the pure core already has a
   * type of that name ({@code checkpoint}, {@code ledger_entry}) does the entity add {@code Row}.
   */
  @Test
  void entitiesLiveInStoreNamedAfterTheirTable() {
    List<String> wrong = new ArrayList<>();
    for (JavaClass c : classes) {
      if (!c.isAnnotatedWith(Entity.class)) continue;
      String table = c.getAnnotationOfType(Table.class).name();
      StringBuilder camel = new StringBuilder();
      for (String word : table.split("_")) {
        camel.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
      }
      boolean coreHasName =
          classes.stream()
              .anyMatch(
                  k ->
                      k.getPackageName().startsWith("org.trialledger.ledger")
                          && k.getSimpleName().contentEquals(camel));
      String expected = coreHasName ? camel + "Row" : camel.toString();
      if (!c.getPackageName().matches("org\\.trialledger\\.\\w+\\.store")
          || !c.getSimpleName().equals(expected)) {
        wrong.add(
            c.getName() + " (table " + table + ", expected <context>.store." + expected + ")");
      }
    }
    assertEquals(List.of(), wrong);
  }

  /**
   * A context's {@code domain} uses the {@code ledger} core, other contexts' {@code domain} and the
   * shared exceptions of {@code platform} (e.g. {@code InvalidFieldsException}, plain Java) only.
   */
  @Test
  void domainsUseOnlyDomains() {
    noClasses()
        .that()
        .resideInAPackage("org.trialledger.*.domain..")
        .should()
        .dependOnClassesThat(
            resideInAPackage("org.trialledger..")
                .and(
                    not(
                        resideInAnyPackage(
                            "org.trialledger.*.domain..", "org.trialledger.ledger..")))
                .and(not(sharedExceptions())))
        .allowEmptyShould(true)
        .check(classes);
  }

  private static DescribedPredicate<JavaClass> sharedExceptions() {
    return DescribedPredicate.describe(
        "an exception of platform (or a type nested in one)",
        c ->
            c.getPackageName().equals("org.trialledger.platform")
                && (c.isAssignableTo(RuntimeException.class)
                    || c.getEnclosingClass()
                        .map(e -> e.isAssignableTo(RuntimeException.class))
                        .orElse(false)));
  }

  @Test
  void theSharedWebAndApiUseNoContext() {
    noClasses()
        .that()
        .resideInAnyPackage("org.trialledger.web..", "org.trialledger.api..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.trialledger.verification..",
            "org.trialledger.results..",
            "org.trialledger.site..",
            "org.trialledger.registry..",
            "org.trialledger.anchoring..",
            "org.trialledger.audit..",
            "org.trialledger.log..",
            "org.trialledger.security..",
            "org.trialledger.ledger..",
            "org.trialledger.demo..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void theLedgerCoreIsPlainJava() {
    noClasses()
        .that()
        .resideInAPackage("org.trialledger.ledger..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "jakarta..",
            "javax.persistence..",
            "org.hibernate..",
            "fish.payara..",
            "org.eclipse.microprofile..")
        .orShould()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.trialledger.platform..",
            "org.trialledger.security..",
            "org.trialledger.registry..",
            "org.trialledger.site..",
            "org.trialledger.results..",
            "org.trialledger.verification..",
            "org.trialledger.anchoring..",
            "org.trialledger.web..",
            "org.trialledger.api..",
            "org.trialledger.log..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void theSiteCoreIsPlainJava() {
    noClasses()
        .that()
        .resideInAnyPackage("org.trialledger.site.domain..", "org.trialledger.results.domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "jakarta..",
            "javax.persistence..",
            "org.hibernate..",
            "fish.payara..",
            "org.eclipse.microprofile..",
            "org.primefaces..",
            "org.trialledger.platform..",
            "org.trialledger.security..",
            "org.trialledger.log..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void theOpenTimestampsCodecIsPlainJava() {
    noClasses()
        .that()
        .resideInAPackage("org.trialledger.anchoring.ots..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "jakarta..", "org.hibernate..", "fish.payara..", "org.eclipse.microprofile..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void theTimestampAuthorityClientIsPlainJava() {
    noClasses()
        .that()
        .resideInAPackage("org.trialledger.anchoring.tsa..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "jakarta..",
            "javax.persistence..",
            "org.hibernate..",
            "fish.payara..",
            "org.eclipse.microprofile..")
        .allowEmptyShould(true)
        .check(classes);
  }
}
