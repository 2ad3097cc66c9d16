package org.trialledger.registry.web;

import java.util.ArrayList;
import java.util.List;
import org.trialledger.registry.domain.FieldError;
import org.trialledger.registry.domain.InvalidRecordException;
import org.trialledger.registry.domain.PartialDate;

/** Collects the form's conversion errors so that all of them are shown at once. */
final class FormErrors {
  private final List<FieldError> list = new ArrayList<>();

  PartialDate date(String field, String text) {
    try {
      return PartialDate.of(text);
    } catch (IllegalArgumentException e) {
      list.add(new FieldError(field, e.getMessage()));
      return null;
    }
  }

  <E extends Enum<E>> E choice(String field, Class<E> type, String value) {
    if (FormText.blank(value)) return null;
    try {
      return Enum.valueOf(type, value.strip());
    } catch (IllegalArgumentException e) {
      list.add(new FieldError(field, "Choose one of the listed values"));
      return null;
    }
  }

  List<FieldError> list() {
    return List.copyOf(list);
  }

  void throwIfAny() {
    if (!list.isEmpty()) throw new InvalidRecordException(list);
  }
}
