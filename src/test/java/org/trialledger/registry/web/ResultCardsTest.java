package org.trialledger.registry.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialledger.registry.application.TrialSummary;

class ResultCardsTest {
  private static TrialSummary trial(
      String id,
      String title,
      String acronym,
      String sponsor,
      String recruitment,
      String phases,
      String start,
      String conditions,
      String status) {
    return new TrialSummary(
        id,
        title,
        acronym,
        sponsor,
        recruitment,
        phases,
        start,
        Instant.parse("2026-11-28T10:00:00Z"),
        conditions,
        status);
  }

  @Test
  void aCardHasTheTemplatesMarkupAndLabels() {
    String html =
        ResultCards.html(
            List.of(
                trial(
                    "TLR-2026-0001-7",
                    "Walking after a stroke",
                    "WALK",
                    "Helix Therapeutics",
                    "NOT_YET_RECRUITING",
                    "PHASE2,PHASE3",
                    "2026-03",
                    "Stroke, Hemiparesis",
                    "PUBLISHED")),
            "/ctx");
    assertEquals(
        "<li class=\"tl-card\">\n"
            + "<h2 class=\"tl-card-title\"><a href=\"/ctx/registry/trial.xhtml?id=TLR-2026-0001-7\">"
            + "Walking after a stroke</a> <span class=\"tl-hint\">(WALK)</span></h2>\n"
            + "<p class=\"tl-card-meta\"><a href=\"/ctx/registry/trial.xhtml?id=TLR-2026-0001-7\""
            + " class=\"tl-trial-link\">TLR-2026-0001-7</a> · Not yet recruiting · Phase 2/Phase 3"
            + " · starts 2026-03</p>\n"
            + "<p class=\"tl-card-meta\">Helix Therapeutics · Stroke, Hemiparesis</p>\n"
            + "</li>\n",
        html);
  }

  @Test
  void aWithdrawnTrialSaysSoInsteadOfItsRecruitmentAndEmptyFieldsLeaveNothing() {
    String html =
        ResultCards.html(
            List.of(trial("TLR-1", "T", "", null, "RECRUITING", null, "", null, "WITHDRAWN")), "");
    assertTrue(html.contains("</a> · <span class=\"tl-tag-danger\">Withdrawn</span></p>"), html);
    assertFalse(html.contains("Recruiting"), html);
    assertFalse(html.contains("tl-hint"), "no empty acronym: " + html);
    assertFalse(html.contains("starts"), html);
    assertTrue(html.contains("<p class=\"tl-card-meta\"></p>"), "null sponsor is no text: " + html);
  }

  @Test
  void hostileTextStaysTextInContentAndAttributes() {
    String hostile = "<script>alert(\"x\" & 'y')</script>";
    String html =
        ResultCards.html(
            List.of(
                trial(
                    "\"><script>alert(1)</script>",
                    hostile,
                    hostile,
                    hostile,
                    "<b>",
                    "<i>",
                    hostile,
                    hostile,
                    "PUBLISHED")),
            "/ctx\"onmouseover='x'");
    assertFalse(html.contains("<script"), html);
    assertFalse(html.contains("<b>") || html.contains("<i>"), html);
    String escaped = "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;";
    assertTrue(html.contains(">" + escaped + "</a>"), "the title: " + html);
    assertTrue(html.contains("(" + escaped + ")"), "the acronym: " + html);
    assertTrue(html.contains("starts " + escaped), html);
    assertTrue(html.contains(">" + escaped + " · " + escaped + "</p>"), "sponsor, conditions");
    // the id is URL-encoded in the link and escaped as its text; the context path is escaped too
    assertTrue(
        html.contains(
            "href=\"/ctx&quot;onmouseover=&#39;x&#39;/registry/trial.xhtml?id=%22%3E%3Cscript%3E"),
        html);
    assertTrue(html.contains(">&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</a>"), html);
    // every attribute is closed where the template closes it: no quote from the data survives
    assertEquals(
        html.replace("&quot;", "").chars().filter(c -> c == '"').count(),
        html.chars().filter(c -> c == '"').count());
  }

  @Test
  void ampersandsAreEscapedOnceAndNoRowsWriteNothing() {
    assertEquals("", ResultCards.html(List.of(), "/ctx"));
    String html =
        ResultCards.html(
            List.of(trial("A&B", "Salt & pepper &amp;", null, "S", null, null, null, null, "")),
            "");
    assertTrue(html.contains(">Salt &amp; pepper &amp;amp;</a>"), html);
    assertTrue(html.contains("?id=A%26B\""), html);
  }
}
