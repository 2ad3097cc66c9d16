package org.trialledger.platform.web;

import jakarta.faces.model.SelectItem;
import java.util.List;

/**
 * The {@code <option>} elements of a plain HTML select, written in one go. The public search page
 * offers 250 countries: as a {@code ui:repeat} each option cost three EL evaluations (one of them a
 * request-scoped bean through its CDI proxy), and a JFR profile of the search page under load
 * showed Faces and EL taking three quarters of its CPU (docs/benchmarks.md). Values and labels are
 * escaped; the selected value is only compared, never written.
 */
public final class OptionTags {
  private final List<String> values;
  private final List<String> openings;
  private final List<String> closings;

  private OptionTags(List<SelectItem> items) {
    values = items.stream().map(i -> String.valueOf(i.getValue())).toList();
    openings = values.stream().map(v -> "<option value=\"" + Html.escape(v) + '"').toList();
    closings = items.stream().map(i -> '>' + Html.escape(i.getLabel()) + "</option>").toList();
  }

  /** The options escaped once, for a list that does not change (the countries). */
  public static OptionTags prepare(List<SelectItem> items) {
    return new OptionTags(items);
  }

  public static String of(List<SelectItem> items, String selected) {
    return prepare(items).render(selected);
  }

  public String render(String selected) {
    StringBuilder html = new StringBuilder(values.size() * 48);
    for (int i = 0; i < values.size(); i++) {
      html.append(openings.get(i));
      if (values.get(i).equals(selected)) html.append(" selected=\"selected\"");
      html.append(closings.get(i));
    }
    return html.toString();
  }
}
