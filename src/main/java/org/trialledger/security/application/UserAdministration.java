package org.trialledger.security.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.Set;
import java.util.function.Supplier;
import org.trialledger.platform.NotFoundException;
import org.trialledger.platform.RuleViolationException;
import org.trialledger.security.domain.Role;
import org.trialledger.security.events.SecurityEvent;
import org.trialledger.security.store.AppUser;
import org.trialledger.security.store.Organisation;

/** What an administrator does to organisations and users. Callers must hold the ADMIN role. */
@ApplicationScoped
@Transactional
public class UserAdministration {

  @PersistenceContext private EntityManager em;
  @Inject private UserDirectory directory;
  @Inject private PasswordHasher hasher;
  @Inject private LoginCounters counters;
  @Inject private Clock clock;
  @Inject private CurrentActor actor;
  @Inject private Event<SecurityEvent> events;

  public Organisation createOrganisation(@NotNull @Valid NewOrganisation request) {
    String name = request.getName().strip();
    if (directory.findOrganisationByName(name).isPresent()) {
      throw new RuleViolationException("An organisation named \"" + name + "\" already exists");
    }
    Organisation organisation =
        new Organisation(name, request.getKind(), request.getCountry(), clock.instant());
    em.persist(organisation);
    em.flush(); // the id, for the audit record
    events.fire(
        new SecurityEvent.OrganisationCreated(
            actor.name(), organisation.getId(), name, organisation.getKind().name()));
    return organisation;
  }

  public AppUser createUser(@NotNull @Valid NewUser request) {
    return create(request, () -> hasher.hash(request.getPassword().toCharArray()));
  }

  /**
   * As {@link #createUser}, with the password's hash made beforehand: for the demo users, whose
   * passwords are public and whose hashes ship with the demo data so that seeding does no hashing
   * work at start. The hash must be of today's strength.
   */
  public AppUser createUserWithHash(@NotNull @Valid NewUser request, @NotNull String passwordHash) {
    if (PasswordHasher.needsRehash(passwordHash)) {
      throw new IllegalArgumentException(
          "The password hash of " + request.getUsername() + " is weaker than today's");
    }
    return create(request, () -> passwordHash);
  }

  /** Hashes only once the request has passed its checks: a hash is slow on purpose. */
  private AppUser create(NewUser request, Supplier<String> passwordHash) {
    if (directory.findUser(request.getUsername()).isPresent()) {
      throw new RuleViolationException("The username \"" + request.getUsername() + "\" is taken");
    }
    Organisation organisation =
        directory
            .findOrganisation(request.getOrganisationId())
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "No organisation with id " + request.getOrganisationId()));
    if (!organisation.getKind().permits(request.getRole())) {
      throw new RuleViolationException(
          "A member of "
              + organisation.getName()
              + " ("
              + organisation.getKind()
              + ") cannot hold the "
              + request.getRole()
              + " role; permitted: "
              + organisation.getKind().permittedRoles());
    }
    AppUser user =
        new AppUser(
            request.getUsername(),
            request.getFullName().strip(),
            blankToNull(request.getEmail()),
            passwordHash.get(),
            organisation,
            Set.of(request.getRole()),
            clock.instant());
    em.persist(user);
    events.fire(
        new SecurityEvent.UserCreated(
            actor.name(), user.getUsername(), organisation.getId(), user.getRoles().toString()));
    return user;
  }

  public AppUser unlock(@NotNull String username) {
    AppUser user = directory.getUser(username);
    counters.unlock(user.getId());
    em.refresh(user);
    events.fire(new SecurityEvent.AccountUnlocked(actor.name(), username));
    return user;
  }

  public AppUser changeDetails(@NotNull String username, @NotNull @Valid UserDetails details) {
    AppUser user = directory.getUser(username);
    String before = describe(user.getFullName(), user.getEmail());
    user.changeDetails(details.getFullName().strip(), blankToNull(details.getEmail()));
    String after = describe(user.getFullName(), user.getEmail());
    if (!before.equals(after)) {
      events.fire(new SecurityEvent.UserDetailsChanged(actor.name(), username, before, after));
    }
    return user;
  }

  public AppUser resetPassword(@NotNull String username, @NotNull @Valid PasswordChange change) {
    AppUser user = directory.getUser(username);
    user.changePasswordHash(hasher.hash(change.getPassword().toCharArray()));
    events.fire(new SecurityEvent.PasswordReset(actor.name(), username));
    return user;
  }

  /**
   * Deactivates an account: no login, and any open session is refused at its next request ({@code
   * CurrentActor} reads the flag every time). An administrator cannot lock themselves out, nor
   * leave the registry without an active administrator.
   */
  public AppUser deactivate(@NotNull String username, @NotNull @Valid Deactivation why) {
    AppUser user = directory.getUser(username);
    if (!user.isEnabled()) return user;
    if (username.equals(actor.name())) {
      throw new RuleViolationException("You cannot deactivate your own account");
    }
    if (user.getRoles().contains(Role.ADMIN) && activeAdministrators() <= 1) {
      throw new RuleViolationException("The last active administrator cannot be deactivated");
    }
    user.setEnabled(false);
    events.fire(new SecurityEvent.UserDeactivated(actor.name(), username, why.getReason().strip()));
    return user;
  }

  public AppUser reactivate(@NotNull String username) {
    AppUser user = directory.getUser(username);
    if (user.isEnabled()) return user;
    user.setEnabled(true);
    events.fire(new SecurityEvent.UserReactivated(actor.name(), username));
    return user;
  }

  private long activeAdministrators() {
    return em.createQuery(
            "SELECT COUNT(u) FROM AppUser u JOIN u.roles r WHERE r = :admin AND u.enabled = true",
            Long.class)
        .setParameter("admin", Role.ADMIN)
        .getSingleResult();
  }

  private static String describe(String fullName, String email) {
    return "fullName=" + fullName + "; email=" + (email == null ? "" : email);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
