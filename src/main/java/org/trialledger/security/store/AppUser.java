package org.trialledger.security.store;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.trialledger.security.domain.LoginThrottle;
import org.trialledger.security.domain.Role;

/**
 * A person who logs in. Belongs to exactly one organisation; holds roles that organisation permits.
 */
@Entity
@Table(name = "app_user")
@NamedQuery(
    name = "AppUser.findByUsername",
    query = "SELECT u FROM AppUser u JOIN FETCH u.organisation WHERE u.username = :username")
@NamedQuery(
    name = "AppUser.findAll",
    query =
        "SELECT DISTINCT u FROM AppUser u JOIN FETCH u.organisation LEFT JOIN FETCH u.roles ORDER BY u.username")
@NamedQuery(
    name = "AppUser.findByOrganisation",
    query =
        "SELECT DISTINCT u FROM AppUser u LEFT JOIN FETCH u.roles"
            + " WHERE u.organisation.id = :organisationId ORDER BY u.username")
@NamedQuery(name = "AppUser.count", query = "SELECT COUNT(u) FROM AppUser u")
public class AppUser implements Serializable {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 64)
  private String username;

  @Column(name = "full_name", nullable = false, length = 200)
  private String fullName;

  @Column(length = 254)
  private String email;

  @Column(name = "password_hash", nullable = false, length = 512)
  private String passwordHash;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "organisation_id", nullable = false)
  private Organisation organisation;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "user_id"))
  @Enumerated(EnumType.STRING)
  @Column(name = "role", nullable = false, length = 16)
  private Set<Role> roles = EnumSet.noneOf(Role.class);

  @Column(nullable = false)
  private boolean enabled = true;

  @Column(name = "failed_logins", nullable = false)
  private int failedLogins;

  @Column(name = "locked_at")
  private Instant lockedAt;

  @Column(name = "last_login_at")
  private Instant lastLoginAt;

  // The counters below are written only by bulk UPDATEs (security.application.LoginCounters),
  // atomically and
  // without the optimistic lock: parallel logins of one account must not collide. This entity never
  // changes them.

  @Column(name = "locked_until")
  private Instant lockedUntil;

  @Column(name = "last_failed_login_at")
  private Instant lastFailedLoginAt;

  @Column(name = "temporary_locks", nullable = false)
  private int temporaryLocks;

  @Column(name = "signing_failures", nullable = false)
  private int signingFailures;

  @Column(name = "last_failed_signing_at")
  private Instant lastFailedSigningAt;

  @Column(name = "signing_locked_until")
  private Instant signingLockedUntil;

  @Column(name = "signing_locks", nullable = false)
  private int signingLocks;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Version private long version;

  protected AppUser() {}

  public AppUser(
      String username,
      String fullName,
      String email,
      String passwordHash,
      Organisation organisation,
      Set<Role> roles,
      Instant createdAt) {
    this.username = Objects.requireNonNull(username);
    this.fullName = Objects.requireNonNull(fullName);
    this.email = email;
    this.passwordHash = Objects.requireNonNull(passwordHash);
    this.organisation = Objects.requireNonNull(organisation);
    for (Role role : roles) {
      if (!organisation.getKind().permits(role)) {
        throw new IllegalArgumentException(
            "A member of a "
                + organisation.getKind()
                + " organisation cannot hold the "
                + role
                + " role");
      }
    }
    this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    this.createdAt = Objects.requireNonNull(createdAt);
  }

  /** Whether logins are refused now: a temporary lock after repeated failures is running. */
  public boolean isLocked() {
    return isLockedAt(Instant.now());
  }

  public boolean isLockedAt(Instant now) {
    return lockedUntil != null && now.isBefore(lockedUntil);
  }

  /** Whether e-signatures are refused now, after repeated wrong signing passwords. */
  public boolean isSigningLocked() {
    return signingLockedUntil != null && Instant.now().isBefore(signingLockedUntil);
  }

  public LoginThrottle.State loginState() {
    return new LoginThrottle.State(failedLogins, lastFailedLoginAt, lockedUntil, temporaryLocks);
  }

  public LoginThrottle.State signingState() {
    return new LoginThrottle.State(
        signingFailures, lastFailedSigningAt, signingLockedUntil, signingLocks);
  }

  public Long getId() {
    return id;
  }

  public String getUsername() {
    return username;
  }

  public String getFullName() {
    return fullName;
  }

  public String getEmail() {
    return email;
  }

  public String getPasswordHash() {
    return passwordHash;
  }

  public Organisation getOrganisation() {
    return organisation;
  }

  public Set<Role> getRoles() {
    return Collections.unmodifiableSet(roles);
  }

  public boolean isEnabled() {
    return enabled;
  }

  /** Deactivated: cannot log in, and an open session stops working at its next request. */
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public void changeDetails(String fullName, String email) {
    this.fullName = Objects.requireNonNull(fullName);
    this.email = email;
  }

  public void changePasswordHash(String passwordHash) {
    this.passwordHash = Objects.requireNonNull(passwordHash);
  }

  public int getFailedLogins() {
    return failedLogins;
  }

  public Instant getLockedAt() {
    return lockedAt;
  }

  public Instant getLockedUntil() {
    return lockedUntil;
  }

  public int getSigningFailures() {
    return signingFailures;
  }

  public Instant getSigningLockedUntil() {
    return signingLockedUntil;
  }

  public Instant getLastLoginAt() {
    return lastLoginAt;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
