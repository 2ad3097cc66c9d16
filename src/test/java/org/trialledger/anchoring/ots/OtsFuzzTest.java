package org.trialledger.anchoring.ots;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Thousands of damaged real proofs: only OtsFormatException, never a hang, and what is accepted
 * round-trips.
 */
class OtsFuzzTest {
  @Test
  void damagedProofsAreRefusedCleanlyOrRoundTrip() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () -> {
          Mutations mutations = new Mutations(20240601L);
          int accepted = 0;
          int refused = 0;
          for (int i = 0; i < 20_000; i++) {
            byte[] input = mutations.next();
            try {
              DetachedTimestampFile p = DetachedTimestampFile.parse(input);
              assertArrayEquals(
                  input,
                  p.serialize(),
                  () -> "accepted but changed: " + HexFormat.of().formatHex(input));
              accepted++;
            } catch (OtsFormatException e) {
              refused++;
            } catch (RuntimeException | Error e) {
              fail("unchecked " + e + " on " + HexFormat.of().formatHex(input), e);
            }
            try {
              DetachedTimestampFile canonical = DetachedTimestampFile.parseCanonical(input);
              assertArrayEquals(input, canonical.serialize());
              assertArrayEquals(input, canonical.canonicalBytes());
            } catch (OtsFormatException e) {
              // refused cleanly
            } catch (RuntimeException | Error e) {
              fail("unchecked " + e + " (canonical) on " + HexFormat.of().formatHex(input), e);
            }
          }
          assertTrue(
              accepted > 100 && refused > 1000, accepted + " accepted, " + refused + " refused");
        });
  }

  @Test
  void randomCalendarAnswersAreRefusedCleanly() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(30),
        () -> {
          Random random = new Random(7);
          byte[] commitment = new byte[32];
          for (int i = 0; i < 20_000; i++) {
            byte[] answer = new byte[random.nextInt(64)];
            random.nextBytes(answer);
            if (answer.length > 0 && random.nextBoolean())
              answer[0] = (byte) (random.nextBoolean() ? 0x00 : 0xf0);
            try {
              assertArrayEquals(answer, Timestamp.parse(answer, commitment).serialize());
            } catch (OtsFormatException e) {
              // refused cleanly
            } catch (RuntimeException | Error e) {
              fail("unchecked " + e + " on " + HexFormat.of().formatHex(answer), e);
            }
          }
        });
  }
}
