package org.trialledger.ledger.entry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.trialledger.ledger.Hash;

class LedgerEntryTest {
  private static final LedgerEntry ENTRY =
      new LedgerEntry(
          LedgerEntry.Kind.HASH,
          "PROTOCOL_VERSION",
          "TLR-00000042-3",
          2,
          Hash.ofHex("03ba204e50d126e4674c005e04d82e84c21366780af1f43bd54a37816b6ab340"),
          Instant.parse("2026-11-24T10:15:30.123Z"));

  @Test
  void knownAnswer() {
    // docs/ledger-format.md, worked example: the same bytes, field by field. The time in
    // milliseconds:
    //   echo $(( $(date -u -d 2026-11-24T10:15:30Z +%s) * 1000 + 123 ))   →  1795515330123
    String expected =
        "01"
            + "00"
            + "0010"
            + hex("PROTOCOL_VERSION")
            + "000e"
            + hex("TLR-00000042-3")
            + "00000002"
            + "03ba204e50d126e4674c005e04d82e84c21366780af1f43bd54a37816b6ab340"
            + String.format("%016x", 1795515330123L);
    assertEquals(expected, HexFormat.of().formatHex(ENTRY.encode()));
    assertEquals(ENTRY, LedgerEntry.decode(ENTRY.encode()));
  }

  @Test
  void strictDecoding() {
    byte[] bytes = ENTRY.encode();
    assertThrows(
        LedgerEntry.MalformedEntryException.class,
        () -> LedgerEntry.decode(Arrays.copyOf(bytes, bytes.length + 1)));
    assertThrows(
        LedgerEntry.MalformedEntryException.class,
        () -> LedgerEntry.decode(Arrays.copyOf(bytes, bytes.length - 1)));
    byte[] version = bytes.clone();
    version[0] = 2;
    assertThrows(LedgerEntry.MalformedEntryException.class, () -> LedgerEntry.decode(version));
    byte[] kind = bytes.clone();
    kind[1] = 7;
    assertThrows(LedgerEntry.MalformedEntryException.class, () -> LedgerEntry.decode(kind));
    byte[] type = bytes.clone();
    type[4] = 'p'; // lower case is not a type
    assertThrows(LedgerEntry.MalformedEntryException.class, () -> LedgerEntry.decode(type));
    assertThrows(LedgerEntry.MalformedEntryException.class, () -> LedgerEntry.decode(new byte[0]));
  }

  @Test
  void refusesInvalidFields() {
    Hash h = ENTRY.contentHash();
    Instant t = ENTRY.queuedAt();
    assertThrows(
        IllegalArgumentException.class,
        () -> new LedgerEntry(LedgerEntry.Kind.HASH, "bad type", "x", 1, h, t));
    assertThrows(
        IllegalArgumentException.class,
        () -> new LedgerEntry(LedgerEntry.Kind.HASH, "T", "", 1, h, t));
    assertThrows(
        IllegalArgumentException.class,
        () -> new LedgerEntry(LedgerEntry.Kind.HASH, "T", "x", 0, h, t));
    assertThrows(
        IllegalArgumentException.class,
        () -> new LedgerEntry(LedgerEntry.Kind.HASH, "T", "x", 1, h, t.plusNanos(1)));
  }

  private static String hex(String s) {
    return HexFormat.of().formatHex(s.getBytes(StandardCharsets.UTF_8));
  }
}
