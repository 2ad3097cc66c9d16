package org.trialledger.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CountryCodeTest {
  private final CountryCode.Validator validator = new CountryCode.Validator();

  @ParameterizedTest
  @CsvSource({
    "DE, true",
    "GB, true",
    "US, true",
    "XX, false",
    "UK, false",
    "de, false",
    "DEU, false",
    "'', false",
    ", true"
  })
  void onlyCountriesThatExist(String code, boolean valid) {
    assertEquals(valid, validator.isValid(code, null), code);
  }
}
