package org.trialledger.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Holds a page back until it is complete (issue 21, docs/scaling.md). In a cluster the container
 * writes the session to the grid after the request; a page streamed out in 8 KB pieces before that
 * could be read and acted on by the browser (a click, a postback that reaches the other instance)
 * while the grid still has the previous session. With the whole page in the buffer, the browser
 * gets its first byte after the session is stored. Pages larger than the buffer still stream.
 */
@WebFilter(filterName = "WholePageBuffer", urlPatterns = "*.xhtml")
public class WholePageBuffer extends HttpFilter {
  private static final long serialVersionUID = 1L;
  static final int BYTES = 512 * 1024;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!response.isCommitted()) response.setBufferSize(BYTES);
    chain.doFilter(request, response);
  }
}
