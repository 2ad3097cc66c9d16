package org.trialledger.platform.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * A date typed as YYYY-MM-DD, read strictly: 1975-02-30 is refused, not moved to 2 March as a
 * lenient parser would. The message names the field by its label, never by its component id.
 */
@FacesConverter("tl.isoDate")
public class IsoDateConverter implements Converter<LocalDate> {
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

  @Override
  public LocalDate getAsObject(FacesContext context, UIComponent component, String value) {
    if (value == null || value.isBlank()) return null;
    String text = value.strip();
    try {
      return LocalDate.parse(text, ISO);
    } catch (DateTimeParseException e) {
      String message =
          label(component)
              + ": "
              + (text.matches("\\d{4}-\\d{2}-\\d{2}")
                  ? text + " is not a real calendar date"
                  : "write the date as YYYY-MM-DD, e.g. 2026-03-14");
      throw new ConverterException(
          new FacesMessage(FacesMessage.SEVERITY_ERROR, message, message), e);
    }
  }

  @Override
  public String getAsString(FacesContext context, UIComponent component, LocalDate value) {
    return value == null ? "" : value.toString();
  }

  private static String label(UIComponent component) {
    Object label = component.getAttributes().get("label");
    return label == null || label.toString().isBlank() ? "Date" : label.toString();
  }
}
