package org.trialledger.anchoring.calendar;

import java.net.URI;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The calendars this server may contact. A proof names its calendars itself, so without this list a
 * hostile {@code .ots} could make the server fetch any URL (docs/platform-notes.md §3). URLs
 * compare after normalisation: scheme and host lower-cased, default ports dropped, trailing slashes
 * removed.
 */
public final class AllowList {
  private final Set<String> allowed;

  public AllowList(Collection<URI> calendars) {
    this.allowed =
        calendars.stream()
            .map(
                u ->
                    normalise(u)
                        .orElseThrow(
                            () -> new IllegalArgumentException("not a calendar URL: " + u)))
            .collect(Collectors.toUnmodifiableSet());
  }

  public boolean allows(URI uri) {
    return normalise(uri).map(allowed::contains).orElse(false);
  }

  /**
   * The URI as compared, or empty if it is not a plain http(s) URL without query, fragment or user
   * info.
   */
  static Optional<String> normalise(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) return Optional.empty();
    if (uri.getHost() == null
        || uri.getRawUserInfo() != null
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null) {
      return Optional.empty();
    }
    int port = uri.getPort();
    if (port == (scheme.equals("http") ? 80 : 443)) port = -1;
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    while (path.endsWith("/")) path = path.substring(0, path.length() - 1);
    return Optional.of(
        scheme
            + "://"
            + uri.getHost().toLowerCase(Locale.ROOT)
            + (port < 0 ? "" : ":" + port)
            + path);
  }
}
