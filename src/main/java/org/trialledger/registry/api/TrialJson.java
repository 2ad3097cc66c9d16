package org.trialledger.registry.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trialledger.ledger.json.CanonicalJson;
import org.trialledger.registry.application.SearchPage;
import org.trialledger.registry.application.TrialSummary;
import org.trialledger.registry.domain.RecordCodec;
import org.trialledger.registry.domain.RecordDiff;
import org.trialledger.registry.domain.RegistrationRecord;
import org.trialledger.registry.store.ReviewComment;
import org.trialledger.registry.store.Trial;
import org.trialledger.registry.store.TrialDocument;
import org.trialledger.registry.store.TrialVersion;

/**
 * JSON of the registry's REST answers. Registration records use the same JSON as the hashed
 * versions ({@link RecordCodec}), so what a program reads is what it may send back and what the
 * ledger commits to.
 */
final class TrialJson {
  private TrialJson() {}

  static String write(Object value) {
    return CanonicalJson.write(value);
  }

  static Map<String, Object> trial(Trial t, String sponsorName) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("registryId", t.getRegistryId());
    m.put("status", t.getStatus().name());
    m.put("sponsor", sponsorName);
    m.put("createdAt", text(t.getCreatedAt()));
    m.put("registeredAt", text(t.getRegisteredAt()));
    m.put(
        "publishedVersion",
        t.getPublishedVersion() == null ? null : (long) t.getPublishedVersion());
    m.put("withdrawnAt", text(t.getWithdrawnAt()));
    m.put("withdrawalReason", t.getWithdrawalReason());
    m.put(
        "links",
        Map.of(
            "self", "/api/trials/" + t.getRegistryId(),
            "versions", "/api/trials/" + t.getRegistryId() + "/versions",
            "page", "/registry/trial.xhtml?id=" + t.getRegistryId()));
    return m;
  }

  static Map<String, Object> record(RegistrationRecord r) {
    return RecordCodec.encode(r);
  }

  static Map<String, Object> version(Trial t, TrialVersion v, List<ReviewComment> comments) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("version", (long) v.getVersionNumber());
    m.put("state", v.getState().name());
    m.put("reason", v.getReason());
    m.put("submittedAt", text(v.getSubmittedAt()));
    m.put("submittedBy", v.getSubmittedBy());
    m.put("decidedAt", text(v.getDecidedAt()));
    m.put("contentHash", v.getContentHash());
    m.put("leafHash", v.getLeafHash());
    m.put(
        "links",
        Map.of(
            "canonicalJson",
                "/api/trials/" + t.getRegistryId() + "/versions/" + v.getVersionNumber(),
            "receipt", "/api/receipts/" + v.getLeafHash(),
            "proof", "/api/proofs/" + v.getLeafHash()));
    if (!comments.isEmpty()) {
      List<Object> list = new ArrayList<>();
      for (ReviewComment c : comments) list.add(comment(c));
      m.put("reviewComments", list);
    }
    return m;
  }

  static Map<String, Object> comment(ReviewComment c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", c.getId());
    m.put("severity", c.getSeverity().name());
    m.put("body", c.getBody());
    m.put("author", c.getAuthor());
    m.put("createdAt", text(c.getCreatedAt()));
    return m;
  }

  static Map<String, Object> document(Trial t, TrialDocument d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", d.getId());
    m.put("kind", d.getKind().name());
    m.put("fileName", d.getFileName());
    m.put("sha256", d.getSha256());
    m.put("size", d.getSizeBytes());
    m.put("uploadedAt", text(d.getUploadedAt()));
    m.put("removedAt", text(d.getRemovedAt()));
    m.put("leafHash", d.getLeafHash());
    m.put(
        "links",
        Map.of(
            "content", "/api/trials/" + t.getRegistryId() + "/documents/" + d.getId(),
            "receipt", "/api/receipts/" + d.getLeafHash()));
    return m;
  }

  static Map<String, Object> page(SearchPage page) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("total", page.total());
    m.put("totalExact", page.totalExact());
    m.put("offset", (long) page.offset());
    m.put("limit", (long) page.limit());
    List<Object> rows = new ArrayList<>();
    for (TrialSummary s : page.rows()) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("registryId", s.registryId());
      r.put("publicTitle", s.publicTitle());
      r.put("acronym", s.acronym());
      r.put("sponsor", s.sponsorName());
      r.put("recruitmentStatus", s.recruitmentStatus());
      r.put("phases", s.phases());
      r.put("startDate", s.startDate());
      r.put("registeredAt", text(s.registeredAt()));
      r.put("conditions", s.conditions());
      r.put("status", s.status());
      rows.add(r);
    }
    m.put("rows", rows);
    return m;
  }

  static List<Object> diff(List<RecordDiff.Row> rows) {
    List<Object> out = new ArrayList<>();
    for (RecordDiff.Row row : rows) {
      if (!row.isChanged()) continue;
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("path", row.path());
      m.put("label", row.label());
      m.put("change", row.change().name());
      m.put("before", row.left());
      m.put("after", row.right());
      out.add(m);
    }
    return out;
  }

  private static String text(Object instant) {
    return instant == null ? null : instant.toString();
  }
}
