package org.trialledger.platform.web;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import org.trialledger.platform.AccessDeniedException;
import org.trialledger.platform.DatabaseUnavailable;
import org.trialledger.platform.NotFoundException;

/**
 * What a page request could not do, answered with an honest status instead of 500: an expired or
 * foreign view state is 400 (the friendly "page expired" text; an Ajax request is sent to reload
 * the page), an object the caller may not see is 404, one they may not change is 403, a database
 * that cannot serve the request now is 503 with {@code Retry-After} ({@link UnavailablePage}).
 * Anything else stays a 500.
 */
public class PageExceptions extends ExceptionHandlerFactory {
  /** Request attribute telling the 400 page that the view state was the problem. */
  public static final String EXPIRED = "org.trialledger.viewExpired";

  public PageExceptions(ExceptionHandlerFactory wrapped) {
    super(wrapped);
  }

  @Override
  public ExceptionHandler getExceptionHandler() {
    return new Handler(getWrapped().getExceptionHandler());
  }

  static final class Handler extends ExceptionHandlerWrapper {
    Handler(ExceptionHandler wrapped) {
      super(wrapped);
    }

    @Override
    public void handle() throws FacesException {
      FacesContext faces = FacesContext.getCurrentInstance();
      for (Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
          events.hasNext(); ) {
        Throwable cause = events.next().getContext().getException();
        if (DatabaseUnavailable.isCause(cause)
            && faces != null
            && !faces.getExternalContext().isResponseCommitted()) {
          events.remove();
          UnavailablePage.answer(faces);
          return;
        }
        while (cause.getCause() != null && !known(cause)) cause = cause.getCause();
        if (!known(cause) || faces == null || faces.getExternalContext().isResponseCommitted())
          continue;
        events.remove();
        answer(faces, cause);
        return;
      }
      getWrapped().handle();
    }

    private static boolean known(Throwable t) {
      return t instanceof ViewExpiredException
          || t instanceof NotFoundException
          || t instanceof AccessDeniedException;
    }

    private static void answer(FacesContext faces, Throwable cause) {
      ExternalContext external = faces.getExternalContext();
      if (cause instanceof ViewExpiredException && faces.getPartialViewContext().isAjaxRequest()) {
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        String query = request.getQueryString();
        try {
          external.redirect(request.getRequestURI() + (query == null ? "" : "?" + query));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        faces.responseComplete();
        return;
      }
      if (cause instanceof ViewExpiredException)
        external.getRequestMap().put(EXPIRED, Boolean.TRUE);
      int status =
          cause instanceof ViewExpiredException
              ? 400
              : cause instanceof NotFoundException ? 404 : 403;
      external.responseReset();
      ViewErrors.send(status, cause.getMessage());
    }
  }
}
