package org.trialledger.verification.application;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.trialledger.platform.NotFoundException;
import org.trialledger.security.application.Caller;

/**
 * Builds inspection packages in the background (large trials take a while) into temporary files,
 * with progress to watch; a package is fetched by the regulator who asked for it.
 */
@ApplicationScoped
public class InspectionJobs {
  private static final Logger LOG = Logger.getLogger(InspectionJobs.class.getName());

  @Resource private ManagedExecutorService executor;
  @Inject private InspectionPackage packages;

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

    Job(String registryId, String owner) {
      this.registryId = registryId;
      this.owner = owner;
    }

    Status status() {
      return new Status(id, registryId, state, done.get(), total, message);
    }
  }

  public Status start(Caller caller, String registryId) {
    int total = packages.size(caller, registryId);
    Job job = new Job(registryId, caller.username());
    job.total = total;
    jobs.put(job.id, job);
    executor.submit(
        () -> {
          try {
            Path file = Files.createTempFile("inspection-", ".zip");
            try (OutputStream out = Files.newOutputStream(file)) {
              packages.write(caller, registryId, out, job.done::set);
            }
            job.file = file;
            job.state = "DONE";
            job.message = "Ready: " + job.done.get() + " ledger entries with their proofs";
          } catch (IOException | RuntimeException e) {
            LOG.log(Level.SEVERE, "Inspection package of " + registryId + " failed", e);
            job.state = "FAILED";
            job.message = "The package could not be built: " + e.getClass().getSimpleName();
          }
        });
    return job.status();
  }

  public Status status(Caller caller, String id) {
    return own(caller, id).status();
  }

  /** The finished package's file. */
  public Path file(Caller caller, String id) {
    Job job = own(caller, id);
    if (job.file == null) throw new NotFoundException("The package is not ready yet");
    return job.file;
  }

  private Job own(Caller caller, String id) {
    Job job = jobs.get(id);
    if (job == null || !job.owner.equals(caller.username()))
      throw new NotFoundException("No inspection package " + id);
    return job;
  }
}
