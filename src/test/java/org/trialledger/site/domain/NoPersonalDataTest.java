package org.trialledger.site.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.junit.jupiter.api.Test;
import org.trialledger.ledger.Hash;
import org.trialledger.ledger.json.CanonicalJson;
import org.trialledger.ledger.json.Commitment;
import org.trialledger.site.interop.FhirSiteExporter;
import org.trialledger.site.interop.OdmWriter;

/**
 * Personal data stay in the vault: build everything the site context produces for subjects with
 * known names, birth dates and contacts, and find none of them, in any usual spelling or as a
 * SHA-256, in records, commitments, signatures, summaries, ODM, FHIR, messages or what was logged
 * meanwhile.
 */
class NoPersonalDataTest {
  @Test
  void noIdentifyingDetailLeavesTheVault() {
    SecureRandom random = new SecureRandom();
    byte[] master = new byte[32];
    random.nextBytes(master);
    SubjectVault vault = new SubjectVault(master, random);
    Ed25519PrivateKeyParameters key = SiteFixtures.signingKey();

    List<String> output = new ArrayList<>();
    Capture capture = Capture.start();
    try {
      List<Pseudonym> subjects = new ArrayList<>();
      for (IdentifyingDetails person : SiteFixtures.PEOPLE) {
        Pseudonym p = Pseudonym.issue(random);
        vault.seal(p, person); // the only place the details go
        subjects.add(p);
      }
      OdmWriter.Export export = SiteFixtures.export(subjects);
      List<LedgerRecord> records = new ArrayList<>();
      records.addAll(export.consents());
      records.addAll(export.results());
      records.addAll(export.adverseEvents());
      for (LedgerRecord r : records) {
        output.add(CanonicalJson.write(r.toJson()));
        output.add(r.toString());
        output.add(r.contentHash().hex());
        Commitment c = r.commit(random);
        output.add(c.value().hex());
        output.add(c.value().base64());
        output.add(c.saltBase64());
        Manifestation m =
            SiteFixtures.manifestation("emuster", SiteFixtures.NOW, SignatureMeaning.AUTHOR);
        ElectronicSignature s = ElectronicSignature.sign(r, m, key);
        output.add(
            new String(ElectronicSignature.signedBytes(s.recordHash(), m), StandardCharsets.UTF_8));
        output.add(s.toString());
      }
      for (ConsentRecord c : export.consents()) {
        output.add(FhirSiteExporter.toJson(FhirSiteExporter.toConsent(c)));
        output.addAll(c.validate(SiteFixtures.CLOCK).stream().map(Object::toString).toList());
      }
      for (Enrolment e : export.subjects()) {
        output.add(
            FhirSiteExporter.toJson(
                FhirSiteExporter.toResearchSubject(e, export.consents().get(0), false)));
      }
      output.add(OdmWriter.toXml(export));
      output.add(
          SummaryResults.compute(
                  subjects, List.of(), export.consents(), export.results(), export.adverseEvents())
              .toString());
      output.add(ReconsentRule.evaluate(List.of(), subjects, export.consents()).toString());
      for (IdentifyingDetails person : SiteFixtures.PEOPLE) output.add(person.toString());
    } finally {
      output.add(capture.stop());
    }

    assertTrue(
        output.stream().anyMatch(o -> o.contains("S-")),
        "the check itself sees pseudonyms in the output");
    for (String forbidden : forbidden()) {
      for (String o : output) {
        assertFalse(
            o.toLowerCase(Locale.ROOT).contains(forbidden.toLowerCase(Locale.ROOT)),
            "\"" + forbidden + "\" leaked into: " + o);
      }
    }
  }

  /** Every spelling of every detail worth looking for, and the SHA-256 of each (hex and base64). */
  private static List<String> forbidden() {
    List<String> plain = new ArrayList<>();
    for (IdentifyingDetails p : SiteFixtures.PEOPLE) {
      plain.add(p.name());
      for (String part : p.name().split("[ '<>&\"]+")) if (part.length() > 3) plain.add(part);
      plain.add(p.birthDate().toString());
      for (String pattern : List.of("dd.MM.yyyy", "MM/dd/yyyy", "dd/MM/yyyy", "yyyyMMdd")) {
        plain.add(p.birthDate().format(DateTimeFormatter.ofPattern(pattern)));
      }
      plain.add(p.contact());
      plain.add(p.contact().replace(" ", ""));
    }
    List<String> all = new ArrayList<>(plain);
    for (String s : plain) {
      Hash h = Hash.sha256(s.getBytes(StandardCharsets.UTF_8));
      all.add(h.hex());
      all.add(h.base64());
      all.add(HexFormat.of().formatHex(h.bytes()).toUpperCase(Locale.ROOT));
    }
    return all;
  }

  @Test
  void theForbiddenListWouldCatchALeak() {
    String leaky = "{\"subject\":\"" + SiteFixtures.PEOPLE.get(0).name() + "\"}";
    assertTrue(
        forbidden().stream()
            .anyMatch(f -> leaky.toLowerCase(Locale.ROOT).contains(f.toLowerCase(Locale.ROOT))));
    String hashed =
        Hash.sha256(SiteFixtures.PEOPLE.get(1).contact().getBytes(StandardCharsets.UTF_8)).hex();
    assertTrue(forbidden().contains(hashed));
    assertEquals(true, forbidden().contains("17.04.1961"));
  }

  /** Collects stdout, stderr and java.util.logging output while the exports run. */
  private static final class Capture extends Handler {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final StringBuilder logged = new StringBuilder();
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;

    static Capture start() {
      Capture c = new Capture();
      PrintStream tee = new PrintStream(c.bytes, true, StandardCharsets.UTF_8);
      System.setOut(tee);
      System.setErr(tee);
      Logger.getLogger("").addHandler(c);
      return c;
    }

    String stop() {
      System.setOut(out);
      System.setErr(err);
      Logger.getLogger("").removeHandler(this);
      return bytes.toString(StandardCharsets.UTF_8) + logged;
    }

    @Override
    public synchronized void publish(LogRecord record) {
      logged.append(record.getMessage()).append('\n');
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
