package org.trialledger.verification.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntConsumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.trialledger.anchoring.application.BitcoinHeaders;
import org.trialledger.audit.application.AuditCsv;
import org.trialledger.audit.application.AuditQueries;
import org.trialledger.audit.domain.AuditFilter;
import org.trialledger.ledger.bundle.ProofBundle;
import org.trialledger.ledger.json.CanonicalJson;
import org.trialledger.log.application.LedgerLog;
import org.trialledger.log.application.LogSigner;
import org.trialledger.log.store.LedgerEntryRow;
import org.trialledger.platform.AccessDeniedException;
import org.trialledger.registry.application.TrialDocuments;
import org.trialledger.registry.application.TrialFinder;
import org.trialledger.registry.store.Trial;
import org.trialledger.registry.store.TrialDocument;
import org.trialledger.registry.store.TrialVersion;
import org.trialledger.security.application.Caller;
import org.trialledger.security.domain.Role;

/**
 * A trial's inspection package for regulators, one zip: every artifact the registry holds for the
 * trial (version JSON, documents), the proof bundle of each with its checkpoint's {@code .ots}, the
 * log key, the latest checkpoint, the audit trail as CSV, and a manifest pairing bundles with
 * files. The offline verifier checks it all: {@code java -jar trialledger-verifier.jar
 * verify-package DIR --key VKEY --headers HEADERS}.
 */
@ApplicationScoped
public class InspectionPackage {
  @Inject private TrialFinder trials;
  @Inject private TrialDocuments documents;
  @Inject private LedgerLog log;
  @Inject private LogSigner signer;
  @Inject private AnchoredBundles bundles;
  @Inject private AuditQueries audit;
  @Inject private BitcoinHeaders bitcoin;

  /** How many ledger entries the package will hold, for progress. */
  @Transactional
  public int size(Caller caller, String registryId) {
    if (!caller.is(Role.REGULATOR))
      throw new AccessDeniedException("Inspection packages are for regulators");
    return log.entriesOfArtifact(trials.visibleTrial(caller, registryId).getRegistryId()).size();
  }

  @Transactional
  public void write(Caller caller, String registryId, OutputStream out, IntConsumer progress) {
    if (!caller.is(Role.REGULATOR))
      throw new AccessDeniedException("Inspection packages are for regulators");
    Trial trial = trials.visibleTrial(caller, registryId);
    String id = trial.getRegistryId();
    Map<String, String> files =
        new LinkedHashMap<>(); // content hash → path of the artifact's bytes in the package
    try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      for (TrialVersion v : trials.visibleVersions(caller, trial)) {
        String path = "versions/" + v.getVersionNumber() + ".json";
        put(zip, path, v.getCanonicalJson().getBytes(StandardCharsets.UTF_8));
        files.put(v.getContentHash(), path);
      }
      for (TrialDocument d : trials.visibleDocuments(caller, trial)) {
        if (files.containsKey(d.getSha256())) continue;
        String path = "documents/" + d.getId() + "-" + d.getFileName();
        put(zip, path, documents.content(d));
        files.put(d.getSha256(), path);
      }
      List<Object> manifest = new ArrayList<>();
      Set<Long> anchorsWritten = new HashSet<>();
      Set<Long> bitcoinHeights = new TreeSet<>();
      int done = 0;
      for (LedgerEntryRow e : log.entriesOfArtifact(id)) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put(
            "artifact",
            e.getArtifactType() + " " + e.getArtifactId() + " v" + e.getArtifactVersion());
        item.put("leafHash", e.getLeafHash().hex());
        if (e.getLeafIndex() == null) {
          item.put("note", "queued at packaging time: no proof yet");
        } else {
          ProofBundle bundle = bundles.forLeafHash(e.getLeafHash().hex());
          String bundlePath = "bundles/" + e.getLeafHash().hex() + ".json";
          put(zip, bundlePath, bundle.toJson().getBytes(StandardCharsets.UTF_8));
          item.put("bundle", bundlePath);
          if (files.containsKey(e.getContentHash().hex()))
            item.put("file", files.get(e.getContentHash().hex()));
          bundles
              .anchorFor(e.getLeafIndex())
              .ifPresent(
                  a -> {
                    if (anchorsWritten.add(a.getId()))
                      put(zip, "anchors/checkpoint-" + a.getTreeSize() + ".ots", a.getOtsProof());
                    if (a.getBitcoinHeight() != null) bitcoinHeights.add(a.getBitcoinHeight());
                  });
        }
        manifest.add(item);
        progress.accept(++done);
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("format", "trialledger.inspection-package/1");
      m.put("registryId", id);
      m.put("logKey", signer.vkey());
      m.put("entries", manifest);
      put(zip, "manifest.json", CanonicalJson.write(m).getBytes(StandardCharsets.UTF_8));
      put(zip, "log-key.txt", (signer.vkey() + "\n").getBytes(StandardCharsets.UTF_8));
      put(zip, "checkpoint.txt", log.latestCheckpoint().getNote().getBytes(StandardCharsets.UTF_8));
      // one headers file for all anchors: the verifier validates it against the headers it trusts
      put(
          zip,
          "bitcoin-headers.txt",
          bitcoin.headersFileFor(bitcoinHeights).getBytes(StandardCharsets.US_ASCII));
      zip.putNextEntry(new ZipEntry("audit-trail.csv"));
      Writer csv = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
      AuditCsv.write(audit.stream(new AuditFilter(null, null, "TRIAL", id, null, null)), csv);
      csv.flush();
      zip.closeEntry();
      put(zip, "README.txt", readme(id).getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void put(ZipOutputStream zip, String path, byte[] bytes) {
    try {
      zip.putNextEntry(new ZipEntry(path));
      zip.write(bytes);
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String readme(String id) {
    return "Inspection package of "
        + id
        + " (TrialLedger)\n\n"
        + "manifest.json pairs each ledger entry's proof bundle (bundles/) with the artifact's bytes (versions/, documents/).\n"
        + "Check everything offline, with the log key you obtained yourself:\n\n"
        + "  unzip package.zip -d pkg\n"
        + "  java -jar trialledger-verifier.jar verify-package pkg --key \"$(cat pkg/log-key.txt)\" --headers pkg/bitcoin-headers.txt\n\n"
        + "bitcoin-headers.txt holds the Bitcoin headers of the anchors' blocks, each from the start of its difficulty period;\n"
        + "the verifier accepts them only where they link to the headers it trusts (or to a --checkpoint HEIGHT:HASH you add).\n"
        + "anchors/ holds the OpenTimestamps proofs of the checkpoints (also inside each bundle); audit-trail.csv is the\n"
        + "trial's audit trail. Personal data never appears here: consent and result records enter the log as salted commitments.\n";
  }
}
