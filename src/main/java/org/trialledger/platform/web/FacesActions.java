package org.trialledger.platform.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.util.function.Supplier;
import org.trialledger.platform.AccessDeniedException;
import org.trialledger.platform.NotFoundException;
import org.trialledger.platform.RuleViolationException;

/**
 * Runs a page action and turns what the services refuse into messages on the page, so that beans
 * stay thin and a refused request never reaches the error page.
 */
public final class FacesActions {
  private FacesActions() {}

  /**
   * Runs {@code action}; on success shows {@code done} and returns true, else shows why and returns
   * false.
   */
  public static boolean run(Runnable action, String done) {
    return attempt(
            () -> {
              action.run();
              return Boolean.TRUE;
            },
            done)
        != null;
  }

  /** Like {@link #run} but hands back the action's result, or null when it was refused. */
  public static <T> T attempt(Supplier<T> action, String done) {
    try {
      T result = action.get();
      if (done != null) info(done);
      return result;
    } catch (ConstraintViolationException e) {
      for (ConstraintViolation<?> v : e.getConstraintViolations()) error(v.getMessage());
    } catch (RuleViolationException | NotFoundException | AccessDeniedException e) {
      error(e.getMessage());
    }
    return null;
  }

  public static void info(String message) {
    add(FacesMessage.SEVERITY_INFO, message);
  }

  public static void warn(String message) {
    add(FacesMessage.SEVERITY_WARN, message);
  }

  public static void error(String message) {
    add(FacesMessage.SEVERITY_ERROR, message);
  }

  private static void add(FacesMessage.Severity severity, String message) {
    FacesContext faces = FacesContext.getCurrentInstance();
    // a redirect after the action carries it to the next page: MessagesAcrossRedirects
    faces.addMessage(null, new FacesMessage(severity, message, null));
  }
}
