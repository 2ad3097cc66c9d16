package org.trialledger.platform.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.trialledger.platform.AccessDeniedException;
import org.trialledger.platform.NotFoundException;

/**
 * A file a page links to (a document, an export): served under {@code /files/…} to the logged-in
 * person, with the session, while the same file under {@code /api} needs the program's own
 * credentials. Only GET: nothing here changes state, so a link another site plants can fetch
 * nothing the visitor could not. Subclasses resolve the path and ask their context's service, which
 * checks role and organisation.
 */
public abstract class DownloadServlet extends HttpServlet {

  /** What to send back. */
  public record Download(byte[] content, String contentType, String fileName) {}

  /**
   * The file named by these path segments (after the servlet's own path), for this request's
   * caller.
   */
  protected abstract Download resolve(List<String> segments, HttpServletRequest request);

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String info = request.getPathInfo() == null ? "" : request.getPathInfo();
    List<String> segments = Arrays.stream(info.split("/")).filter(s -> !s.isEmpty()).toList();
    Download download;
    try {
      download = resolve(segments, request);
    } catch (NotFoundException | AccessDeniedException e) {
      // Another organisation's file is "not found", as on the pages: its existence is not revealed.
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    } catch (IllegalArgumentException e) {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST);
      return;
    }
    response.setContentType(download.contentType());
    response.setContentLength(download.content().length);
    response.setHeader(
        "Content-Disposition",
        "attachment; filename=\"" + safeFileName(download.fileName()) + "\"");
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.getOutputStream().write(download.content());
  }

  /** A file name that cannot break out of the header's quotes or carry control characters. */
  static String safeFileName(String name) {
    String safe = name == null ? "" : name.replaceAll("[^A-Za-z0-9._ -]", "_").strip();
    return safe.isEmpty() ? "download" : safe;
  }

  /** The segment as a positive number, or a 400. */
  protected static long number(String segment) {
    try {
      long n = Long.parseLong(segment);
      if (n > 0) return n;
    } catch (NumberFormatException ignored) {
      // answered below
    }
    throw new IllegalArgumentException("not a positive number: " + segment);
  }
}
