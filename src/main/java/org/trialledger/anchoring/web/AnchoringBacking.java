package org.trialledger.anchoring.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.trialledger.anchoring.application.AnchorStore;
import org.trialledger.anchoring.application.Anchoring;
import org.trialledger.anchoring.application.AnchoringSettings;
import org.trialledger.anchoring.application.BitcoinHeaders;
import org.trialledger.anchoring.application.PublicStatus;
import org.trialledger.anchoring.headersource.HeaderQuorum;
import org.trialledger.anchoring.store.Anchor;
import org.trialledger.anchoring.store.AnchorAttempt;
import org.trialledger.anchoring.store.AnchorCalendar;
import org.trialledger.platform.web.FacesActions;

/**
 * The anchoring page: a timeline of stamps and confirmations, each anchor's status, calendars and
 * attempts.
 */
@Named
@RequestScoped
public class AnchoringBacking {
  private static final DateTimeFormatter LABEL =
      DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);

  @Inject private AnchorStore store;
  @Inject private Anchoring anchoring;
  @Inject private AnchoringSettings settings;
  @Inject private BitcoinHeaders bitcoin;

  private List<Row> rows;

  /** An anchor with its calendars, for the table. */
  public record Row(Anchor anchor, List<AnchorCalendar> calendars) {}

  /** An instant as people read it, the zone stated. */
  public String utc(java.time.Instant instant) {
    return org.trialledger.platform.web.ReadableTime.utc(instant);
  }

  /** A stored failure as the public reads it (see {@link PublicStatus}). */
  public String plain(String message) {
    return PublicStatus.of(message);
  }

  public List<Row> getRows() {
    if (rows == null) {
      rows = new ArrayList<>();
      for (Anchor a : store.anchors(100)) rows.add(new Row(a, store.calendars(a.getId())));
    }
    return rows;
  }

  public List<AnchorAttempt> getAttempts() {
    return store.recentAttempts(20);
  }

  public List<String> getCalendars() {
    return settings.calendars().stream().map(Object::toString).toList();
  }

  public int getMinCalendars() {
    return settings.minCalendars();
  }

  public String getHeaderSource() {
    return bitcoin.describe();
  }

  /**
   * Each header source's last verdict, then the last refusal of every source that gave a header the
   * rules refused: the page names a lying source.
   */
  public List<HeaderQuorum.SourceState> getHeaderSourceStates() {
    return bitcoin.quorum().map(HeaderQuorum::states).orElse(List.of());
  }

  public List<HeaderQuorum.SourceState> getHeaderSourceRefusals() {
    return bitcoin.quorum().map(HeaderQuorum::refusals).orElse(List.of());
  }

  /**
   * Chart.js: checkpoint sizes stamped over time, and the Bitcoin block height of each
   * confirmation.
   */
  public String getTimelineJson() {
    List<Row> chronological = new ArrayList<>(getRows());
    Collections.reverse(chronological);
    JsonArrayBuilder labels = Json.createArrayBuilder();
    JsonArrayBuilder sizes = Json.createArrayBuilder();
    JsonArrayBuilder heights = Json.createArrayBuilder();
    for (Row r : chronological) {
      labels.add(LABEL.format(r.anchor().getStampedAt()));
      sizes.add(r.anchor().getTreeSize());
      if (r.anchor().getBitcoinHeight() == null) heights.addNull();
      else heights.add(r.anchor().getBitcoinHeight());
    }
    return Json.createObjectBuilder()
        .add("type", "line")
        .add(
            "data",
            Json.createObjectBuilder()
                .add("labels", labels)
                .add(
                    "datasets",
                    Json.createArrayBuilder()
                        .add(
                            Json.createObjectBuilder()
                                .add("label", "Checkpoint size stamped")
                                .add("data", sizes)
                                .add("borderColor", "#0b5394")
                                .add("backgroundColor", "#0b5394")
                                .add("yAxisID", "y")
                                .add("stepped", true))
                        .add(
                            Json.createObjectBuilder()
                                .add("label", "Confirmed in Bitcoin block")
                                .add("data", heights)
                                .add("borderColor", "#f7931a")
                                .add("backgroundColor", "#f7931a")
                                .add("showLine", false)
                                .add("pointRadius", 6)
                                .add("yAxisID", "y1"))))
        .add(
            "options",
            Json.createObjectBuilder()
                .add("responsive", true)
                .add("animation", false)
                .add(
                    "scales",
                    Json.createObjectBuilder()
                        .add(
                            "y",
                            Json.createObjectBuilder()
                                .add("position", "left")
                                .add("beginAtZero", true)
                                .add(
                                    "title",
                                    Json.createObjectBuilder()
                                        .add("display", true)
                                        .add("text", "log size")))
                        .add(
                            "y1",
                            Json.createObjectBuilder()
                                .add("position", "right")
                                .add(
                                    "grid",
                                    Json.createObjectBuilder().add("drawOnChartArea", false))
                                .add(
                                    "title",
                                    Json.createObjectBuilder()
                                        .add("display", true)
                                        .add("text", "Bitcoin height")))))
        .build()
        .toString();
  }

  public void stampNow() {
    Anchoring.StampOutcome outcome = anchoring.stampNewest(false);
    if (outcome.stamped()) FacesActions.info(outcome.message());
    else FacesActions.error(outcome.message());
    rows = null;
  }

  public void upgradeNow() {
    FacesActions.info(anchoring.upgradeDue(true) + " anchor(s) upgraded");
    rows = null;
  }
}
