package org.trialledger.registry.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.trialledger.platform.Problem;
import org.trialledger.registry.domain.PdfDocument;

/**
 * Reads an uploaded body without ever holding more than the limit: a declared length over the limit
 * is refused before a byte is read, an undeclared one as soon as the limit is passed.
 */
final class PdfUpload {
  static final String MEDIA_TYPE = PdfDocument.MEDIA_TYPE;

  private PdfUpload() {}

  static byte[] read(InputStream body, Long declaredLength, long maxBytes) {
    if (declaredLength != null && declaredLength > maxBytes) throw tooLarge(maxBytes);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    try {
      int n;
      while ((n = body.read(buffer)) > 0) {
        if (out.size() + (long) n > maxBytes) throw tooLarge(maxBytes);
        out.write(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new WebApplicationException("The upload was interrupted", 400);
    }
    return out.toByteArray();
  }

  private static WebApplicationException tooLarge(long maxBytes) {
    String detail =
        "The file is larger than the limit of " + PdfDocument.megabytes(maxBytes) + " MB";
    return new WebApplicationException(
        detail,
        Response.status(413)
            .type(Problem.MEDIA_TYPE)
            .entity(new Problem(413, "Content Too Large", detail).toJson())
            .build());
  }
}
