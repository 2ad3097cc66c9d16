package org.trialledger.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Bounds every request body the API reads before any resource parses it, and requires UTF-8 of it:
 * 4 MiB, except PDFs, whose uploads enforce the configured document limit themselves. A declared
 * length over the limit is refused at once; a body without one (chunked) is cut off where it
 * crosses the limit. Either way the caller gets 413.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class BodySizeLimit implements ContainerRequestFilter {
  static final long MAX_BYTES = 4L * 1024 * 1024;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!request.hasEntity()) return;
    MediaType type = request.getMediaType();
    if (type != null && "application".equals(type.getType()) && "pdf".equals(type.getSubtype()))
      return;
    if (request.getLength() > MAX_BYTES) throw tooLarge();
    byte[] body;
    try (InputStream in = new Capped(request.getEntityStream(), MAX_BYTES)) {
      body = in.readAllBytes();
    } catch (IOException e) {
      throw new WebApplicationException(
          "The request body could not be read", Response.Status.BAD_REQUEST);
    }
    // JSON and text are UTF-8 (RFC 8259): a malformed sequence would otherwise be replaced by
    // U+FFFD
    // without a word, and the caller would get back something other than what it sent.
    if (!isUtf8(body))
      throw new WebApplicationException(
          "The request body is not valid UTF-8", Response.Status.BAD_REQUEST);
    request.setEntityStream(new ByteArrayInputStream(body));
  }

  static boolean isUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  static WebApplicationException tooLarge() {
    return new WebApplicationException(
        "The request body is larger than " + MAX_BYTES / (1024 * 1024) + " MiB",
        Response.Status.REQUEST_ENTITY_TOO_LARGE);
  }

  /** Reads at most {@code max} bytes, then fails instead of reading on. */
  private static final class Capped extends FilterInputStream {
    private long left;

    Capped(InputStream in, long max) {
      super(in);
      this.left = max;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0 && --left < 0) throw tooLarge();
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, (int) Math.min(length, left + 1));
      if (n > 0 && (left -= n) < 0) throw tooLarge();
      return n;
    }
  }
}
