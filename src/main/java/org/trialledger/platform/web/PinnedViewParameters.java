package org.trialledger.platform.web;

import jakarta.faces.component.UIViewParameter;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import jakarta.faces.view.ViewMetadata;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;

/**
 * The object a page shows is the one its first request named, and that request's checks still hold.
 *
 * <p>A page that loads an object by its address ({@code f:viewParam} plus {@code f:viewAction})
 * checks the caller's access when it loads. JSF re-applies view parameters on every postback but
 * runs the view action only on the first request; a postback to the same view under another id
 * would otherwise show or change the other object with nothing checked (issue 14 item 3). So a
 * postback whose address names a different value than the view holds is answered 404, before any
 * value or action of the request is applied. And a first request whose parameters do not convert (a
 * version "abc") is the client's error: 400, not 500.
 */
public class PinnedViewParameters implements PhaseListener {
  private static final long serialVersionUID = 1L;

  @Override
  public PhaseId getPhaseId() {
    return PhaseId.ANY_PHASE;
  }

  @Override
  public void afterPhase(PhaseEvent event) {
    FacesContext faces = event.getFacesContext();
    if (faces.getResponseComplete() || faces.getViewRoot() == null) return;
    // a view that could not be restored (expired, foreign, bogus) is the exception handler's:
    // PageExceptions
    if (faces.getExceptionHandler().getUnhandledExceptionQueuedEvents().iterator().hasNext())
      return;
    if (event.getPhaseId() == PhaseId.RESTORE_VIEW && faces.isPostback()) {
      if (ViewMetadata.getViewActions(faces.getViewRoot()).isEmpty()) return;
      Collection<UIViewParameter> parameters = ViewMetadata.getViewParameters(faces.getViewRoot());
      Map<String, String> request = faces.getExternalContext().getRequestParameterMap();
      for (UIViewParameter p : parameters) {
        String named = request.get(p.getName());
        if (named == null) continue; // the form's own address: the view keeps its value
        String held;
        try {
          held = p.getStringValueFromModel(faces);
        } catch (RuntimeException e) {
          held = null;
        }
        if (!Objects.equals(named, held)) {
          ViewErrors.send(404, "This page shows another " + p.getName());
          return;
        }
      }
    } else if (event.getPhaseId() == PhaseId.PROCESS_VALIDATIONS
        && !faces.isPostback()
        && faces.isValidationFailed()) {
      ViewErrors.send(400, "A parameter of the address is not valid");
    }
  }

  @Override
  public void beforePhase(PhaseEvent event) {}
}
