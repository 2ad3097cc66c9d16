package org.trialledger.anchoring.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.trialledger.anchoring.bitcoin.NetworkParameters;
import org.trialledger.anchoring.bitcoin.TrustedHeaders;

/**
 * Anchoring configuration. The calendars listed here are the only URLs the server ever contacts: a
 * proof naming any other calendar is never followed. The defaults are the public OpenTimestamps
 * calendars.
 */
@ApplicationScoped
public class AnchoringSettings {
  static final String PUBLIC_CALENDARS =
      "https://a.pool.opentimestamps.org,https://b.pool.opentimestamps.org,https://a.pool.eternitywall.com,https://ots.btc.catallaxy.com";

  @Inject
  @ConfigProperty(name = "trialledger.anchoring.calendars", defaultValue = PUBLIC_CALENDARS)
  private String calendars;

  /**
   * Calendars that proofs may name for their upgrade besides the ones stamped at: the public pools
   * hand stamps to these servers, and their pending attestations name them.
   */
  @Inject
  @ConfigProperty(
      name = "trialledger.anchoring.upgrade-calendars",
      defaultValue =
          "https://alice.btc.calendar.opentimestamps.org,https://bob.btc.calendar.opentimestamps.org,"
              + "https://finney.calendar.eternitywall.com,https://btc.calendar.catallaxy.com")
  private String upgradeCalendars;

  @Inject
  @ConfigProperty(name = "trialledger.anchoring.min-calendars", defaultValue = "2")
  private int minCalendars;

  @Inject
  @ConfigProperty(name = "trialledger.anchoring.stamp-interval-minutes", defaultValue = "60")
  private long stampIntervalMinutes;

  @Inject
  @ConfigProperty(name = "trialledger.anchoring.upgrade-interval-minutes", defaultValue = "10")
  private long upgradeIntervalMinutes;

  @Inject
  @ConfigProperty(name = "trialledger.anchoring.timeout-seconds", defaultValue = "10")
  private long timeoutSeconds;

  /** A file of "HEIGHT HEADER-HEX" lines (offline header source); empty for none. */
  @Inject
  @ConfigProperty(name = "trialledger.anchoring.headers-file", defaultValue = " ")
  private String headersFile;

  /**
   * "mainnet" (default) or "test" (alias "regtest"): the network whose rules headers are checked
   * by. Only tests use the test network.
   */
  @Inject
  @ConfigProperty(name = "trialledger.anchoring.chain", defaultValue = "mainnet")
  private String chain;

  /** Further trusted blocks, "HEIGHT:HASH" comma-separated (the test network has no others). */
  @Inject
  @ConfigProperty(name = "trialledger.anchoring.checkpoints", defaultValue = " ")
  private String checkpoints;

  /** Bitcoin Core JSON-RPC URLs ({@code http://user:password@host:8332/}), comma-separated. */
  @Inject
  @ConfigProperty(name = "trialledger.anchoring.bitcoin-rpc", defaultValue = " ")
  private String bitcoinRpc;

  /** Esplora REST base URLs (e.g. a self-hosted {@code http://host:3000/api}), comma-separated. */
  @Inject
  @ConfigProperty(name = "trialledger.anchoring.esplora", defaultValue = " ")
  private String esplora;

  /** How many header sources must name the same valid block; 0 for a majority of them. */
  @Inject
  @ConfigProperty(name = "trialledger.anchoring.header-sources-required", defaultValue = "0")
  private int headerSourcesRequired;

  /** An RFC 3161 time-stamping authority for a second, independent anchor; empty for none. */
  @Inject
  @ConfigProperty(name = "trialledger.anchoring.tsa-url", defaultValue = " ")
  private String tsaUrl;

  @Inject
  @ConfigProperty(name = "trialledger.anchoring.tsa-policy", defaultValue = " ")
  private String tsaPolicy;

  public Optional<URI> tsaUrl() {
    return tsaUrl == null || tsaUrl.isBlank()
        ? Optional.empty()
        : Optional.of(URI.create(tsaUrl.strip()));
  }

  public String tsaPolicy() {
    return tsaPolicy == null || tsaPolicy.isBlank() ? null : tsaPolicy.strip();
  }

  public List<URI> calendars() {
    return uris(calendars);
  }

  /**
   * Every URL the server may contact: the calendars stamped at and the ones their proofs may name.
   */
  public List<URI> allowList() {
    List<URI> all = new ArrayList<>(calendars());
    uris(upgradeCalendars).stream().filter(u -> !all.contains(u)).forEach(all::add);
    return all;
  }

  private static List<URI> uris(String list) {
    return Arrays.stream(list.split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .map(URI::create)
        .toList();
  }

  /**
   * At least this many calendars must answer for a stamp to count (never more than are configured).
   */
  public int minCalendars() {
    return Math.max(1, Math.min(minCalendars, calendars().size()));
  }

  public Duration stampInterval() {
    return Duration.ofMinutes(Math.max(1, stampIntervalMinutes));
  }

  public Duration upgradeInterval() {
    return Duration.ofMinutes(Math.max(1, upgradeIntervalMinutes));
  }

  public Duration timeout() {
    return Duration.ofSeconds(Math.max(1, timeoutSeconds));
  }

  public Optional<Path> headersFile() {
    return headersFile == null || headersFile.isBlank()
        ? Optional.empty()
        : Optional.of(Path.of(headersFile.strip()));
  }

  public BigInteger powLimit() {
    return network().powLimit();
  }

  public NetworkParameters network() {
    return NetworkParameters.named(chain);
  }

  public List<TrustedHeaders.Checkpoint> checkpoints() {
    return Arrays.stream(checkpoints.split(","))
        .map(String::strip)
        .filter(c -> !c.isEmpty())
        .map(TrustedHeaders.Checkpoint::parse)
        .toList();
  }

  public List<URI> bitcoinRpc() {
    return uris(bitcoinRpc);
  }

  public List<URI> esplora() {
    return uris(esplora);
  }

  /** Agreement needed among {@code n} sources: as configured (at most n), or a majority. */
  public int headerSourcesRequired(int n) {
    return headerSourcesRequired <= 0 ? n / 2 + 1 : Math.min(headerSourcesRequired, n);
  }
}
