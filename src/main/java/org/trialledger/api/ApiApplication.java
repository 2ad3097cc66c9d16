package org.trialledger.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@ApplicationPath("/api")
@OpenAPIDefinition(
    info =
        @Info(
            title = "TrialLedger API",
            version = "1",
            description =
                "Clinical-trial registry with a verifiable ledger. Errors are RFC 9457 problem documents."
                    + " Authenticate with HTTP Basic."),
    tags = {
      @Tag(name = "Account", description = "Who the caller is"),
      @Tag(
          name = "Administration",
          description = "Organisations and user accounts (administrators)"),
      @Tag(
          name = "Anchoring",
          description = "Bitcoin (OpenTimestamps) and RFC 3161 anchors of the log's checkpoints"),
      @Tag(
          name = "Audit trail",
          description = "Who did what, when (regulators and administrators)"),
      @Tag(
          name = "Log",
          description =
              "The public Merkle log: key, signed checkpoints, entries, proofs, receipts, full audits"),
      @Tag(
          name = "Registry",
          description =
              "Trial registrations: search, drafts, review, versions, documents, exports"),
      @Tag(
          name = "Sites",
          description = "Site activation, subjects, consents, results and adverse events"),
      @Tag(
          name = "Verification",
          description =
              "Check hashes, receipts, proof bundles and checkpoints; inspection packages")
    })
@SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
public class ApiApplication extends Application {}
