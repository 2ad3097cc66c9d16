package org.trialledger.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;

/** Runs the full audit through the API and waits for its result. */
final class LedgerAudits {
  private LedgerAudits() {}

  static JsonObject run(ApiClient api, String user, String password) throws InterruptedException {
    HttpResponse<String> started = api.postJson("/api/ledger/audits", "", user, password);
    assertEquals(202, started.statusCode(), started.body());
    String id = LedgerIT.json(started.body()).getString("id");
    long deadline = System.currentTimeMillis() + 120_000;
    while (true) {
      JsonObject progress =
          LedgerIT.json(api.get("/api/ledger/audits/" + id, user, password).body());
      if (!"RUNNING".equals(progress.getString("state"))) return progress;
      assertTrue(
          System.currentTimeMillis() < deadline, "the audit did not finish within 2 minutes");
      Thread.sleep(200);
    }
  }
}
