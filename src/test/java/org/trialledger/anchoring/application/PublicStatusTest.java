package org.trialledger.anchoring.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PublicStatusTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "java.net.ConnectException: Connection refused|unreachable, will retry",
        "http://127.0.0.1:1/digest: java.net.ConnectException|unreachable, will retry",
        "java.net.UnknownHostException: a.pool.opentimestamps.org|unreachable, will retry",
        "java.net.http.HttpTimeoutException: request timed out|did not answer in time, will retry",
        "java.lang.IllegalStateException: bad op 0x99|failed, will retry",
        "RFC 3161 time-stamping failed: java.io.IOException: HTTP 500|RFC 3161 time-stamping failed (will retry)",
        "No calendar answered: java.net.ConnectException: refused (and 2 more failures)|No calendar answered: unreachable, will retry",
        "Only 1 of 3 calendars answered (at least 2 needed): {https://a.example=java.net.http.HttpTimeoutException: request timed out}|Only 1 of 3 calendars answered (at least 2 needed): did not answer in time, will retry",
        "difficulty does not match the retarget rule|difficulty does not match the retarget rule",
      })
  void failuresReadAsPlainStatus(String stored, String shown) {
    assertEquals(shown, PublicStatus.of(stored));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "java.net.SocketException: Broken pipe",
        "org.bouncycastle.tsp.TSPException: malformed",
        "NullPointerException",
        "jakarta.ws.rs.ProcessingException: x",
        "Cannot invoke \"String.length()\" because \"s\" is null"
      })
  void noExceptionTextReachesThePage(String stored) {
    String shown = PublicStatus.of(stored);
    assertFalse(
        shown.contains("Exception") || shown.contains("java.") || shown.contains("null"), shown);
  }
}
