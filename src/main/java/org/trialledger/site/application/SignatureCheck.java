package org.trialledger.site.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Base64;
import org.trialledger.ledger.json.JsonParser;
import org.trialledger.site.domain.ConsentRecord;
import org.trialledger.site.domain.ElectronicSignature;
import org.trialledger.site.store.SiteRecord;

/**
 * Checks a stored consent's e-signature against the record as stored now (21 CFR 11.70: an edit
 * breaks it).
 */
@ApplicationScoped
public class SignatureCheck {
  @Inject private SiteKeys keys;

  public boolean holds(SiteRecord row) {
    if (row.getSignature() == null || row.getRecordJson() == null) return false;
    try {
      ConsentRecord record = ConsentRecord.fromJson(JsonParser.parse(row.getRecordJson()));
      ElectronicSignature signature =
          new ElectronicSignature(
              record.contentHash(),
              record.signature(),
              Base64.getDecoder().decode(row.getSignature()));
      return ElectronicSignature.verify(record, signature, keys.verifyingKey());
    } catch (RuntimeException e) {
      return false;
    }
  }
}
