package org.trialledger.registry.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.trialledger.platform.NotFoundException;
import org.trialledger.platform.web.DownloadServlet;
import org.trialledger.registry.application.TrialDocuments;
import org.trialledger.security.application.CurrentActor;

/**
 * {@code /files/documents/{registryId}/{documentId}}: a trial's PDF for the logged-in reader of a
 * page.
 */
@WebServlet("/files/documents/*")
public class DocumentDownloads extends DownloadServlet {
  @Inject private CurrentActor actor;
  @Inject private TrialDocuments documents;

  @Override
  protected Download resolve(List<String> segments, HttpServletRequest request) {
    if (segments.size() != 2) throw new NotFoundException("No such document");
    TrialDocuments.DocumentFile file =
        documents.file(actor.caller(), segments.get(0), number(segments.get(1)));
    return new Download(file.content(), "application/pdf", file.fileName());
  }
}
