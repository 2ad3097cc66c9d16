package org.trialledger.registry.domain;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * A calendar date that may name only a month, as registries publish them: {@code 2023-11} or {@code
 * 2023-11-05}. Kept as its text so that it hashes exactly as entered.
 */
public record PartialDate(String value) implements Comparable<PartialDate>, Serializable {
  private static final Pattern FORMAT = Pattern.compile("\\d{4}-\\d{2}(-\\d{2})?");

  public PartialDate {
    if (value == null || !FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "A date is YYYY-MM or YYYY-MM-DD, e.g. 2023-11 or 2023-11-05");
    }
    try {
      if (value.length() == 7) {
        YearMonth.parse(value);
      } else {
        LocalDate.parse(value);
      }
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("Not a real calendar date: " + value);
    }
  }

  public static PartialDate of(String value) {
    return value == null || value.isBlank() ? null : new PartialDate(value.strip());
  }

  /** The first day the date can mean, for ordering and range checks. */
  public LocalDate earliest() {
    return value.length() == 7 ? YearMonth.parse(value).atDay(1) : LocalDate.parse(value);
  }

  @Override
  public int compareTo(PartialDate other) {
    return earliest().compareTo(other.earliest());
  }

  @Override
  public String toString() {
    return value;
  }
}
