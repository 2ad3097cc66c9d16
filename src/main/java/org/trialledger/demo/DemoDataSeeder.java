package org.trialledger.demo;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.trialledger.platform.StartupLock;
import org.trialledger.security.application.NewOrganisation;
import org.trialledger.security.application.NewUser;
import org.trialledger.security.application.UserAdministration;
import org.trialledger.security.application.UserDirectory;
import org.trialledger.security.domain.OrganisationKind;
import org.trialledger.security.domain.Role;
import org.trialledger.security.store.Organisation;

/**
 * Seeds the demo when asked ({@code trialledger.demo.seed=true}, which only the run command sets)
 * and only into an empty database: a production database always has users, so it is never touched.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigration")
public class DemoDataSeeder {
  private static final Logger LOG = Logger.getLogger(DemoDataSeeder.class.getName());

  /**
   * The demo logins, also listed in README.md. The passwords are public, so their PBKDF2 hashes
   * (each with its own random salt, at today's strength) ship here rather than being computed at
   * every first start, where they took most of the start-up's CPU (docs/benchmarks.md, "Start-up
   * and memory"). {@code DemoPasswordHashes} in the tests makes new ones; {@code
   * DemoPasswordHashesTest} checks that each matches its password.
   */
  public static final List<DemoLogin> LOGINS =
      List.of(
          new DemoLogin(
              "admin",
              "admin-demo-pw",
              "PBKDF2WithHmacSHA256:600000:qau/H3cIvO1qv0o+tsp/ozJiglTNYAy5/OzSMympnTo=:WRb25nmx03aBjXngsmqeX9Vv/BQn1zm9Ryj8wNCCEyc=",
              "Registry Administrator",
              "TrialLedger Operations",
              OrganisationKind.OPERATOR,
              "NL",
              Role.ADMIN),
          new DemoLogin(
              "sponsor",
              "sponsor-demo-pw",
              "PBKDF2WithHmacSHA256:600000:CSZcZCEeC+FIVorl+vfK7dM1zwv1ZxtQELKL3OVYKrE=:la9tiOWxCs5Zy4MzFrTQiTA+MFQn0JrPnmkq8SGjkiQ=",
              "Sofia Brandt",
              "Helix Therapeutics",
              OrganisationKind.SPONSOR,
              "DE",
              Role.SPONSOR),
          new DemoLogin(
              "site1",
              "site1-demo-pw",
              "PBKDF2WithHmacSHA256:600000:KdSJ9pPa7SFRgRsVNPbzL8vZR7nLCOj5cVPo+RdTYTc=:KfRipUth8LLAVjPxA6uVyt74oXGvjuWkVPBKSDRu7z8=",
              "Dr. Amara Okafor",
              "St. Mary's Hospital Research Unit",
              OrganisationKind.SITE,
              "GB",
              Role.SITE),
          new DemoLogin(
              "site2",
              "site2-demo-pw",
              "PBKDF2WithHmacSHA256:600000:uferVfR/BRdihzyDf0WN2nBEDxs1p/hSs3cE8KSD4zg=:NpyCm6Y9R4B5kxAELsR/mDqnTx9ECyyHtFeTcD6H2CY=",
              "Dr. Lars Nilsson",
              "Nordic Clinical Research Centre",
              OrganisationKind.SITE,
              "SE",
              Role.SITE),
          new DemoLogin(
              "regulator",
              "regulator-demo-pw",
              "PBKDF2WithHmacSHA256:600000:ZJI/fM3cHAwdNF9Iy594GYlv1B/xKVMrDivv5xHOX4M=:w0wbrOcLRELHqnpxR20n0LCjCr4B9VCRWOpRvr4WOa0=",
              "Inspector Claire Martin",
              "National Medicines Agency",
              OrganisationKind.REGULATOR,
              "FR",
              Role.REGULATOR));

  public record DemoLogin(
      String username,
      String password,
      String passwordHash,
      String fullName,
      String organisation,
      OrganisationKind kind,
      String country,
      Role role) {}

  @Inject
  @ConfigProperty(name = "trialledger.demo.seed", defaultValue = "false")
  private boolean seed;

  @Inject private UserAdministration administration;
  @Inject private UserDirectory directory;
  @Inject private StartupLock startupLock;

  @PostConstruct
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  void seedIfAsked() {
    if (!seed) return;
    startupLock.hold(); // another instance may be seeding the same empty database
    if (directory.userCount() > 0) {
      LOG.info("Demo data not loaded: the database already has users");
    } else {
      for (DemoLogin login : LOGINS) {
        Organisation org =
            directory
                .findOrganisationByName(login.organisation())
                .orElseGet(
                    () ->
                        administration.createOrganisation(
                            new NewOrganisation(
                                login.organisation(), login.kind(), login.country())));
        administration.createUserWithHash(
            new NewUser(
                login.username(),
                login.fullName(),
                null,
                login.password(),
                org.getId(),
                login.role()),
            login.passwordHash());
      }
      LOG.info("Demo data loaded");
    }
  }
}
