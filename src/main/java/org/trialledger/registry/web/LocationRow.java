package org.trialledger.registry.web;

import static org.trialledger.registry.web.FormText.allBlank;
import static org.trialledger.registry.web.FormText.trim;

import java.util.Locale;
import org.trialledger.registry.domain.RegistrationRecord.Location;

/** A location as form fields. */
public class LocationRow implements Rows.Row {
  private static final long serialVersionUID = 1L;
  private String facility, city, country, status;

  static LocationRow of(Location l) {
    LocationRow row = new LocationRow();
    row.facility = l.facility();
    row.city = l.city();
    row.country = l.country();
    row.status = l.status();
    return row;
  }

  Location toLocation() {
    return new Location(
        trim(facility),
        trim(city),
        country == null ? null : trim(country.toUpperCase(Locale.ROOT)),
        trim(status));
  }

  @Override
  public boolean isEmpty() {
    return allBlank(facility, city, country, status);
  }

  public String getFacility() {
    return facility;
  }

  public void setFacility(String v) {
    facility = v;
  }

  public String getCity() {
    return city;
  }

  public void setCity(String v) {
    city = v;
  }

  public String getCountry() {
    return country;
  }

  public void setCountry(String v) {
    country = v;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String v) {
    status = v;
  }
}
