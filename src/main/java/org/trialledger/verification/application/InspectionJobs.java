package org.trialledger.verification.application;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.trialledger.platform.BackgroundJobStore;
import org.trialledger.platform.NotFoundException;
import org.trialledger.security.application.Caller;

/**
 * Builds inspection packages in the background (large trials take a while) into temporary files,
 * with progress to watch; a package is fetched by the regulator who asked for it. The job and the
 * finished package are also stored ({@code background_job}, issue 21), so that a page or API call
 * served by another instance shows its progress and hands out the package.
 */
@ApplicationScoped
public class InspectionJobs {
  private static final Logger LOG = Logger.getLogger(InspectionJobs.class.getName());

  @Resource private ManagedExecutorService executor;
  @Inject private InspectionPackage packages;
  @Inject private BackgroundJobStore store;
  @Inject private Clock clock;

  static final String KIND = "INSPECTION_PACKAGE";

  private final Map<String, Job> jobs = new ConcurrentHashMap<>();

  /** A job's state for the page and API. */
  public record Status(
      String id, String registryId, String state, int done, int total, String message) {
    public int percent() {
      return total == 0 ? ("DONE".equals(state) ? 100 : 0) : Math.min(100, 100 * done / total);
    }
  }

  private static final class Job {
    final String id = UUID.randomUUID().toString();
    final String registryId;
    final String owner;
    final AtomicInteger done = new AtomicInteger();
    volatile int total;
    volatile String state = "RUNNING";
    volatile String message = "";
    volatile Path file;

    final Instant startedAt;

    Job(String registryId, String owner, Instant startedAt) {
      this.registryId = registryId;
      this.owner = owner;
      this.startedAt = startedAt;
    }

    Status status() {
      return new Status(id, registryId, state, done.get(), total, message);
    }
  }

  public Status start(Caller caller, String registryId) {
    int total = packages.size(caller, registryId);
    Job job = new Job(registryId, caller.username(), clock.instant());
    job.total = total;
    jobs.put(job.id, job);
    store(job, null);
    executor.submit(
        () -> {
          byte[] result = null;
          try {
            Path file = Files.createTempFile("inspection-", ".zip");
            try (OutputStream out = Files.newOutputStream(file)) {
              packages.write(
                  caller,
                  registryId,
                  out,
                  done -> {
                    job.done.set(done);
                    storeNowAndThen(job);
                  });
            }
            job.file = file;
            result = Files.readAllBytes(file);
            job.state = "DONE";
            job.message = "Ready: " + job.done.get() + " ledger entries with their proofs";
          } catch (IOException | RuntimeException e) {
            LOG.log(Level.SEVERE, "Inspection package of " + registryId + " failed", e);
            job.state = "FAILED";
            job.message = "The package could not be built: " + e.getClass().getSimpleName();
          } finally {
            lastStored.remove(job.id);
            store(job, result);
          }
        });
    return job.status();
  }

  public Status status(Caller caller, String id) {
    Job job = jobs.get(id);
    if (job != null && job.owner.equals(caller.username())) return job.status();
    return storedJob(caller, id);
  }

  /** The finished package's file (fetched from the database when another instance built it). */
  public Path file(Caller caller, String id) {
    Job job = jobs.get(id);
    if (job == null || !job.owner.equals(caller.username())) {
      if (!"DONE".equals(storedJob(caller, id).state()))
        throw new NotFoundException("The package is not ready yet");
      byte[] zip =
          store.result(id).orElseThrow(() -> new NotFoundException("The package is not ready yet"));
      try {
        Path file = Files.createTempFile("inspection-", ".zip");
        Files.write(file, zip);
        return file;
      } catch (IOException e) {
        throw new IllegalStateException("Cannot write the package " + id, e);
      }
    }
    if (job.file == null) throw new NotFoundException("The package is not ready yet");
    return job.file;
  }

  /** A job another instance runs or ran, as it stored it. */
  private Status storedJob(Caller caller, String id) {
    BackgroundJobStore.Job row =
        store
            .find(id)
            .filter(j -> KIND.equals(j.kind()) && j.owner().equals(caller.username()))
            .orElseThrow(() -> new NotFoundException("No inspection package " + id));
    JsonObject d;
    try (JsonReader r = Json.createReader(new StringReader(row.detail()))) {
      d = r.readObject();
    }
    String state = row.stale() ? "FAILED" : row.state();
    String message =
        row.stale()
            ? "The instance building the package stopped: start it again"
            : d.getString("message", "");
    return new Status(id, row.subject(), state, d.getInt("done", 0), d.getInt("total", 0), message);
  }

  private final Map<String, Instant> lastStored = new ConcurrentHashMap<>();

  /** Progress for other instances, at most about once a second. */
  private void storeNowAndThen(Job job) {
    Instant now = clock.instant();
    Instant last = lastStored.get(job.id);
    if (last != null && last.plusSeconds(1).isAfter(now)) return;
    lastStored.put(job.id, now);
    store(job, null);
  }

  private void store(Job job, byte[] result) {
    try {
      String detail =
          Json.createObjectBuilder()
              .add("done", job.done.get())
              .add("total", job.total)
              .add("message", job.message)
              .build()
              .toString();
      store.save(job.id, KIND, job.registryId, job.owner, job.state, detail, job.startedAt, result);
    } catch (RuntimeException e) {
      // the package is still built and served here; other instances see it with the next write
      LOG.log(Level.WARNING, "Could not store inspection job " + job.id, e);
    }
  }
}
