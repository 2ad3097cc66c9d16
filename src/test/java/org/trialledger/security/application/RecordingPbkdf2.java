package org.trialledger.security.application;

import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The platform's PBKDF2 password hash, done by the JDK ({@link Pbkdf2Hashes}), that also notes
 * which stored hashes it verified against and how many it made.
 */
class RecordingPbkdf2 implements Pbkdf2PasswordHash {
  final List<String> verifiedAgainst = new ArrayList<>();
  Map<String, String> parameters = Map.of();
  int generated;

  @Override
  public void initialize(Map<String, String> parameters) {
    this.parameters = Map.copyOf(parameters);
  }

  @Override
  public String generate(char[] password) {
    generated++;
    return Pbkdf2Hashes.hash(password, new SecureRandom());
  }

  @Override
  public boolean verify(char[] password, String hashedPassword) {
    verifiedAgainst.add(hashedPassword);
    return Pbkdf2Hashes.verify(password, hashedPassword);
  }
}
