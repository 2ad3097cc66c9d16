package org.trialledger.results.domain;

import java.util.ArrayList;
import java.util.List;
import org.trialledger.results.domain.ResultsRecord.Group;
import org.trialledger.results.domain.ResultsRecord.GroupCount;
import org.trialledger.results.domain.ResultsRecord.Milestone;
import org.trialledger.results.domain.ResultsRecord.ParticipantFlow;
import org.trialledger.results.domain.ResultsRecord.Period;

/**
 * The participant flow as an inline SVG diagram: one column per group, each period's milestones as
 * boxes from top to bottom with the number of participants, joined by arrows. Styling comes from
 * CSS classes (the strict CSP forbids style attributes); the same numbers are in the flow table
 * beside it, which the chart's description points to.
 */
public final class FlowDiagram {
  static final double COL = 190,
      BOX_W = 170,
      BOX_H = 44,
      GAP = 22,
      HEAD = 40,
      PERIOD = 26,
      PAD = 10;

  private FlowDiagram() {}

  /** The SVG, or null when there is nothing to draw. */
  public static String svg(ParticipantFlow flow, String id) {
    if (flow == null || flow.groups().isEmpty() || flow.periods().isEmpty()) return null;
    List<Group> groups = flow.groups();
    double height = HEAD;
    for (Period p : flow.periods()) height += PERIOD + p.milestones().size() * (BOX_H + GAP);
    double width = PAD * 2 + groups.size() * COL;
    StringBuilder b = new StringBuilder();
    Svg.open(
        b,
        id,
        width,
        height + PAD,
        "Participant flow",
        describe(flow) + " The participant flow table gives the same numbers.");
    for (int g = 0; g < groups.size(); g++)
      Svg.text(
          b,
          PAD + g * COL + BOX_W / 2,
          24,
          "tl-chart-head",
          "middle",
          Svg.fit(groups.get(g).title(), 24));
    double y = HEAD;
    for (Period p : flow.periods()) {
      Svg.text(b, PAD, y + 17, "tl-chart-period", "start", Svg.fit(p.title(), 60));
      y += PERIOD;
      for (int m = 0; m < p.milestones().size(); m++) {
        Milestone ms = p.milestones().get(m);
        for (int g = 0; g < groups.size(); g++) {
          double x = PAD + g * COL;
          Svg.rect(b, x, y, BOX_W, BOX_H, "tl-chart-box tl-chart-" + kind(ms.type()));
          Svg.text(
              b,
              x + BOX_W / 2,
              y + 18,
              "tl-chart-label",
              "middle",
              Svg.fit(Milestone.label(ms.type()), 26));
          Svg.text(
              b, x + BOX_W / 2, y + 36, "tl-chart-value", "middle", count(ms, groups.get(g).id()));
          if (m + 1 < p.milestones().size())
            Svg.line(b, x + BOX_W / 2, y + BOX_H, x + BOX_W / 2, y + BOX_H + GAP, "tl-chart-arrow");
        }
        y += BOX_H + GAP;
      }
    }
    return b.append("</svg>").toString();
  }

  private static String kind(String type) {
    if (type == null) return "other";
    return switch (type.strip().toUpperCase(java.util.Locale.ROOT)) {
      case Milestone.STARTED -> "started";
      case Milestone.COMPLETED -> "completed";
      case Milestone.NOT_COMPLETED -> "not-completed";
      default -> "other";
    };
  }

  static String count(Milestone m, String groupId) {
    for (GroupCount c : m.achievements())
      if (groupId != null && groupId.equals(c.groupId()) && c.numSubjects() != null)
        return "n = " + c.numSubjects();
    return "not given";
  }

  /** One sentence per period and group, for screen readers. */
  static String describe(ParticipantFlow flow) {
    List<String> parts = new ArrayList<>();
    for (Period p : flow.periods())
      for (Group g : flow.groups()) {
        List<String> ms = new ArrayList<>();
        for (Milestone m : p.milestones())
          ms.add(Milestone.label(m.type()) + " " + count(m, g.id()));
        parts.add(
            (p.title() == null ? "" : p.title() + ", ")
                + g.title()
                + ": "
                + String.join(", ", ms)
                + ".");
      }
    return String.join(" ", parts);
  }
}
