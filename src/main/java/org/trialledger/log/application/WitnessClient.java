package org.trialledger.log.application;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.LongFunction;
import org.trialledger.ledger.Hash;
import org.trialledger.ledger.witness.AddCheckpointRequest;
import org.trialledger.ledger.witness.CosignerKey;

/**
 * The log's side of C2SP tlog-witness: asks one witness to cosign a checkpoint, from the size the
 * log believes the witness has; on 409 it retries once from the size the witness states (how a
 * lagging witness, or one the log knows nothing of, is brought up to date). Plain Java: every call
 * is bounded by the timeout, and the cosignature is checked with the witness's key before it is
 * returned.
 */
public final class WitnessClient {
  private final HttpClient http;
  private final Duration timeout;

  public WitnessClient(Duration timeout) {
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /** What a witness said. */
  public sealed interface Outcome {}

  /** A verified cosignature line (newline included) with the witness's timestamp. */
  public record Cosigned(String line, long timestamp) implements Outcome {}

  /**
   * The witness refused: a fork, a rollback or a key problem ({@code status} as it answered; a 409
   * whose size is the same as ours or larger than the checkpoint means another history).
   */
  public record Refused(int status, String reason) implements Outcome {}

  /** No answer in time, or not a witness answer. */
  public record Unreachable(String reason) implements Outcome {}

  /**
   * @param note the signed checkpoint note of {@code size} leaves
   * @param believedOld the size the log believes the witness cosigned last (0 if none)
   * @param proofFrom the log's consistency proof from a size to {@code size}; null when the log
   *     never published a checkpoint of that size (a witness that cosigned one has seen a
   *     checkpoint signed with our key for another history: a split view)
   */
  public Outcome addCheckpoint(
      URI witness,
      CosignerKey key,
      String note,
      long size,
      long believedOld,
      LongFunction<List<Hash>> proofFrom) {
    long old = Math.min(believedOld, size);
    for (int attempt = 0; ; attempt++) {
      List<Hash> proof = old == 0 || old == size ? List.of() : proofFrom.apply(old);
      if (proof == null)
        return new Refused(
            409,
            "the witness has cosigned a tree of size " + old + " that this log never published");
      Reply r;
      try {
        r = post(witness, new AddCheckpointRequest(old, proof, note).text());
      } catch (HttpTimeoutException e) {
        return new Unreachable("no answer within " + timeout.toMillis() + " ms");
      } catch (IOException e) {
        return new Unreachable(String.valueOf(e.getMessage()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Unreachable("interrupted");
      }
      if (r.status() == 200) {
        try {
          OptionalLong t = key.verifyIn(note + r.body());
          if (t.isEmpty()) return new Refused(200, "no cosignature by " + key.name());
          String line = lineBy(key, note, r.body());
          return new Cosigned(line, t.getAsLong());
        } catch (IllegalArgumentException e) {
          return new Refused(200, "a bad cosignature: " + e.getMessage());
        }
      }
      if (r.status() == 409 && r.contentType().startsWith("text/x.tlog.size")) {
        long theirs;
        try {
          theirs = Long.parseLong(r.body().strip());
        } catch (NumberFormatException e) {
          return new Unreachable("409 without a size");
        }
        if (theirs > size)
          return new Refused(409, "the witness has cosigned a larger tree (" + theirs + ")");
        if (theirs == old || attempt > 0)
          return new Refused(409, "the witness has cosigned another tree of size " + theirs);
        old = theirs;
        continue;
      }
      return new Refused(r.status(), firstLine(r.body()));
    }
  }

  private record Reply(int status, String contentType, String body) {}

  /** Largest answer read: a few cosignature lines; a witness cannot make the log read more. */
  private static final int MAX_REPLY = 16 * 1024;

  private Reply post(URI witness, String body) throws IOException, InterruptedException {
    URI uri = URI.create(witness.toString().replaceAll("/+$", "") + "/add-checkpoint");
    HttpResponse<InputStream> r =
        http.send(
            HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build(),
            HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream in = r.body()) {
      return new Reply(
          r.statusCode(),
          r.headers().firstValue("Content-Type").orElse(""),
          new String(in.readNBytes(MAX_REPLY), StandardCharsets.UTF_8));
    }
  }

  /** The (first) line of the answer that verifies with {@code key}. */
  private static String lineBy(CosignerKey key, String note, String body) {
    String checkpointBody = note.substring(0, note.lastIndexOf("\n\n") + 1);
    for (String line : body.split("\n")) {
      if (!line.isEmpty() && key.verify(checkpointBody, line).isPresent()) return line + "\n";
    }
    throw new IllegalArgumentException("no cosignature line by " + key.name());
  }

  private static String firstLine(String body) {
    String line = body.lines().findFirst().orElse("");
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }
}
