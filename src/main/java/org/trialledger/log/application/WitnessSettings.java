package org.trialledger.log.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.trialledger.ledger.witness.CosignerKey;

/**
 * The witnesses the log asks to cosign its checkpoints: {@code trialledger.witness.urls} and {@code
 * trialledger.witness.keys} (comma-separated, in the same order: a witness's URL and its
 * cosignature/v1 verifier key), and the quorum {@code trialledger.witness.quorum} (k of n). A
 * configuration that does not parse is reported and leaves the log unwitnessed, never half
 * witnessed.
 */
@ApplicationScoped
public class WitnessSettings {
  private static final Logger LOG = Logger.getLogger(WitnessSettings.class.getName());

  /** One configured witness. */
  public record Configured(URI url, CosignerKey key) {}

  @Inject
  @ConfigProperty(name = "trialledger.witness.urls")
  private Optional<String> urls;

  @Inject
  @ConfigProperty(name = "trialledger.witness.keys")
  private Optional<String> keys;

  @Inject
  @ConfigProperty(name = "trialledger.witness.quorum", defaultValue = "1")
  private int quorum;

  @Inject
  @ConfigProperty(name = "trialledger.witness.timeout-ms", defaultValue = "5000")
  private long timeoutMs;

  @Inject
  @ConfigProperty(name = "trialledger.witness.interval-ms", defaultValue = "5000")
  private long intervalMs;

  private List<Configured> witnesses;

  public synchronized List<Configured> witnesses() {
    if (witnesses == null) witnesses = parse(urls.orElse(""), keys.orElse(""));
    return witnesses;
  }

  static List<Configured> parse(String urls, String keys) {
    List<String> u = split(urls);
    List<String> k = split(keys);
    if (u.size() != k.size()) {
      LOG.severe(
          "trialledger.witness.urls and .keys differ in length ("
              + u.size()
              + " and "
              + k.size()
              + "): no witness is asked");
      return List.of();
    }
    List<Configured> out = new ArrayList<>();
    try {
      for (int i = 0; i < u.size(); i++) {
        URI url = URI.create(u.get(i));
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()))
          throw new IllegalArgumentException("not an http(s) URL: " + url);
        out.add(new Configured(url, CosignerKey.parseVerifier(k.get(i))));
      }
    } catch (IllegalArgumentException e) {
      LOG.severe(
          "trialledger.witness configuration unusable, no witness is asked: " + e.getMessage());
      return List.of();
    }
    return List.copyOf(out);
  }

  private static List<String> split(String s) {
    List<String> out = new ArrayList<>();
    for (String part : s.split(",")) if (!part.isBlank()) out.add(part.strip());
    return out;
  }

  /** k: how many distinct configured witnesses make a checkpoint witnessed (at least 1). */
  public int quorum() {
    return Math.max(1, quorum);
  }

  public Duration timeout() {
    return Duration.ofMillis(timeoutMs);
  }

  public long intervalMs() {
    return intervalMs;
  }
}
