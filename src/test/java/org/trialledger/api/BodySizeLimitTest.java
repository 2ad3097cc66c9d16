package org.trialledger.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BodySizeLimitTest {
  @Test
  void onlyWellFormedUtf8IsText() {
    assertTrue(
        BodySizeLimit.isUtf8("{\"title\":\"Charité – ✓ 😀\"}".getBytes(StandardCharsets.UTF_8)));
    assertFalse(
        BodySizeLimit.isUtf8(new byte[] {'"', (byte) 0xc3, '(', '"'}),
        "a lead byte without its continuation");
    assertFalse(
        BodySizeLimit.isUtf8(new byte[] {(byte) 0xc0, (byte) 0xaf}), "an overlong encoding of '/'");
    assertFalse(
        BodySizeLimit.isUtf8(new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}),
        "an encoded surrogate");
    assertFalse(BodySizeLimit.isUtf8("Charité".getBytes(StandardCharsets.ISO_8859_1)), "Latin-1");
  }
}
