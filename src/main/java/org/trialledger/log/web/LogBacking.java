package org.trialledger.log.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.trialledger.log.application.CheckpointView;
import org.trialledger.log.application.IntegrityAlarm;
import org.trialledger.log.application.LedgerLog;
import org.trialledger.log.application.LogSigner;

/**
 * The public page of the log: its head, its key, recent checkpoints and a chart of entries per
 * hour.
 */
@Named
@ViewScoped
public class LogBacking implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int CHART_HOURS = 48;
  private static final DateTimeFormatter HOUR =
      DateTimeFormatter.ofPattern("MM-dd HH:00").withZone(ZoneOffset.UTC);

  @Inject private LedgerLog log;
  @Inject private LogSigner signer;
  @Inject private Clock clock;
  @Inject private IntegrityAlarm alarm;

  private long treeSize;
  private long queued;
  private CheckpointView latest;
  private List<CheckpointView> checkpoints;
  private String chartJson;

  @PostConstruct
  void load() {
    treeSize = log.treeSize();
    queued = log.queuedCount();
    checkpoints = log.recentCheckpointViews(20);
    latest = checkpoints.isEmpty() ? null : checkpoints.get(0);
    chartJson = chart(log.entriesPerHour(clock.instant(), CHART_HOURS));
  }

  /** Chart.js configuration for PrimeFaces' p:chart. */
  static String chart(Map<Instant, Long> perHour) {
    JsonArrayBuilder labels = Json.createArrayBuilder();
    JsonArrayBuilder values = Json.createArrayBuilder();
    perHour.forEach(
        (hour, count) -> {
          labels.add(HOUR.format(hour));
          values.add(count);
        });
    return Json.createObjectBuilder()
        .add("type", "bar")
        .add(
            "data",
            Json.createObjectBuilder()
                .add("labels", labels)
                .add(
                    "datasets",
                    Json.createArrayBuilder()
                        .add(
                            Json.createObjectBuilder()
                                .add("label", "Entries queued per hour (UTC)")
                                .add("data", values)
                                .add("backgroundColor", "#0b5394"))))
        .add(
            "options",
            Json.createObjectBuilder()
                .add("responsive", true)
                .add("animation", false)
                .add(
                    "plugins",
                    Json.createObjectBuilder()
                        .add("legend", Json.createObjectBuilder().add("display", false)))
                .add(
                    "scales",
                    Json.createObjectBuilder()
                        .add(
                            "y",
                            Json.createObjectBuilder()
                                .add("beginAtZero", true)
                                .add("ticks", Json.createObjectBuilder().add("precision", 0)))))
        .build()
        .toString();
  }

  public long getTreeSize() {
    return treeSize;
  }

  public long getQueued() {
    return queued;
  }

  public CheckpointView getLatest() {
    return latest;
  }

  public List<CheckpointView> getCheckpoints() {
    return checkpoints;
  }

  public String getChartJson() {
    return chartJson;
  }

  public String getVkey() {
    return signer.vkey();
  }

  /** Set while the integrator refuses to extend a head that no checkpoint signs; else null. */
  public IntegrityAlarm.Alarm getAlarm() {
    return alarm.head().orElse(null);
  }

  public String getOrigin() {
    return signer.origin();
  }
}
