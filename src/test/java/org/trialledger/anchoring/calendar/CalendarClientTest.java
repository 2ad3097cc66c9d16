package org.trialledger.anchoring.calendar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trialledger.anchoring.bitcoin.BlockHeader;
import org.trialledger.anchoring.bitcoin.TestBlocks;
import org.trialledger.anchoring.calendar.CalendarException.Reason;
import org.trialledger.anchoring.ots.DetachedTimestampFile;
import org.trialledger.anchoring.ots.PendingAttestation;
import org.trialledger.anchoring.ots.StampRequest;
import org.trialledger.anchoring.ots.Timestamp;
import org.trialledger.anchoring.ots.TimestampVerifier;
import org.trialledger.anchoring.ots.VerificationReport;

/** The client and stamper against fake calendars on the loopback interface. */
class CalendarClientTest {
  static final byte[] DIGEST = sha256("checkpoint 42");

  FakeCalendar a;
  FakeCalendar b;
  FakeCalendar outsider;

  @BeforeEach
  void startCalendars() throws Exception {
    a = FakeCalendar.start();
    b = FakeCalendar.start();
    outsider = FakeCalendar.start();
  }

  @AfterEach
  void stopCalendars() {
    a.close();
    b.close();
    outsider.close();
  }

  CalendarClient client(Duration requestTimeout) {
    return new CalendarClient(
        new CalendarClient.Settings(
            List.of(a.uri(), b.uri()), Duration.ofSeconds(2), requestTimeout, 10_000));
  }

  CalendarStamper stamper() {
    return new CalendarStamper(
        client(Duration.ofSeconds(5)), List.of(a.uri(), b.uri()), new SecureRandom());
  }

  @Test
  void stampThenUpgradeAfterConfirmationThenVerify() throws Exception {
    CalendarStamper stamper = stamper();
    CalendarStamper.StampResult stamped = stamper.stamp(DIGEST);
    assertTrue(stamped.failures().isEmpty());
    DetachedTimestampFile proof = DetachedTimestampFile.parse(stamped.proof().serialize());
    assertArrayEquals(DIGEST, proof.fileDigest());
    assertEquals(
        List.of(a.uri().toString(), b.uri().toString()).stream().sorted().toList(),
        proof.pendingCommitments().stream()
            .map(DetachedTimestampFile.PendingCommitment::calendarUri)
            .sorted()
            .toList());

    CalendarStamper.UpgradeResult early = stamper.upgrade(proof);
    assertFalse(early.changed());
    assertEquals(2, early.stillPending().size());
    UpgradeAnswer answer =
        client(Duration.ofSeconds(5)).getTimestamp(a.uri(), commitmentAt(proof, a));
    assertEquals(
        "Pending confirmation in Bitcoin blockchain", ((UpgradeAnswer.Pending) answer).message());

    BlockHeader header = a.confirm(840_000, 1_713_571_767L);
    CalendarStamper.UpgradeResult upgraded = stamper.upgrade(proof);
    assertTrue(upgraded.changed());
    assertEquals(List.of(b.uri().toString()), upgraded.stillPending());
    byte[] bytes = upgraded.proof().serialize();
    DetachedTimestampFile reparsed = DetachedTimestampFile.parse(bytes);
    assertArrayEquals(bytes, reparsed.serialize());

    VerificationReport report =
        new TimestampVerifier(
                h -> h == 840_000 ? Optional.of(header) : Optional.empty(), TestBlocks.EASY_LIMIT)
            .verify(reparsed, DIGEST);
    assertTrue(report.isConfirmed());
    assertEquals(Instant.ofEpochSecond(1_713_571_767L), report.provenTime().orElseThrow());
    assertEquals(
        2, report.pending().size(), "the reference keeps pending attestations after an upgrade");

    int asked = a.requests.get();
    stamper.upgrade(reparsed);
    assertEquals(asked, a.requests.get(), "a confirmed commitment is not asked for again");
  }

  @Test
  void severalCommitmentsInOneBlockEachGetTheirPath() throws Exception {
    CalendarStamper stamper = stamper();
    List<DetachedTimestampFile> proofs = new ArrayList<>();
    for (int i = 0; i < 3; i++) proofs.add(stamper.stamp(sha256("record " + i)).proof());
    BlockHeader header = a.confirm(7, 1_600_000_000L);
    TimestampVerifier verifier =
        new TimestampVerifier(h -> Optional.of(header), TestBlocks.EASY_LIMIT);
    for (DetachedTimestampFile p : proofs) {
      DetachedTimestampFile up = stamper.upgrade(p).proof();
      assertTrue(verifier.verify(up, p.fileDigest()).isConfirmed());
    }
  }

  @Test
  void aServerErrorIsTypedAndTheOtherCalendarStillCounts() throws Exception {
    a.mode = FakeCalendar.Mode.ERROR_500;
    CalendarException e =
        assertThrows(
            CalendarException.class, () -> client(Duration.ofSeconds(5)).submit(a.uri(), DIGEST));
    assertEquals(Reason.HTTP_STATUS, e.reason());
    CalendarStamper.StampResult result = stamper().stamp(DIGEST);
    assertEquals(List.of(a.uri()), List.copyOf(result.failures().keySet()));
    assertEquals(List.of(b.uri().toString()), uris(result.proof()));
    b.mode = FakeCalendar.Mode.ERROR_500;
    assertEquals(
        Reason.HTTP_STATUS,
        assertThrows(CalendarException.class, () -> stamper().stamp(DIGEST)).reason());
  }

  @Test
  void aSlowCalendarTimesOut() {
    a.mode = FakeCalendar.Mode.SLOW;
    a.delayMillis = 5000;
    long start = System.nanoTime();
    CalendarException e =
        assertThrows(
            CalendarException.class, () -> client(Duration.ofMillis(300)).submit(a.uri(), DIGEST));
    assertEquals(Reason.TIMEOUT, e.reason());
    assertTrue(
        System.nanoTime() - start < 4_000_000_000L, "gave up well before the calendar answered");
  }

  @Test
  void garbageAndOversizedAnswersAreRefused() throws Exception {
    CalendarClient client = client(Duration.ofSeconds(5));
    byte[] commitment = commitmentAt(stamper().stamp(DIGEST).proof(), a);
    a.mode = FakeCalendar.Mode.GARBAGE;
    assertEquals(
        Reason.BAD_RESPONSE,
        assertThrows(CalendarException.class, () -> client.submit(a.uri(), DIGEST)).reason());
    assertEquals(
        Reason.BAD_RESPONSE,
        assertThrows(CalendarException.class, () -> client.getTimestamp(a.uri(), commitment))
            .reason());
    a.mode = FakeCalendar.Mode.HUGE;
    assertEquals(
        Reason.TOO_LARGE,
        assertThrows(CalendarException.class, () -> client.submit(a.uri(), DIGEST)).reason());
  }

  @Test
  void aUrlNotOnTheAllowListIsNeverContacted() throws Exception {
    CalendarClient client = client(Duration.ofSeconds(5));
    assertEquals(
        Reason.NOT_ALLOWED,
        assertThrows(CalendarException.class, () -> client.submit(outsider.uri(), DIGEST))
            .reason());
    assertEquals(
        Reason.NOT_ALLOWED,
        assertThrows(CalendarException.class, () -> client.getTimestamp(outsider.uri(), DIGEST))
            .reason());
    assertThrows(
        IllegalArgumentException.class,
        () -> new CalendarStamper(client, List.of(outsider.uri()), new SecureRandom()));

    // A hostile proof: its pending attestation names the outsider.
    StampRequest request = StampRequest.forSha256(DIGEST, new SecureRandom());
    Timestamp answer =
        Timestamp.of(request.commitment())
            .withAttestation(new PendingAttestation(outsider.uri() + "/steal"));
    DetachedTimestampFile hostile = request.proof(List.of(answer));
    CalendarStamper.UpgradeResult result = stamper().upgrade(hostile);
    assertFalse(result.changed());
    assertEquals(Reason.NOT_ALLOWED, result.failures().get(outsider.uri() + "/steal").reason());
    assertEquals(0, outsider.requests.get());
  }

  @Test
  void redirectsAreNotFollowed() {
    a.mode = FakeCalendar.Mode.REDIRECT;
    a.redirectTo = outsider.uri();
    CalendarException e =
        assertThrows(
            CalendarException.class, () -> client(Duration.ofSeconds(5)).submit(a.uri(), DIGEST));
    assertEquals(Reason.HTTP_STATUS, e.reason());
    assertEquals(0, outsider.requests.get());
  }

  @Test
  void anUnreachableCalendarIsAnIoFailure() throws Exception {
    URI closed = outsider.uri();
    outsider.close();
    CalendarClient client = new CalendarClient(CalendarClient.Settings.of(List.of(closed)));
    CalendarException e =
        assertThrows(CalendarException.class, () -> client.submit(closed, DIGEST));
    assertTrue(e.reason() == Reason.IO || e.reason() == Reason.TIMEOUT, e.getMessage());
  }

  @Test
  void theAllowListComparesNormalisedUrls() {
    AllowList list =
        new AllowList(List.of(URI.create("https://Alice.btc.calendar.opentimestamps.org/")));
    assertTrue(list.allows(URI.create("https://alice.btc.calendar.opentimestamps.org")));
    assertTrue(list.allows(URI.create("https://alice.btc.calendar.opentimestamps.org:443/")));
    assertFalse(list.allows(URI.create("http://alice.btc.calendar.opentimestamps.org")));
    assertFalse(
        list.allows(URI.create("https://alice.btc.calendar.opentimestamps.org.evil.example")));
    assertFalse(list.allows(URI.create("https://alice.btc.calendar.opentimestamps.org/x")));
    assertFalse(list.allows(URI.create("https://user@alice.btc.calendar.opentimestamps.org")));
    assertFalse(list.allows(URI.create("https://alice.btc.calendar.opentimestamps.org/?a=b")));
    assertFalse(list.allows(URI.create("file:///etc/passwd")));
  }

  private static byte[] commitmentAt(DetachedTimestampFile proof, FakeCalendar calendar) {
    return proof.pendingCommitments().stream()
        .filter(p -> p.calendarUri().equals(calendar.uri().toString()))
        .findFirst()
        .orElseThrow()
        .commitment();
  }

  private static List<String> uris(DetachedTimestampFile proof) {
    return proof.pendingCommitments().stream()
        .map(DetachedTimestampFile.PendingCommitment::calendarUri)
        .toList();
  }

  static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
