package org.trialledger.results.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.trialledger.results.domain.ResultsRecord.Category;
import org.trialledger.results.domain.ResultsRecord.Group;
import org.trialledger.results.domain.ResultsRecord.MeasureClass;
import org.trialledger.results.domain.ResultsRecord.Measurement;
import org.trialledger.results.domain.ResultsRecord.OutcomeMeasure;

/**
 * An outcome measure as an inline SVG dot plot: one row per category and group with the value as a
 * dot and, where the dispersion gives one, an error bar (value ± spread, or the lower and upper
 * limits). Only numeric values are drawn; the measure's table shows every value as entered.
 */
public final class OutcomeChart {
  static final double LEFT = 200, PLOT = 360, RIGHT = 90, ROW = 26, TOP = 16, AXIS = 34;

  private OutcomeChart() {}

  /** One dot (and its bar) of the chart. */
  record Point(String label, BigDecimal value, BigDecimal low, BigDecimal high) {}

  /** The SVG, or null when the measure has no numeric value. */
  public static String svg(OutcomeMeasure m, String id) {
    List<Point> points = points(m);
    if (points.isEmpty()) return null;
    double min = Double.MAX_VALUE, max = -Double.MAX_VALUE;
    for (Point p : points) {
      for (BigDecimal v : new BigDecimal[] {p.value(), p.low(), p.high()})
        if (v != null) {
          min = Math.min(min, v.doubleValue());
          max = Math.max(max, v.doubleValue());
        }
    }
    if (min > 0 && min < max * 0.5) min = 0; // counts and percentages read best from zero
    if (max == min) {
      max = max + (max == 0 ? 1 : Math.abs(max) * 0.1);
      min = min - (min == 0 ? 0 : Math.abs(min) * 0.1);
    }
    double lo = min, span = max - min;
    double height = TOP + points.size() * ROW + AXIS;
    StringBuilder b = new StringBuilder();
    String unit = m.unitOfMeasure() == null ? "" : m.unitOfMeasure();
    Svg.open(
        b,
        id,
        LEFT + PLOT + RIGHT,
        height,
        (m.title() == null ? "Outcome measure" : m.title())
            + (unit.isEmpty() ? "" : " (" + unit + ")"),
        describe(m, points) + " The outcome measure's table gives every value as reported.");
    double axisY = TOP + points.size() * ROW + 4;
    Svg.line(b, LEFT, axisY, LEFT + PLOT, axisY, "tl-chart-axis");
    for (int t = 0; t <= 4; t++) {
      double v = lo + span * t / 4;
      double x = LEFT + PLOT * t / 4;
      Svg.line(b, x, TOP - 4, x, axisY + 4, "tl-chart-grid");
      Svg.text(b, x, axisY + 18, "tl-chart-tick", "middle", tick(v, span));
    }
    for (int i = 0; i < points.size(); i++) {
      Point p = points.get(i);
      double y = TOP + i * ROW + ROW / 2;
      Svg.text(b, LEFT - 8, y + 4, "tl-chart-label", "end", Svg.fit(p.label(), 30));
      if (p.low() != null && p.high() != null) {
        double x1 = x(p.low(), lo, span), x2 = x(p.high(), lo, span);
        Svg.line(b, x1, y, x2, y, "tl-chart-error");
        Svg.line(b, x1, y - 6, x1, y + 6, "tl-chart-error");
        Svg.line(b, x2, y - 6, x2, y + 6, "tl-chart-error");
      }
      double x = x(p.value(), lo, span);
      b.append("<circle cx=\"")
          .append(Svg.n(x))
          .append("\" cy=\"")
          .append(Svg.n(y))
          .append("\" r=\"5\" class=\"tl-chart-dot tl-chart-series-")
          .append(i % 6)
          .append("\"/>");
      Svg.text(b, LEFT + PLOT + 8, y + 4, "tl-chart-value", "start", p.value().toPlainString());
    }
    return b.append("</svg>").toString();
  }

  private static double x(BigDecimal v, double lo, double span) {
    return LEFT + PLOT * (v.doubleValue() - lo) / span;
  }

  private static String tick(double v, double span) {
    int scale = span >= 10 ? 0 : span >= 1 ? 1 : 3;
    return BigDecimal.valueOf(v).setScale(scale, java.math.RoundingMode.HALF_EVEN).toPlainString();
  }

  static List<Point> points(OutcomeMeasure m) {
    List<Point> out = new ArrayList<>();
    boolean limits = limits(m.dispersionType());
    int classes = m.classes().size();
    for (MeasureClass c : m.classes())
      for (Category cat : c.categories())
        for (Group g : m.groups()) {
          Measurement v = measurement(cat, g.id());
          if (v == null) continue;
          BigDecimal value = Svg.number(v.value());
          if (value == null) continue;
          BigDecimal low = null, high = null;
          BigDecimal spread = Svg.number(v.spread());
          if (!limits && spread != null) {
            low = value.subtract(spread.abs());
            high = value.add(spread.abs());
          } else if (limits) {
            low = Svg.number(v.lowerLimit());
            high = Svg.number(v.upperLimit());
            if (low == null || high == null) low = high = null;
          }
          List<String> label = new ArrayList<>();
          if (classes > 1 && c.title() != null) label.add(c.title());
          if (cat.title() != null && !cat.title().isBlank()) label.add(cat.title());
          label.add(g.title());
          out.add(new Point(String.join(" · ", label), value, low, high));
        }
    return out;
  }

  /** Dispersion types that give limits rather than a spread (ClinicalTrials.gov's names). */
  public static boolean limits(String dispersionType) {
    if (dispersionType == null) return false;
    String d = dispersionType.toUpperCase(Locale.ROOT);
    return d.contains("RANGE") || d.startsWith("CONFIDENCE");
  }

  static Measurement measurement(Category c, String groupId) {
    for (Measurement m : c.measurements())
      if (groupId != null && groupId.equals(m.groupId())) return m;
    return null;
  }

  private static String describe(OutcomeMeasure m, List<Point> points) {
    List<String> parts = new ArrayList<>();
    String disp =
        m.dispersionType() == null
            ? ""
            : m.dispersionType().toLowerCase(Locale.ROOT).replace('_', ' ');
    for (Point p : points)
      parts.add(
          p.label()
              + ": "
              + p.value().toPlainString()
              + (p.low() == null
                  ? ""
                  : " ("
                      + disp
                      + " "
                      + p.low().toPlainString()
                      + " to "
                      + p.high().toPlainString()
                      + ")"));
    return (m.paramType() == null
            ? ""
            : m.paramType().toLowerCase(Locale.ROOT).replace('_', ' ') + " per group. ")
        + String.join("; ", parts)
        + ".";
  }
}
