package org.trialledger.log.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.trialledger.ledger.merkle.TilePath;
import org.trialledger.log.application.LogTiles;
import org.trialledger.platform.NotFoundException;

/**
 * The log under the prefix {@code /log} as C2SP tlog-tiles ({@code /log/checkpoint}, {@code
 * /log/tile/<L>/<N>[.p/<W>]}, {@code /log/tile/entries/<N>[.p/<W>]}), so that monitors, mirrors and
 * witnesses read it with standard clients and any HTTP cache can hold it. Public and read-only: no
 * session, no cookie, any origin may read it.
 */
@WebServlet(urlPatterns = {"/log/checkpoint", "/log/tile/*"})
public class TileServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final String IMMUTABLE = "public, max-age=31536000, immutable";

  @Inject private LogTiles tiles;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setHeader("Access-Control-Allow-Origin", "*");
    response.setHeader("X-Content-Type-Options", "nosniff");
    String path = request.getServletPath().substring("/log/".length());
    if (request.getPathInfo() != null) path += request.getPathInfo();
    try {
      if (path.equals("checkpoint")) {
        // Mutable: a cache may hold it for a moment, never serve an old head for long.
        send(response, "text/plain; charset=utf-8", "public, max-age=5", checkpoint());
        return;
      }
      Optional<TilePath> tile = TilePath.parse(path);
      Optional<byte[]> body = tile.flatMap(tiles::read);
      if (body.isEmpty()) {
        notFound(response, tile.isEmpty() ? "Not a tile name" : "No such tile in the signed tree");
        return;
      }
      if (tile.get().isEntries() && acceptsGzip(request)) {
        response.setHeader("Content-Encoding", "gzip");
        response.setHeader("Vary", "Accept-Encoding");
        response.setContentType("application/octet-stream");
        response.setHeader("Cache-Control", IMMUTABLE);
        try (OutputStream out = new GZIPOutputStream(response.getOutputStream())) {
          out.write(body.get());
        }
        return;
      }
      send(response, "application/octet-stream", IMMUTABLE, body.get());
    } catch (NotFoundException e) {
      notFound(response, "The log has no checkpoint yet");
    }
  }

  private byte[] checkpoint() {
    return tiles.checkpoint().getBytes(StandardCharsets.UTF_8);
  }

  private static boolean acceptsGzip(HttpServletRequest request) {
    String accept = request.getHeader("Accept-Encoding");
    return accept != null
        && accept.toLowerCase().matches(".*\\bgzip\\b(?!\\s*;\\s*q=0(\\.0*)?\\b).*");
  }

  private static void send(HttpServletResponse response, String type, String cache, byte[] body)
      throws IOException {
    response.setContentType(type);
    response.setHeader("Cache-Control", cache);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** A problem document; not cached, since the tile may exist after the next checkpoint. */
  private static void notFound(HttpServletResponse response, String detail) throws IOException {
    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    send(
        response,
        "application/problem+json",
        "no-store",
        ("{\"title\":\"Not found\",\"status\":404,\"detail\":\"" + detail + "\"}")
            .getBytes(StandardCharsets.UTF_8));
  }
}
