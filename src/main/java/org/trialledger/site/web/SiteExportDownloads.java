package org.trialledger.site.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.trialledger.platform.NotFoundException;
import org.trialledger.platform.web.DownloadServlet;
import org.trialledger.security.application.CurrentActor;
import org.trialledger.site.application.SiteExports;

/**
 * {@code /files/site-exports/{registryId}/odm|fhir}: a trial's clinical-data exports for the
 * sponsor or regulator reading the sites page (pseudonyms only; the service checks role and
 * organisation).
 */
@WebServlet("/files/site-exports/*")
public class SiteExportDownloads extends DownloadServlet {
  @Inject private CurrentActor actor;
  @Inject private SiteExports exports;

  @Override
  protected Download resolve(List<String> segments, HttpServletRequest request) {
    if (segments.size() != 2) throw new NotFoundException("No such export");
    String registryId = segments.get(0);
    return switch (segments.get(1)) {
      case "odm" ->
          new Download(
              utf8(exports.odm(actor.caller(), registryId)),
              "application/xml",
              registryId + "-odm.xml");
      case "fhir" ->
          new Download(
              utf8(exports.fhir(actor.caller(), registryId)),
              "application/fhir+json",
              registryId + "-fhir.json");
      default -> throw new NotFoundException("No such export");
    };
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
