package org.trialledger.registry.domain;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * What makes an upload acceptable as a PDF: the {@code %PDF-1.x}/{@code %PDF-2.0} header at the
 * start (the specification allows it within the first 1024 bytes) and an {@code %%EOF} marker in
 * the last 1024 bytes. A renamed Word file or image fails both; the file name and declared media
 * type are not trusted.
 */
public final class PdfDocument {
  public static final String MEDIA_TYPE = "application/pdf";

  private PdfDocument() {}

  /** Empty if acceptable, else the reason in words a user understands. */
  public static Optional<String> problem(byte[] bytes, long maxBytes) {
    if (bytes.length == 0) return Optional.of("The file is empty");
    if (bytes.length > maxBytes)
      return Optional.of("The file is larger than " + megabytes(maxBytes) + " MB");
    String head = new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.ISO_8859_1);
    int header = head.indexOf("%PDF-");
    if (header < 0 || !head.substring(header).matches("(?s)%PDF-[12]\\.\\d.*")) {
      return Optional.of("The file is not a PDF (it does not start with a PDF header)");
    }
    int tailStart = Math.max(0, bytes.length - 1024);
    String tail =
        new String(bytes, tailStart, bytes.length - tailStart, StandardCharsets.ISO_8859_1);
    if (!tail.contains("%%EOF"))
      return Optional.of(
          "The PDF is incomplete (no end-of-file marker): was the upload cut short?");
    return Optional.empty();
  }

  public static long megabytes(long bytes) {
    return bytes / (1024 * 1024);
  }

  /**
   * A safe file name to store and offer for download: no paths, no control or quoting characters.
   */
  public static String safeFileName(String name) {
    String base = name == null ? "" : name.replace('\\', '/');
    base =
        base.substring(base.lastIndexOf('/') + 1).replaceAll("[^\\p{L}\\p{N} ._()-]", "_").strip();
    if (base.isEmpty()) base = "document";
    if (base.length() > 150) base = base.substring(base.length() - 150);
    return base.toLowerCase(Locale.ROOT).endsWith(".pdf") ? base : base + ".pdf";
  }
}
