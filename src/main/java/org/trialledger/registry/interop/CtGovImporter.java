package org.trialledger.registry.interop;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.List;
import org.trialledger.ledger.json.JsonParser;
import org.trialledger.registry.domain.PartialDate;
import org.trialledger.registry.domain.RegistrationRecord;
import org.trialledger.registry.domain.RegistrationRecord.SummaryResults;

/**
 * Imports a ClinicalTrials.gov API v2 study ({@code GET /api/v2/studies/{nctId}}) as a draft
 * registration record. Every field with a home in the record is mapped; every other path that holds
 * a value is listed in {@link ImportResult#unmapped()}. Unknown codes and wrong types become
 * warnings, never exceptions: the API adds values over time. Results are not imported, only the
 * fact and date of their posting.
 */
public final class CtGovImporter {
  private CtGovImporter() {}

  /**
   * @throws IllegalArgumentException when the text is not JSON or not a study record
   */
  public static ImportResult importStudy(String json) {
    if (json == null || json.isBlank())
      throw new IllegalArgumentException("The ClinicalTrials.gov record is empty");
    try {
      JsonParser.parse(
          json); // first through the bounded parser: nesting, number sizes, duplicate keys
    } catch (JsonParser.MalformedJsonException e) {
      throw new IllegalArgumentException(
          "The ClinicalTrials.gov record is not valid JSON: " + e.getMessage(), e);
    }
    JsonValue value;
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      value = reader.readValue();
    } catch (JsonParsingException e) {
      throw new IllegalArgumentException(
          "The ClinicalTrials.gov record is not valid JSON (line "
              + e.getLocation().getLineNumber()
              + ", column "
              + e.getLocation().getColumnNumber()
              + "): "
              + e.getMessage(),
          e);
    } catch (JsonException e) {
      throw new IllegalArgumentException(
          "The ClinicalTrials.gov record is not valid JSON: " + e.getMessage(), e);
    }
    if (!(value instanceof JsonObject study)) {
      throw new IllegalArgumentException(
          "A ClinicalTrials.gov study record is a JSON object, not " + value.getValueType());
    }
    return importStudy(study);
  }

  /**
   * @throws IllegalArgumentException when the object has no {@code protocolSection}
   */
  public static ImportResult importStudy(JsonObject study) {
    ReadLog log = new ReadLog();
    JsonNode root = new JsonNode(study, "", log);
    JsonNode protocol = root.object("protocolSection");
    if (!protocol.present()) {
      throw new IllegalArgumentException(
          "Not a ClinicalTrials.gov study record: it has no protocolSection object");
    }
    RegistrationRecord record =
        new CtGovProtocolReader(protocol).read(summaryResults(study, root, protocol));
    return new ImportResult(record, log.unmapped(study), log.warnings());
  }

  /**
   * That results are posted, when and where; their content (participant flow, baseline, outcome
   * measures, adverse events) has no home in the record and is reported as unmapped, module by
   * module.
   */
  private static SummaryResults summaryResults(JsonObject study, JsonNode root, JsonNode protocol) {
    root.object("resultsSection"); // warns when it is not an object
    JsonObject section = study.get("resultsSection") instanceof JsonObject o ? o : null;
    Boolean hasResults = root.bool("hasResults");
    if (hasResults != null && hasResults != (section != null)) {
      root.warn(
          "hasResults is "
              + hasResults
              + " but the record "
              + (section != null ? "has" : "has no")
              + " resultsSection");
    }
    if (section == null) return null;
    root.itemize("resultsSection"); // unmapped lists its modules one by one
    JsonNode posted = protocol.object("statusModule").object("resultsFirstPostDateStruct");
    PartialDate firstPosted = CtGovProtocolReader.date(posted);
    if (firstPosted != null && "ACTUAL".equals(posted.peekText("type"))) posted.mapped("type");
    String nct = protocol.object("identificationModule").peekText("nctId");
    String url = nct == null ? null : "https://clinicaltrials.gov/study/" + nct + "?tab=results";
    return new SummaryResults(
        firstPosted,
        url,
        "Summary results are posted on ClinicalTrials.gov ("
            + String.join(", ", List.copyOf(section.keySet()))
            + "); their content was not imported.");
  }
}
