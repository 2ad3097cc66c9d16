package org.trialledger.site.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.trialledger.log.application.LogKeyFile;
import org.trialledger.site.domain.SubjectVault;

/**
 * The sites' secrets, from one file outside the database (0600, created on first use): the master
 * key that wraps each subject's data key, and, derived from it, the Ed25519 key that binds
 * e-signatures to records.
 */
@ApplicationScoped
public class SiteKeys {
  @Inject
  @ConfigProperty(
      name = "trialledger.site.master-key-file",
      defaultValue = "./data/site-master.key")
  private String file;

  private volatile byte[] master;
  private final SecureRandom random = new SecureRandom();

  private byte[] master() {
    if (master == null) master = LogKeyFile.loadOrCreate(Path.of(file));
    return master;
  }

  public SubjectVault vault() {
    return new SubjectVault(master(), random);
  }

  public Ed25519PrivateKeyParameters signingKey() {
    HMac mac = new HMac(new SHA256Digest());
    mac.init(new KeyParameter(master()));
    byte[] label = "trialledger e-signature key".getBytes(StandardCharsets.US_ASCII);
    mac.update(label, 0, label.length);
    byte[] seed = new byte[32];
    mac.doFinal(seed, 0);
    return new Ed25519PrivateKeyParameters(seed, 0);
  }

  public Ed25519PublicKeyParameters verifyingKey() {
    return signingKey().generatePublicKey();
  }

  public SecureRandom random() {
    return random;
  }
}
