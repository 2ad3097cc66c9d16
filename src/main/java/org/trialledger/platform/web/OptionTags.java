package org.trialledger.platform.web;

import jakarta.faces.model.SelectItem;
import java.util.List;
import java.util.Objects;

/**
 * The {@code <option>} elements of a plain HTML select, written in one go. The public search page
 * offers 250 countries: as a {@code ui:repeat} each option cost three EL evaluations (one of them a
 * request-scoped bean through its CDI proxy), and a JFR profile of the search page under load
 * showed Faces and EL taking three quarters of its CPU (docs/benchmarks.md). Values and labels are
 * escaped; the selected value is only compared, never written.
 */
public final class OptionTags {
  private OptionTags() {}

  public static String of(List<SelectItem> items, String selected) {
    StringBuilder html = new StringBuilder(items.size() * 48);
    for (SelectItem item : items) {
      String value = String.valueOf(item.getValue());
      html.append("<option value=\"").append(escape(value)).append('"');
      if (Objects.equals(value, selected)) html.append(" selected=\"selected\"");
      html.append('>').append(escape(item.getLabel())).append("</option>");
    }
    return html.toString();
  }

  static String escape(String s) {
    if (s == null) return "";
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
