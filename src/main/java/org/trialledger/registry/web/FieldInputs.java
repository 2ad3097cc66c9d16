package org.trialledger.registry.web;

import jakarta.el.ELContext;
import jakarta.el.ELException;
import jakarta.el.ValueExpression;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIInput;
import jakarta.faces.component.visit.VisitContext;
import jakarta.faces.component.visit.VisitHint;
import jakarta.faces.component.visit.VisitResult;
import jakarta.faces.context.FacesContext;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.trialledger.registry.domain.FieldError;
import org.trialledger.registry.domain.FieldLabels;
import org.trialledger.registry.domain.UnsavedInput;

/**
 * The registration form's inputs by record path: each input of a {@code tl:} tag carries its path
 * in the attribute {@value #PATH} (with the row index inside a list, {@code
 * primaryOutcomes[0].measure}). Reads what the user typed, puts kept text back, and marks the
 * inputs a field error belongs to, so that a message appears at the field rather than only at the
 * top of a long page.
 */
final class FieldInputs {
  static final String PATH = "recordPath";

  /** A field error as the summary at the top shows it: the link goes to the input. */
  public record Marked(String label, String message, String clientId) implements Serializable {}

  private FieldInputs() {}

  /** The text of every input, by record path. */
  static Map<String, String> texts(UIComponent form) {
    Map<String, String> out = new LinkedHashMap<>();
    each(
        form,
        (path, input) -> {
          Object v = input.getValue();
          if (v != null && !v.toString().isBlank()) out.put(path, v.toString());
        });
    return out;
  }

  /** Puts kept text back into the inputs' model (text inputs; a number input keeps its value). */
  static void restore(UIComponent form, Map<String, String> texts) {
    ELContext el = FacesContext.getCurrentInstance().getELContext();
    each(
        form,
        (path, input) -> {
          String text = texts.get(path);
          ValueExpression value = input.getValueExpression("value");
          if (text == null || value == null) return;
          try {
            value.setValue(el, text);
          } catch (ELException e) {
            // not text (the sample size): what was typed there could not have been kept anyway
          }
        });
  }

  /**
   * Adds each error as a message of the input it belongs to and marks the input invalid (which
   * PrimeFaces renders as {@code aria-invalid} and a red border), showing the text {@code typed}
   * holds for it (by record path) as its value. Returns the errors in order, with the input to link
   * to (null for an error no input holds).
   */
  static List<Marked> mark(UIComponent form, List<FieldError> errors, Map<String, String> typed) {
    FacesContext faces = FacesContext.getCurrentInstance();
    List<String> paths = new ArrayList<>();
    each(form, (path, input) -> paths.add(path));
    Map<String, List<FieldError>> byInput = new LinkedHashMap<>();
    for (FieldError e : errors) {
      String input = UnsavedInput.inputPath(paths, e.field());
      byInput.computeIfAbsent(input, k -> new ArrayList<>()).add(e);
    }
    Map<FieldError, String> clientIds = new LinkedHashMap<>();
    each(
        form,
        (path, input) -> {
          List<FieldError> mine = byInput.get(path);
          if (mine == null) return;
          String clientId = input.getClientId(faces);
          input.setValid(false);
          // drawn as typed: the text itself, not the model, which a refused value may not reach.
          // An input whose text JSF could not convert keeps that text as its submitted value; one
          // left empty-submitted after an ajax save (seen with the form's select menus) does not.
          String text = typed.get(path);
          if (text != null && blank(input.getSubmittedValue())) input.setSubmittedValue(text);
          for (FieldError e : mine) {
            faces.addMessage(
                clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.message(), e.message()));
            clientIds.put(e, clientId);
          }
        });
    List<Marked> out = new ArrayList<>();
    for (FieldError e : errors)
      out.add(new Marked(FieldLabels.of(e.field()), e.message(), clientIds.get(e)));
    return out;
  }

  private static boolean blank(Object submitted) {
    return submitted == null || submitted.toString().isEmpty();
  }

  private static void each(UIComponent form, BiConsumer<String, UIInput> action) {
    FacesContext faces = FacesContext.getCurrentInstance();
    form.visitTree(
        VisitContext.createVisitContext(faces, null, EnumSet.of(VisitHint.SKIP_UNRENDERED)),
        (context, target) -> {
          if (target instanceof UIInput input
              && target.getAttributes().get(PATH) instanceof String p) action.accept(p, input);
          return VisitResult.ACCEPT;
        });
  }
}
