package org.trialledger.registry.store;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** File bytes addressed by their SHA-256, written once. */
@Entity
@Table(name = "document_blob")
public class DocumentBlob {
  @Id
  @Column(length = 64)
  private String sha256;

  @Column(name = "size_bytes", nullable = false, updatable = false)
  private long sizeBytes;

  @Basic(fetch = FetchType.LAZY)
  @Column(nullable = false, updatable = false)
  private byte[] content;

  protected DocumentBlob() {}

  public DocumentBlob(String sha256, byte[] content) {
    this.sha256 = sha256;
    this.sizeBytes = content.length;
    this.content = content;
  }

  public String getSha256() {
    return sha256;
  }

  public byte[] getContent() {
    return content;
  }
}
