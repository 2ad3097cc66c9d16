package org.trialledger.platform.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import java.io.IOException;
import java.util.Objects;
import org.primefaces.component.messages.Messages;
import org.primefaces.component.messages.MessagesRenderer;

/**
 * PrimeFaces' p:messages with markup a screen reader can use (WCAG 4.1.2, 1.3.1; axe-core's list
 * and link-name rules). PrimeFaces gives each {@code <li>} the role alert, which takes it out of
 * its list, and its close link has no text. Here the items stay list items (the container is
 * already a polite live region, so they are still announced) and the close link is named.
 */
public class AccessibleMessagesRenderer extends MessagesRenderer {

  @Override
  protected void encodeMessage(
      ResponseWriter writer,
      Messages component,
      FacesMessage message,
      String styleClassPrefix,
      boolean escape)
      throws IOException {
    writer.startElement("li", null);
    String summary = message.getSummary() != null ? message.getSummary() : "";
    String detail = message.getDetail() != null ? message.getDetail() : summary;
    if (component.isSkipDetailIfEqualsSummary() && Objects.equals(summary, detail)) detail = "";
    if (component.isShowSummary()) text(writer, styleClassPrefix + "-summary", summary, escape);
    if (component.isShowDetail()) text(writer, styleClassPrefix + "-detail", detail, escape);
    writer.endElement("li");
  }

  @Override
  protected void encodeCloseIcon(FacesContext context, Messages component) throws IOException {
    ResponseWriter writer = context.getResponseWriter();
    writer.startElement("a", null);
    writer.writeAttribute("href", "#", null);
    writer.writeAttribute("class", Messages.CLOSE_LINK_CLASS, null);
    writer.writeAttribute("aria-label", "Close these messages", null);
    // PrimeFaces' own handler; in CSP mode its writer moves it into the page's nonce'd script.
    writer.writeAttribute("onclick", "$(this).parent().slideUp();return false;", null);
    writer.startElement("span", null);
    writer.writeAttribute("class", Messages.CLOSE_ICON_CLASS, null);
    writer.writeAttribute("aria-hidden", "true", null);
    writer.endElement("span");
    writer.endElement("a");
  }

  private static void text(ResponseWriter writer, String styleClass, String text, boolean escape)
      throws IOException {
    writer.startElement("span", null);
    writer.writeAttribute("class", styleClass, null);
    if (escape) writer.writeText(text, null);
    else writer.write(text);
    writer.endElement("span");
  }
}
