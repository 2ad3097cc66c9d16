package org.trialledger.demo;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.trialledger.ledger.json.JsonParser;
import org.trialledger.platform.StartupLock;
import org.trialledger.registry.application.TrialDocuments;
import org.trialledger.registry.application.TrialRegistry;
import org.trialledger.registry.domain.CommentSeverity;
import org.trialledger.registry.domain.DocumentKind;
import org.trialledger.registry.domain.RecordCodec;
import org.trialledger.registry.domain.RegistrationRecord;
import org.trialledger.results.application.TrialResults;
import org.trialledger.results.domain.ResultsRecord;
import org.trialledger.security.application.Caller;
import org.trialledger.security.application.UserDirectory;
import org.trialledger.security.store.AppUser;
import org.trialledger.site.application.Enrolment;
import org.trialledger.site.application.PublishConsentForm;
import org.trialledger.site.application.SiteActivations;

/**
 * Demo registrations, for the run command only ({@code trialledger.demo.trials=true}) and only into
 * a registry without trials: one trial published and amended (so the history has a diff), one
 * published, and one awaiting review, each through the real workflow and the ledger; site 1
 * activated on the first with a consent form and one enrolled subject awaiting consent.
 */
@Startup
@Singleton
@DependsOn("DemoDataSeeder")
public class DemoTrials {
  private static final Logger LOG = Logger.getLogger(DemoTrials.class.getName());

  @Inject
  @ConfigProperty(name = "trialledger.demo.trials", defaultValue = "false")
  private boolean seed;

  @Inject private TrialRegistry registry;
  @Inject private TrialDocuments documents;
  @Inject private SiteActivations siteActivations;
  @Inject private Enrolment enrolment;
  @Inject private TrialResults trialResults;
  @Inject private UserDirectory directory;
  @PersistenceContext private EntityManager em;
  @Inject private StartupLock startupLock;

  @PostConstruct
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  void seedIfAsked() {
    if (seed) startupLock.hold(); // another instance may be seeding the same empty database
    if (!seed || em.createQuery("SELECT COUNT(t) FROM Trial t", Long.class).getSingleResult() > 0)
      return;
    Caller sponsor = caller("sponsor");
    Caller regulator = caller("regulator");
    if (sponsor == null || regulator == null) return;

    RegistrationRecord helix = record("helix-pso.json");
    String a = registry.createDraft(sponsor, helix).getRegistryId();
    documents.upload(
        sponsor,
        a,
        DocumentKind.PROTOCOL,
        "HELIX-PSO protocol v1.0.pdf",
        demoPdf("HELIX-PSO protocol, version 1.0"));
    registry.submit(sponsor, a, null);
    registry.comment(
        regulator, a, 1, CommentSeverity.ADVISORY, "Consider a quality-of-life outcome.");
    registry.publish(regulator, a, 1);
    String amended =
        new String(resource("helix-pso.json"), StandardCharsets.UTF_8)
            .replace("\"NOT_YET_RECRUITING\"", "\"RECRUITING\"")
            .replace("\"count\": 240", "\"count\": 260")
            .replace(
                "{\"measure\": \"IGA 0/1 response\", \"timeFrame\": \"Week 16\"}",
                "{\"measure\": \"IGA 0/1 response\", \"timeFrame\": \"Week 16\"}, {\"measure\": \"DLQI quality of life\", \"timeFrame\": \"Week 16\"}");
    registry.updateDraft(
        sponsor, a, RecordCodec.decode(JsonParser.parse(amended), RegistrationRecord.class));
    registry.submit(
        sponsor, a, "Recruitment opened; sample size raised to 260; quality-of-life outcome added");
    registry.publish(regulator, a, 2);
    // its results, reviewed and published, so that the public page shows the Results section
    trialResults.submit(
        sponsor,
        a,
        ResultsRecord.parse(
            new String(resource("helix-pso-results.json"), StandardCharsets.UTF_8)));
    trialResults.comment(
        regulator, a, 1, CommentSeverity.ADVISORY, "Report the DLQI outcome once analysed.");
    trialResults.publish(regulator, a, 1);

    String b = registry.createDraft(sponsor, record("breathe-copd.json")).getRegistryId();
    registry.submit(sponsor, b, null);
    registry.publish(regulator, b, 1);

    // site 1 works on the amended trial: the sponsor activated it and published the consent form;
    // one subject
    // is enrolled (no identifying details) and waits for consent to be signed by the site's staff
    Caller site = caller("site1");
    if (site != null) {
      siteActivations.activate(sponsor, a, site.organisationId(), "Dr. Amara Okafor");
      siteActivations.publishConsentForm(
          sponsor,
          new PublishConsentForm(
              a,
              "v1.0",
              "en",
              "HELIX-PSO consent v1.0.pdf",
              demoPdf("HELIX-PSO informed consent form, version 1.0")));
      enrolment.enrol(site, a, null);
    }

    RegistrationRecord pending = record("breathe-copd.json");
    String c = registry.createDraft(sponsor, pending).getRegistryId();
    registry.submit(sponsor, c, null);
    LOG.info(
        "Demo trials registered: "
            + a
            + " (published, amended, with published results), "
            + b
            + " (published), "
            + c
            + " (awaiting review)");
  }

  private Caller caller(String username) {
    AppUser u = directory.findUser(username).orElse(null);
    return u == null
        ? null
        : new Caller(u.getUsername(), u.getOrganisation().getId(), Set.copyOf(u.getRoles()));
  }

  private static RegistrationRecord record(String name) {
    return RecordCodec.decode(
        JsonParser.parse(new String(resource(name), StandardCharsets.UTF_8)),
        RegistrationRecord.class);
  }

  private static byte[] resource(String name) {
    try (InputStream in = DemoTrials.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A minimal valid one-page PDF with a line of text, so the demo has a document to download and
   * verify.
   */
  static byte[] demoPdf(String text) {
    String content =
        "BT /F1 18 Tf 72 720 Td (" + text.replace("(", "").replace(")", "") + ") Tj ET";
    String[] objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
      "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    };
    StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
    int[] offsets = new int[objects.length];
    for (int i = 0; i < objects.length; i++) {
      offsets[i] = pdf.length();
      pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
    }
    int xref = pdf.length();
    pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
    for (int offset : offsets) pdf.append(String.format("%010d 00000 n \n", offset));
    pdf.append("trailer\n<< /Size ")
        .append(objects.length + 1)
        .append(" /Root 1 0 R >>\nstartxref\n")
        .append(xref)
        .append("\n%%EOF\n");
    return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
  }
}
