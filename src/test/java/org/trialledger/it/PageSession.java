package org.trialledger.it;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a browser: a cookie jar and plain HTTP, for what Selenium cannot do, such as
 * posting a page's view state to another address.
 */
final class PageSession {
  private static final Pattern VIEW_STATE =
      Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*?value=\"([^\"]+)\"");

  private static final Pattern NONCE = Pattern.compile("'nonce-([^']+)'");

  private final URI base;
  private final HttpClient http;

  /**
   * The CSP nonce of the last page fetched: PrimeFaces' script adds it to every postback, so a
   * browser always sends it.
   */
  private String nonce;

  PageSession(URL base) {
    this.base = URI.create(base.toString().endsWith("/") ? base.toString() : base + "/");
    CookieManager cookies = new CookieManager();
    cookies.setCookiePolicy(CookiePolicy.ACCEPT_ALL);
    http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  /** Logs in through the login form, as a person does. */
  PageSession login(String user, String password) {
    String page = get("/login.xhtml").body();
    Map<String, String> form = new LinkedHashMap<>();
    form.put("login", "login");
    form.put("login:username", user);
    form.put("login:password", password);
    form.put("login:submit", "");
    form.put("jakarta.faces.ViewState", viewState(page));
    HttpResponse<String> answer = post("/login.xhtml", form, false);
    if (!get("/index.xhtml").body().contains("id=\"currentUser\"")) {
      throw new IllegalStateException("login of " + user + " failed: " + answer.statusCode());
    }
    return this;
  }

  HttpResponse<String> get(String path) {
    HttpResponse<String> page = send(HttpRequest.newBuilder(resolve(path)).GET());
    page.headers()
        .firstValue("Content-Security-Policy")
        .map(NONCE::matcher)
        .filter(Matcher::find)
        .ifPresent(m -> nonce = m.group(1));
    return page;
  }

  /** A postback: the form fields, as a full-page or a PrimeFaces Ajax request. */
  HttpResponse<String> post(String path, Map<String, String> fields, boolean ajax) {
    Map<String, String> body = new LinkedHashMap<>(fields);
    if (nonce != null) body.putIfAbsent("primefaces.nonce", nonce);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(resolve(path))
            .header("Content-Type", "application/x-www-form-urlencoded");
    if (ajax) {
      body.put("jakarta.faces.partial.ajax", "true");
      body.put("jakarta.faces.partial.execute", "@all");
      body.put("jakarta.faces.partial.render", "@all");
      request.header("Faces-Request", "partial/ajax").header("X-Requested-With", "XMLHttpRequest");
    }
    String encoded =
        body.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return send(request.POST(HttpRequest.BodyPublishers.ofString(encoded)));
  }

  static String viewState(String html) {
    Matcher m = VIEW_STATE.matcher(html);
    if (!m.find()) throw new IllegalStateException("no view state in the page");
    return m.group(1);
  }

  private URI resolve(String path) {
    return base.resolve(path.startsWith("/") ? path.substring(1) : path);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(
          request.timeout(Duration.ofSeconds(60)).header("Accept", "text/html").build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("HTTP request failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
