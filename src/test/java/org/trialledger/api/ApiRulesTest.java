package org.trialledger.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.conditions.ArchConditions;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import org.junit.jupiter.api.Test;

/** Rules every REST resource keeps, checked over all of them rather than one endpoint at a time. */
class ApiRulesTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.trialledger");

  private static final DescribedPredicate<JavaMethod> CHANGES_STATE =
      DescribedPredicate.describe(
          "answer POST, PUT, PATCH or DELETE",
          m ->
              m.isAnnotatedWith(POST.class)
                  || m.isAnnotatedWith(PUT.class)
                  || m.isAnnotatedWith(PATCH.class)
                  || m.isAnnotatedWith(DELETE.class));

  /**
   * A form or a {@code text/plain} body is what a page on another site can make a browser send; a
   * method that declares the exact type it takes answers those with 415 before it runs (defence in
   * depth: the API does not accept the session cookie either, docs/security.md).
   */
  @Test
  void everyStateChangingEndpointDeclaresTheMediaTypeItConsumes() {
    methods()
        .that(CHANGES_STATE)
        .should(
            ArchConditions.be(
                DescribedPredicate.describe(
                    "annotated with @Consumes, or in a class that is",
                    m ->
                        m.isAnnotatedWith(Consumes.class)
                            || m.getOwner().isAnnotatedWith(Consumes.class))))
        .check(CLASSES);
  }
}
