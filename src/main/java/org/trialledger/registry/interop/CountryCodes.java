package org.trialledger.registry.interop;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * ISO 3166-1 alpha-2 codes for the country names ClinicalTrials.gov writes. The JDK's English names
 * cover most countries; the table below adds CT.gov's own spellings where they differ ("Korea,
 * Republic of") and gives the spelling the exporter writes back. Names match without regard to case
 * or accents.
 */
final class CountryCodes {
  /** CT.gov spelling first for each code: that one is exported. */
  private static final String[][] CTGOV_NAMES = {
    {"US", "United States", "USA", "United States of America"},
    {"GB", "United Kingdom", "UK", "Great Britain"},
    {"KR", "Korea, Republic of", "South Korea", "Republic of Korea"},
    {"KP", "Korea, Democratic People's Republic of", "North Korea"},
    {"RU", "Russian Federation", "Russia"},
    {"IR", "Iran, Islamic Republic of", "Iran"},
    {"TW", "Taiwan"},
    {"HK", "Hong Kong"},
    {"MO", "Macao", "Macau"},
    {"CZ", "Czechia", "Czech Republic"},
    {"TR", "Turkey (Türkiye)", "Turkey", "Türkiye"},
    {"VN", "Vietnam", "Viet Nam"},
    {"SY", "Syrian Arab Republic", "Syria"},
    {"MD", "Moldova, Republic of", "Moldova"},
    {"TZ", "Tanzania", "Tanzania, United Republic of"},
    {"VE", "Venezuela", "Venezuela, Bolivarian Republic of"},
    {"BO", "Bolivia", "Bolivia, Plurinational State of"},
    {"CD", "Congo, The Democratic Republic of the", "Democratic Republic of the Congo"},
    {"CG", "Congo", "Republic of the Congo"},
    {"CI", "Côte D'Ivoire", "Ivory Coast"},
    {"LA", "Lao People's Democratic Republic", "Laos"},
    {"LY", "Libya", "Libyan Arab Jamahiriya"},
    {"MK", "North Macedonia", "Macedonia, The Former Yugoslav Republic of"},
    {"PS", "Palestinian Territory, occupied", "Palestine", "Palestinian Territories"},
    {"BN", "Brunei Darussalam", "Brunei"},
    {"FM", "Micronesia, Federated States of"},
    {"VI", "Virgin Islands (U.S.)"},
    {"VA", "Holy See (Vatican City State)", "Vatican City"},
    {"SZ", "Eswatini", "Swaziland"},
    {"MM", "Myanmar", "Burma"},
    {"CV", "Cabo Verde", "Cape Verde"},
    {"NL", "Netherlands", "The Netherlands"},
  };

  private static final Map<String, String> BY_NAME = new HashMap<>();
  private static final Map<String, String> NAME_OF = new LinkedHashMap<>();

  static {
    for (String code : Locale.getISOCountries()) {
      String name = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
      BY_NAME.put(key(name), code);
      NAME_OF.put(code, name);
    }
    for (String[] row : CTGOV_NAMES) {
      for (int i = 1; i < row.length; i++) BY_NAME.put(key(row[i]), row[0]);
      NAME_OF.put(row[0], row[1]);
    }
  }

  private CountryCodes() {}

  /** The code of a country name, or null when the name is not known. */
  static String code(String name) {
    return name == null ? null : BY_NAME.get(key(name));
  }

  /**
   * The name to write for a code: CT.gov's spelling where it has its own, else the English name.
   */
  static String name(String code) {
    return NAME_OF.getOrDefault(code, code);
  }

  private static String key(String name) {
    String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return plain.replace('\u2019', '\'').replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
  }
}
