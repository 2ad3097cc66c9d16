package org.trialledger.platform.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Carries the messages of an action that ends in a redirect ("Registered as a draft") to the page
 * the redirect opens, through the session.
 *
 * <p>JSF's own way, the flash with {@code keepMessages}, keeps them in the memory of the instance
 * that handled the action (Mojarra's flash map lives in the application, only its key travels in a
 * cookie). In a cluster without stickiness the redirected request often reaches the other instance,
 * which has no such map: the message was lost ({@code JSF1094} in the log, docs/scaling.md). The
 * session is in the cluster's grid and is stored before the redirect leaves (WholePageBuffer), so
 * messages put there reach whichever instance renders the next page.
 */
public class MessagesAcrossRedirects implements PhaseListener {
  private static final long serialVersionUID = 1L;
  static final String KEY = MessagesAcrossRedirects.class.getName();

  /** One message and the component it belongs to (null: the page). */
  record Carried(String clientId, FacesMessage message) implements Serializable {}

  @Override
  public PhaseId getPhaseId() {
    return PhaseId.ANY_PHASE;
  }

  @Override
  public void beforePhase(PhaseEvent event) {
    if (event.getPhaseId() != PhaseId.RENDER_RESPONSE) return;
    FacesContext faces = event.getFacesContext();
    if (faces.getExternalContext().getSession(false) == null) return;
    @SuppressWarnings("unchecked")
    List<Carried> carried = (List<Carried>) faces.getExternalContext().getSessionMap().remove(KEY);
    if (carried == null) return;
    for (Carried c : carried) faces.addMessage(c.clientId(), c.message());
  }

  @Override
  public void afterPhase(PhaseEvent event) {
    FacesContext faces = event.getFacesContext();
    // a rendered page shows its messages itself; only a response that ends early (a redirect)
    // leaves them to the next page
    if (!faces.getResponseComplete() || event.getPhaseId() == PhaseId.RENDER_RESPONSE) return;
    List<Carried> carried = new ArrayList<>();
    for (Iterator<String> ids = faces.getClientIdsWithMessages(); ids.hasNext(); ) {
      String clientId = ids.next();
      for (Iterator<FacesMessage> m = faces.getMessages(clientId); m.hasNext(); ) {
        carried.add(new Carried(clientId, m.next()));
      }
    }
    if (carried.isEmpty()) return;
    Map<String, Object> session = faces.getExternalContext().getSessionMap();
    @SuppressWarnings("unchecked")
    List<Carried> earlier = (List<Carried>) session.get(KEY);
    if (earlier != null) carried.addAll(0, earlier);
    // put again (not changed in place): the grid stores an attribute when it is set
    session.put(KEY, carried);
  }
}
