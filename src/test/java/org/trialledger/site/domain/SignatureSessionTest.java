package org.trialledger.site.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialledger.site.domain.SignatureSession.PasswordCheck;
import org.trialledger.site.domain.SignatureSession.SigningRefusedException;

class SignatureSessionTest {
  private static final char[] RIGHT = "correct horse".toCharArray();
  private final List<String> checkedUsers = new ArrayList<>();
  private final PasswordCheck check =
      (user, password) -> {
        checkedUsers.add(user);
        return user.equals("emuster") && new String(password).equals("correct horse");
      };
  private Instant now = Instant.parse("2025-03-10T12:00:00Z");
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };
  private final SignatureSession session =
      new SignatureSession("emuster", clock, Duration.ofMinutes(15));

  private Manifestation sign(String username, char[] password) {
    return session.sign(username, password, check, "Dr. Erika Mustermann", SignatureMeaning.AUTHOR);
  }

  @Test
  void firstSigningNeedsBothComponentsLaterOnlyThePassword() {
    assertTrue(session.needsBothComponents());
    assertThrows(SigningRefusedException.class, () -> sign(null, RIGHT));
    assertTrue(checkedUsers.isEmpty(), "no password check without the user name");
    Manifestation first = sign("emuster", RIGHT);
    assertEquals("emuster", first.signer());
    assertEquals(now, first.signedAt());
    assertEquals(SignatureMeaning.AUTHOR, first.meaning());
    assertFalse(session.needsBothComponents());
    now = now.plusSeconds(60);
    assertEquals(now, sign(null, RIGHT).signedAt());
    assertEquals(now, sign("", RIGHT).signedAt());
  }

  @Test
  void aWrongPasswordBreaksContinuity() {
    sign("emuster", RIGHT);
    assertThrows(SigningRefusedException.class, () -> sign(null, "guess".toCharArray()));
    assertTrue(session.needsBothComponents());
    assertThrows(SigningRefusedException.class, () -> sign(null, RIGHT));
    sign("emuster", RIGHT);
  }

  @Test
  void aLongPauseOrLogoutBreaksContinuity() {
    sign("emuster", RIGHT);
    now = now.plus(Duration.ofMinutes(16));
    assertTrue(session.needsBothComponents());
    assertThrows(SigningRefusedException.class, () -> sign(null, RIGHT));
    sign("emuster", RIGHT);
    session.end();
    assertThrows(SigningRefusedException.class, () -> sign(null, RIGHT));
  }

  @Test
  void onlyTheLoggedInUserCanSign() {
    var e =
        assertThrows(
            SigningRefusedException.class, () -> sign("colleague", "correct horse".toCharArray()));
    assertTrue(e.getMessage().contains("only as yourself"), e.getMessage());
    sign("emuster", RIGHT);
    assertThrows(SigningRefusedException.class, () -> sign("colleague", RIGHT));
    assertTrue(session.needsBothComponents());
  }

  @Test
  void locksAfterThreeFailures() {
    for (int i = 0; i < SignatureSession.MAX_FAILURES; i++) {
      assertThrows(SigningRefusedException.class, () -> sign("emuster", "nope".toCharArray()));
    }
    assertTrue(session.locked());
    assertThrows(SigningRefusedException.class, () -> sign("emuster", RIGHT));
  }

  @Test
  void successResetsTheFailureCount() {
    assertThrows(SigningRefusedException.class, () -> sign("emuster", "nope".toCharArray()));
    assertThrows(SigningRefusedException.class, () -> sign("emuster", "nope".toCharArray()));
    sign("emuster", RIGHT);
    assertThrows(SigningRefusedException.class, () -> sign(null, "nope".toCharArray()));
    assertFalse(session.locked());
  }
}
