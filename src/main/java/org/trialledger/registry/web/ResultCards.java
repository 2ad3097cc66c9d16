package org.trialledger.registry.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.trialledger.platform.web.Html;
import org.trialledger.registry.application.TrialSummary;

/**
 * The public search's result cards as HTML, written in one go. As a {@code ui:repeat} each card was
 * a dozen components with an EL expression or two each (a third of the page's CPU under load,
 * docs/benchmarks.md "Where the page's time went"); here a card is a few string appends. Every
 * value from the database is escaped ({@link Html#escape}), in text and in attributes alike.
 */
final class ResultCards {
  private ResultCards() {}

  /** The {@code <li>} cards of {@code rows}, in order; links start at {@code contextPath}. */
  static String html(List<TrialSummary> rows, String contextPath) {
    StringBuilder html = new StringBuilder(rows.size() * 640);
    for (TrialSummary t : rows) card(html, t, contextPath);
    return html.toString();
  }

  /** A trial's public page, as an attribute value (escaped). */
  static String trialHref(String contextPath, String registryId) {
    return Html.escape(
        contextPath
            + "/registry/trial.xhtml?id="
            + URLEncoder.encode(registryId == null ? "" : registryId, StandardCharsets.UTF_8));
  }

  private static void card(StringBuilder html, TrialSummary t, String contextPath) {
    String href = trialHref(contextPath, t.registryId());
    html.append("<li class=\"tl-card\">\n<h2 class=\"tl-card-title\"><a href=\"")
        .append(href)
        .append("\">")
        .append(Html.escape(t.publicTitle()))
        .append("</a>");
    if (filled(t.acronym())) {
      html.append(" <span class=\"tl-hint\">(").append(Html.escape(t.acronym())).append(")</span>");
    }
    html.append("</h2>\n<p class=\"tl-card-meta\"><a href=\"")
        .append(href)
        .append("\" class=\"tl-trial-link\">")
        .append(Html.escape(t.registryId()))
        .append("</a>");
    if ("WITHDRAWN".equals(t.status())) {
      html.append(" · <span class=\"tl-tag-danger\">Withdrawn</span>");
    } else if (filled(t.recruitmentStatus())) {
      html.append(" · ").append(Html.escape(RegistryOptions.constantLabel(t.recruitmentStatus())));
    }
    if (filled(t.phases())) {
      html.append(" · ").append(Html.escape(RegistryOptions.phasesLabelOf(t.phases())));
    }
    if (filled(t.startDate())) html.append(" · starts ").append(Html.escape(t.startDate()));
    html.append("</p>\n<p class=\"tl-card-meta\">").append(Html.escape(t.sponsorName()));
    if (filled(t.conditions())) html.append(" · ").append(Html.escape(t.conditions()));
    html.append("</p>\n</li>\n");
  }

  /** EL's {@code not empty} for a string, as the template had it. */
  private static boolean filled(String s) {
    return s != null && !s.isEmpty();
  }
}
