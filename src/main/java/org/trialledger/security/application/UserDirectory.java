package org.trialledger.security.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.trialledger.platform.NotFoundException;
import org.trialledger.security.store.AppUser;
import org.trialledger.security.store.Organisation;

/** Reads organisations and users. */
@ApplicationScoped
public class UserDirectory {
  @PersistenceContext private EntityManager em;

  public Optional<AppUser> findUser(String username) {
    return em.createNamedQuery("AppUser.findByUsername", AppUser.class)
        .setParameter("username", username)
        .getResultStream()
        .findFirst();
  }

  public AppUser getUser(String username) {
    return findUser(username).orElseThrow(() -> new NotFoundException("No user named " + username));
  }

  public List<AppUser> users() {
    return em.createNamedQuery("AppUser.findAll", AppUser.class).getResultList();
  }

  public List<AppUser> membersOf(long organisationId) {
    return em.createNamedQuery("AppUser.findByOrganisation", AppUser.class)
        .setParameter("organisationId", organisationId)
        .getResultList();
  }

  public long userCount() {
    return em.createNamedQuery("AppUser.count", Long.class).getSingleResult();
  }

  public List<Organisation> organisations() {
    return em.createNamedQuery("Organisation.findAll", Organisation.class).getResultList();
  }

  public Optional<Organisation> findOrganisation(long id) {
    return Optional.ofNullable(em.find(Organisation.class, id));
  }

  public Optional<Organisation> findOrganisationByName(String name) {
    return em.createNamedQuery("Organisation.findByName", Organisation.class)
        .setParameter("name", name)
        .getResultStream()
        .findFirst();
  }
}
