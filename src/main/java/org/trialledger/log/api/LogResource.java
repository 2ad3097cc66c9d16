package org.trialledger.log.api;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trialledger.ledger.Hash;
import org.trialledger.log.application.CheckpointView;
import org.trialledger.log.application.LedgerLog;
import org.trialledger.log.application.LogSigner;
import org.trialledger.log.application.ReceiptView;
import org.trialledger.log.application.WitnessView;

/** The log, public: its key, checkpoints and proofs. Anyone may check the registry with these. */
@Path("/log")
@PermitAll
@Tag(name = "Log")
public class LogResource {
  /** Notes contain non-ASCII text ("—"); a client must not guess ISO-8859-1. */
  static final String SIGNED_NOTE = "text/plain; charset=utf-8";

  @Inject private LedgerLog log;
  @Inject private LogSigner signer;
  @Inject private WitnessView witnessed;

  @GET
  @Path("/key")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "The log's origin, key id and verifier key (C2SP signed-note vkey)")
  public LogKeyView key() {
    return new LogKeyView(signer.origin(), signer.keyId(), signer.vkey());
  }

  @GET
  @Path("/checkpoint")
  @Produces(SIGNED_NOTE)
  @Operation(summary = "The latest signed checkpoint (C2SP tlog-checkpoint signed note)")
  public String latestCheckpoint() {
    return witnessed.cosigned(log.latestCheckpointView());
  }

  @GET
  @Path("/checkpoint/{size}")
  @Produces(SIGNED_NOTE)
  @Operation(summary = "The signed checkpoint published for a tree size")
  public String checkpoint(@PathParam("size") long size) {
    return log.checkpointView(size).note();
  }

  @GET
  @Path("/checkpoints")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "The most recent checkpoints, newest first")
  public List<CheckpointView> checkpoints(@QueryParam("max") Integer max) {
    int n = max == null ? 20 : max;
    if (n < 1 || n > 1000) throw new BadRequestException("max must be between 1 and 1000");
    return log.recentCheckpointViews(n);
  }

  @GET
  @Path("/entries")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Leaves in index order from start (at most 1000): entry, leaf hash, artifact, content hash or commitment")
  public List<ReceiptView> entries(
      @QueryParam("start") Long start, @QueryParam("max") Integer max) {
    long from = start == null ? 0 : start;
    int n = max == null ? 100 : max;
    if (from < 0 || n < 1 || n > 1000)
      throw new BadRequestException("start must be ≥ 0 and max between 1 and 1000");
    return log.leafReceipts(from, n);
  }

  @GET
  @Path("/proof/inclusion")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "inclusionProof",
      summary = "Inclusion proof of a leaf index in a published tree size")
  public ProofView inclusion(@QueryParam("leaf") Long leaf, @QueryParam("size") Long size) {
    if (leaf == null || size == null) throw new BadRequestException("leaf and size are required");
    return new ProofView(
        "inclusion",
        leaf,
        size,
        log.checkpointView(size).rootHash(),
        hex(log.inclusionProof(leaf, size)));
  }

  @GET
  @Path("/proof/consistency")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "consistencyProof",
      summary = "Consistency proof between two published tree sizes")
  public ProofView consistency(@QueryParam("old") Long oldSize, @QueryParam("new") Long newSize) {
    if (oldSize == null || newSize == null)
      throw new BadRequestException("old and new are required");
    return new ProofView(
        "consistency",
        oldSize,
        newSize,
        log.checkpointView(newSize).rootHash(),
        hex(log.consistencyProof(oldSize, newSize)));
  }

  @GET
  @Path("/witnesses")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "The configured witnesses, the quorum and the largest tree size that quorum cosigned")
  public WitnessView.WitnessSummary witnesses() {
    return witnessed.summary();
  }

  private static List<String> hex(List<Hash> hashes) {
    return hashes.stream().map(Hash::hex).toList();
  }

  /** The log's identity. */
  public record LogKeyView(String origin, String keyId, String vkey) {}
}
