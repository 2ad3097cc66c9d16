package org.trialledger.security.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import org.trialledger.security.domain.OrganisationKind;

/** A sponsor, a trial site, a regulator, or the registry's operator. */
@Entity
@Table(name = "organisation")
@NamedQuery(name = "Organisation.findAll", query = "SELECT o FROM Organisation o ORDER BY o.name")
@NamedQuery(
    name = "Organisation.findByName",
    query = "SELECT o FROM Organisation o WHERE o.name = :name")
public class Organisation implements Serializable {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 200)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private OrganisationKind kind;

  @Column(length = 2)
  private String country;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Organisation() {}

  public Organisation(String name, OrganisationKind kind, String country, Instant createdAt) {
    this.name = Objects.requireNonNull(name);
    this.kind = Objects.requireNonNull(kind);
    this.country = country;
    this.createdAt = Objects.requireNonNull(createdAt);
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public OrganisationKind getKind() {
    return kind;
  }

  public String getCountry() {
    return country;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
