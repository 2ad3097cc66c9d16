package org.trialledger.it;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A plain HTTP client for the application's API and pages, with optional Basic credentials. */
public final class ApiClient {
  private final URI base;
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  public ApiClient(URL base) {
    this.base = URI.create(base.toString().endsWith("/") ? base.toString() : base + "/");
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(resolve(path)).GET(), null, null);
  }

  public HttpResponse<String> get(String path, String user, String password) {
    return send(HttpRequest.newBuilder(resolve(path)).GET(), user, password);
  }

  public HttpResponse<String> postJson(String path, String json, String user, String password) {
    return send(
        HttpRequest.newBuilder(resolve(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)),
        user,
        password);
  }

  public HttpResponse<String> putJson(String path, String json, String user, String password) {
    return send(
        HttpRequest.newBuilder(resolve(path))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)),
        user,
        password);
  }

  public HttpResponse<String> postBytes(
      String path, String contentType, byte[] body, String user, String password) {
    return send(
        HttpRequest.newBuilder(resolve(path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)),
        user,
        password);
  }

  public HttpResponse<String> post(
      String path,
      HttpRequest.BodyPublisher body,
      String contentType,
      String user,
      String password) {
    return send(
        HttpRequest.newBuilder(resolve(path)).header("Content-Type", contentType).POST(body),
        user,
        password);
  }

  public HttpResponse<String> delete(String path, String user, String password) {
    return send(HttpRequest.newBuilder(resolve(path)).DELETE(), user, password);
  }

  public HttpResponse<byte[]> getBytes(String path) {
    return getBytes(path, null, null);
  }

  public HttpResponse<byte[]> getBytes(String path, String user, String password) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(resolve(path)).timeout(Duration.ofSeconds(120)).GET();
    if (user != null) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IllegalStateException("HTTP request failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public URI resolve(String path) {
    return base.resolve(path.startsWith("/") ? path.substring(1) : path);
  }

  public HttpResponse<String> send(HttpRequest.Builder request, String user, String password) {
    if (user != null) {
      String token =
          Base64.getEncoder()
              .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
      request.header("Authorization", "Basic " + token);
    }
    request
        .timeout(Duration.ofSeconds(60))
        .header("Accept", "application/json, text/plain;q=0.9, text/html;q=0.8");
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("HTTP request failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
