package org.trialledger.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.primefaces.model.file.UploadedFile;

/**
 * Reads an uploaded file for a page action; an interrupted upload becomes a message, not an error
 * page.
 */
public final class Uploads {
  private Uploads() {}

  public static Optional<byte[]> bytes(UploadedFile file) {
    try (InputStream in = file.getInputStream()) {
      return Optional.of(in.readAllBytes());
    } catch (IOException e) {
      FacesActions.error("The upload was interrupted; please try again");
      return Optional.empty();
    }
  }
}
