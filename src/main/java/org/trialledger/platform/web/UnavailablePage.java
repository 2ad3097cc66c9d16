package org.trialledger.platform.web;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.trialledger.platform.DatabaseUnavailable;

/**
 * A page request the database could not serve: 503 with {@code Retry-After} and the friendly "try
 * again shortly" page ({@code /error/503.xhtml}), never the 500 page. An Ajax request cannot show
 * an error page, so the browser is sent to it.
 */
public final class UnavailablePage {
  public static final String LOCATION = "/error/503.xhtml";

  private UnavailablePage() {}

  static void answer(FacesContext faces) {
    ExternalContext external = faces.getExternalContext();
    external.responseReset();
    if (faces.getPartialViewContext().isAjaxRequest()) {
      try {
        external.redirect(external.getRequestContextPath() + LOCATION);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      faces.responseComplete();
      return;
    }
    external.setResponseHeader(
        "Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
    ViewErrors.send(HttpServletResponse.SC_SERVICE_UNAVAILABLE, DatabaseUnavailable.DETAIL);
  }
}
