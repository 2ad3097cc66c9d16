package org.trialledger.verification.offline;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes bytes that must be UTF-8 text, refusing (not replacing) what is not, and saying where: a
 * bundle is signed text, and a silently replaced byte would make it another text.
 */
final class Utf8Text {
  private Utf8Text() {}

  /** A file or member that is not UTF-8 text. */
  static final class NotUtf8Exception extends IllegalArgumentException {
    NotUtf8Exception(String message) {
      super(message);
    }
  }

  /**
   * @param what how to name the input in the message, e.g. the file's path
   * @throws NotUtf8Exception naming {@code what} and the offset of the first bad byte
   */
  static String decode(byte[] bytes, String what) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult r = decoder.decode(in, out, true);
    if (r.isUnderflow()) r = decoder.flush(out);
    if (r.isError()) {
      throw new NotUtf8Exception(
          what
              + " is not UTF-8 text: byte "
              + in.position()
              + String.format(" (0x%02x)", bytes[in.position()] & 0xff)
              + " is not valid UTF-8");
    }
    return out.flip().toString();
  }
}
