package org.trialledger.anchoring.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One HTTP exchange with a remote service we do not control (a calendar, a TSA), bounded in time
 * and size: {@code HttpRequest.timeout} covers only the wait for headers, so a whole-exchange
 * deadline also covers a body that trickles, and {@link CappedBody} stops one that never ends.
 */
public final class BoundedSend {
  private BoundedSend() {}

  /** Why an exchange failed, for the caller to report in its own terms. */
  public enum Failure {
    TIMEOUT,
    TOO_LARGE,
    IO
  }

  /** A failed exchange: the reason, and a message that names the URL. */
  public static final class SendException extends Exception {
    private static final long serialVersionUID = 1L;
    private final Failure failure;

    SendException(Failure failure, String message, Throwable cause) {
      super(message, cause);
      this.failure = failure;
    }

    public Failure failure() {
      return failure;
    }
  }

  /**
   * Sends {@code request} and reads at most {@code maxBytes} of the answer, all within {@code
   * deadline}.
   */
  public static HttpResponse<byte[]> send(
      HttpClient http, HttpRequest request, int maxBytes, Duration deadline) throws SendException {
    CompletableFuture<HttpResponse<byte[]>> future =
        http.sendAsync(request, CappedBody.handler(maxBytes));
    try {
      return future.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new SendException(Failure.TIMEOUT, request.uri() + " did not answer in time", e);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new SendException(Failure.IO, request.uri() + ": interrupted", e);
    } catch (ExecutionException e) {
      throw failure(request.uri(), e.getCause());
    }
  }

  private static SendException failure(URI uri, Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof CappedBody.TooLarge)
        return new SendException(Failure.TOO_LARGE, uri + ": " + t.getMessage(), cause);
      if (t instanceof HttpTimeoutException)
        return new SendException(Failure.TIMEOUT, uri + " did not answer in time", cause);
    }
    String what = cause instanceof IOException ? "I/O error" : "unexpected error";
    return new SendException(Failure.IO, uri + ": " + what + ": " + cause, cause);
  }
}
