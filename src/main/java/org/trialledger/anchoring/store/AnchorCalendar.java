package org.trialledger.anchoring.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * What one calendar last said about one anchor: PENDING, CONFIRMED (upgrade received) or FAILED.
 */
@Entity
@Table(name = "anchor_calendar")
public class AnchorCalendar {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "anchor_id", nullable = false, updatable = false)
  private long anchorId;

  @Column(name = "calendar_url", nullable = false, length = 300, updatable = false)
  private String calendarUrl;

  @Column(nullable = false, length = 16)
  private String state;

  @Column(name = "last_message", length = 1000)
  private String lastMessage;

  @Column(name = "last_attempt_at")
  private Instant lastAttemptAt;

  protected AnchorCalendar() {}

  public AnchorCalendar(
      long anchorId, String calendarUrl, String state, String message, Instant at) {
    this.anchorId = anchorId;
    this.calendarUrl = calendarUrl;
    update(state, message, at);
  }

  public void update(String state, String message, Instant at) {
    this.state = state;
    this.lastMessage =
        message == null || message.length() <= 1000 ? message : message.substring(0, 1000);
    this.lastAttemptAt = at;
  }

  public long getAnchorId() {
    return anchorId;
  }

  public String getCalendarUrl() {
    return calendarUrl;
  }

  public String getState() {
    return state;
  }

  public String getLastMessage() {
    return lastMessage;
  }

  public Instant getLastAttemptAt() {
    return lastAttemptAt;
  }
}
