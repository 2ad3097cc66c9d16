package org.trialledger.registry.web;

import static org.trialledger.registry.web.FormText.allBlank;
import static org.trialledger.registry.web.FormText.trim;

import java.io.Serializable;
import org.trialledger.registry.domain.RegistrationRecord.Contact;

/** A contact for public or scientific queries (items 7, 8) as form fields. */
public class ContactForm implements Serializable {
  private static final long serialVersionUID = 1L;
  private String name, affiliation, email, phone, address;

  static ContactForm of(Contact c) {
    ContactForm form = new ContactForm();
    if (c != null) {
      form.name = c.name();
      form.affiliation = c.affiliation();
      form.email = c.email();
      form.phone = c.phone();
      form.address = c.address();
    }
    return form;
  }

  Contact toContact() {
    if (allBlank(name, affiliation, email, phone, address)) return null;
    return new Contact(trim(name), trim(affiliation), trim(email), trim(phone), trim(address));
  }

  public String getName() {
    return name;
  }

  public void setName(String v) {
    name = v;
  }

  public String getAffiliation() {
    return affiliation;
  }

  public void setAffiliation(String v) {
    affiliation = v;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String v) {
    email = v;
  }

  public String getPhone() {
    return phone;
  }

  public void setPhone(String v) {
    phone = v;
  }

  public String getAddress() {
    return address;
  }

  public void setAddress(String v) {
    address = v;
  }
}
