package org.trialledger.registry.web;

import java.util.function.Supplier;
import org.trialledger.platform.web.FacesActions;
import org.trialledger.registry.domain.FieldLabels;
import org.trialledger.registry.domain.InvalidRecordException;

/** {@link FacesActions} plus the registry's field errors, each shown with the item's human name. */
final class RegistryActions {
  private RegistryActions() {}

  static <T> T attempt(Supplier<T> action, String done) {
    try {
      return FacesActions.attempt(action, done);
    } catch (InvalidRecordException e) {
      e.errors().forEach(f -> FacesActions.error(FieldLabels.of(f.field()) + ": " + f.message()));
      return null;
    }
  }

  static boolean run(Runnable action, String done) {
    return attempt(
            () -> {
              action.run();
              return Boolean.TRUE;
            },
            done)
        != null;
  }
}
