package org.trialledger.results.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialledger.results.domain.ResultsRecord.Category;
import org.trialledger.results.domain.ResultsRecord.Group;
import org.trialledger.results.domain.ResultsRecord.GroupCount;
import org.trialledger.results.domain.ResultsRecord.MeasureClass;
import org.trialledger.results.domain.ResultsRecord.Measurement;
import org.trialledger.results.domain.ResultsRecord.Milestone;
import org.trialledger.results.domain.ResultsRecord.OutcomeMeasure;
import org.trialledger.results.domain.ResultsRecord.ParticipantFlow;
import org.trialledger.results.domain.ResultsRecord.Period;

class ResultsChartsTest {
  static ResultsRecord demo() throws Exception {
    try (InputStream in =
        ResultsChartsTest.class.getResourceAsStream("/results/helix-pso-results.json")) {
      return ResultsRecord.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void theFlowDiagramDrawsABoxPerMilestoneAndGroupWithItsCount() throws Exception {
    String svg = FlowDiagram.svg(demo().participantFlow(), "f");
    assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), svg);
    assertTrue(
        svg.contains("role=\"img\"") && svg.contains("aria-labelledby=\"f-title f-desc\""), svg);
    assertTrue(svg.contains("<title id=\"f-title\">Participant flow</title>"), svg);
    assertEquals(6, count(svg, "<rect "), "3 milestones × 2 groups");
    assertTrue(svg.contains(">n = 60<") && svg.contains(">n = 52<"), svg);
    assertTrue(
        svg.contains("Helixumab: Started n = 60, Completed n = 55"),
        "the description reads the numbers");
    assertTrue(svg.contains(">Not completed<") && !svg.contains("STARTED"), "codes read as words");
    assertFalse(svg.contains("style="), "CSP: classes, no style attributes");
  }

  @Test
  void textFromTheRecordIsEscaped() {
    ParticipantFlow f =
        new ParticipantFlow(
            null,
            null,
            null,
            List.of(new Group("FG000", "<script>alert('x')</script> & co", null, null)),
            List.of(
                new Period(
                    "P \"1\"",
                    List.of(
                        new Milestone(
                            "STARTED", null, List.of(new GroupCount("FG000", 3, null, null)))),
                    List.of())));
    String svg = FlowDiagram.svg(f, "x\"y");
    assertFalse(svg.contains("<script"), svg);
    assertTrue(svg.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co"), svg);
    assertTrue(svg.contains("P &quot;1&quot;"), svg);
    assertTrue(svg.contains("id=\"x&quot;y-title\""), svg);
  }

  @Test
  void nothingToDrawGivesNoChart() {
    assertNull(FlowDiagram.svg(null, "f"));
    assertNull(FlowDiagram.svg(new ParticipantFlow(null, null, null, List.of(), List.of()), "f"));
    OutcomeMeasure text = outcome("NA", null, null, null, "STANDARD_DEVIATION");
    assertNull(OutcomeChart.svg(text, "o"), "no numeric value");
  }

  @Test
  void outcomeValuesGetErrorBarsFromTheirSpread() {
    OutcomeMeasure o = outcome("10.5", "2.5", null, null, "STANDARD_DEVIATION");
    List<OutcomeChart.Point> points = OutcomeChart.points(o);
    assertEquals(2, points.size());
    assertEquals("8.0", points.get(0).low().toPlainString());
    assertEquals("13.0", points.get(0).high().toPlainString());
    String svg = OutcomeChart.svg(o, "o1");
    assertEquals(2, count(svg, "<circle "));
    assertEquals(6, count(svg, "class=\"tl-chart-error\""), "a bar and two caps per point");
    assertTrue(svg.contains("<title id=\"o1-title\">Score (points)</title>"), svg);
    assertTrue(svg.contains("A: 10.5 (standard deviation 8.0 to 13.0)"), svg);
  }

  @Test
  void limitsAreUsedAsTheyAreForIntervalsAndRanges() {
    OutcomeMeasure o = outcome("3", null, "1.5", "4.25", "CONFIDENCE_95");
    OutcomeChart.Point p = OutcomeChart.points(o).get(0);
    assertEquals("1.5", p.low().toPlainString());
    assertEquals("4.25", p.high().toPlainString());
    OutcomeMeasure missing = outcome("3", null, "NA", "4.25", "INTER_QUARTILE_RANGE");
    assertNull(OutcomeChart.points(missing).get(0).low(), "no bar when a limit is not a number");
  }

  @Test
  void theDemoPrimaryOutcomeIsDrawnFromZero() throws Exception {
    String svg = OutcomeChart.svg(demo().outcomeMeasures().get(0), "p");
    assertEquals(2, count(svg, "<circle "));
    assertTrue(svg.contains(">0<"), "counts start at zero: " + svg);
    assertTrue(svg.contains(">41<") && svg.contains(">6<"), svg);
  }

  private static OutcomeMeasure outcome(
      String value, String spread, String lo, String hi, String dispersion) {
    List<Group> groups =
        List.of(new Group("OG000", "A", null, "A"), new Group("OG001", "B", null, "B"));
    Category c =
        new Category(
            null,
            List.of(
                new Measurement("OG000", value, spread, lo, hi, null),
                new Measurement("OG001", value, spread, lo, hi, null)));
    return new OutcomeMeasure(
        ResultsRecord.OutcomeType.PRIMARY,
        "Score",
        null,
        null,
        null,
        null,
        "MEAN",
        dispersion,
        "points",
        "Week 4",
        null,
        groups,
        List.of(),
        List.of(new MeasureClass(null, List.of(), List.of(c))),
        List.of());
  }

  static int count(String s, String part) {
    int n = 0;
    for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) n++;
    return n;
  }
}
