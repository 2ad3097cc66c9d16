package org.trialledger.anchoring.api;

import java.util.List;
import org.trialledger.anchoring.application.PublicStatus;
import org.trialledger.anchoring.store.Anchor;
import org.trialledger.anchoring.store.AnchorCalendar;

/** An anchor as the API shows it. */
public record AnchorView(
    long id,
    long treeSize,
    String stampedDigest,
    String stampedAt,
    String status,
    Long bitcoinHeight,
    String bitcoinBlockHash,
    String bitcoinTime,
    String confirmedAt,
    int upgradeAttempts,
    String nextUpgradeAt,
    boolean hasTsaToken,
    List<CalendarView> calendars,
    String otsUrl) {

  /**
   * One calendar's state for this anchor; its message as the public reads it ({@link
   * PublicStatus}).
   */
  public record CalendarView(String url, String state, String message, String at) {}

  static AnchorView of(Anchor a, List<AnchorCalendar> calendars) {
    return new AnchorView(
        a.getId(),
        a.getTreeSize(),
        a.getNoteSha256(),
        text(a.getStampedAt()),
        a.getStatus().name(),
        a.getBitcoinHeight(),
        a.getBitcoinBlockHash(),
        text(a.getBitcoinTime()),
        text(a.getConfirmedAt()),
        a.getUpgradeAttempts(),
        text(a.getNextUpgradeAt()),
        a.getTsaToken() != null,
        calendars.stream()
            .map(
                c ->
                    new CalendarView(
                        c.getCalendarUrl(),
                        c.getState(),
                        PublicStatus.of(c.getLastMessage()),
                        text(c.getLastAttemptAt())))
            .toList(),
        "/api/anchors/" + a.getId() + "/ots");
  }

  private static String text(Object o) {
    return o == null ? null : o.toString();
  }
}
