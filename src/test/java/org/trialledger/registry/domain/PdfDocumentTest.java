package org.trialledger.registry.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PdfDocumentTest {
  static final byte[] PDF =
      "%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);

  @Test
  void aPdfIsAccepted() {
    assertTrue(PdfDocument.problem(PDF, 1_000).isEmpty());
  }

  @Test
  void aRenamedFileTooLargeFileEmptyFileOrTruncatedPdfIsRefusedWithAReason() {
    assertEquals(
        "The file is not a PDF (it does not start with a PDF header)",
        PdfDocument.problem(
                "PK\u0003\u0004 word document".getBytes(StandardCharsets.ISO_8859_1), 1_000)
            .orElseThrow());
    assertEquals("The file is empty", PdfDocument.problem(new byte[0], 1_000).orElseThrow());
    assertTrue(PdfDocument.problem(PDF, 10).orElseThrow().startsWith("The file is larger than"));
    byte[] truncated = Arrays.copyOf(PDF, PDF.length - 7);
    assertTrue(PdfDocument.problem(truncated, 1_000).orElseThrow().contains("incomplete"));
  }

  @Test
  void fileNamesLoseTheirPathsAndQuotes() {
    assertEquals(
        "evil.pdf.pdf", PdfDocument.safeFileName("../../etc/evil.pdf\u0000").replace("_", ""));
    assertEquals("protocol_v2_.pdf", PdfDocument.safeFileName("C:\\docs\\protocol\"v2\".pdf"));
    assertEquals("document.pdf", PdfDocument.safeFileName(null));
  }
}
