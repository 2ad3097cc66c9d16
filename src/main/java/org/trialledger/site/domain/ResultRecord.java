package org.trialledger.site.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.trialledger.registry.domain.FieldError;
import org.trialledger.registry.domain.InvalidRecordException;

/**
 * One subject's value of a registered outcome measure at one visit. A value is never edited: a
 * correction is the next version, with a reason. Numbers are kept as the text entered (a plain
 * decimal with a point) so that they hash as entered and keep their precision; {@code enteredAt} is
 * UTC, whole seconds.
 */
public record ResultRecord(
    String trialId,
    String siteId,
    Pseudonym subject,
    String visit,
    LocalDate observedOn,
    int outcomeIndex,
    String outcomeMeasure,
    ValueType valueType,
    String value,
    String unit,
    int version,
    String reasonForChange,
    String enteredBy,
    Instant enteredAt)
    implements LedgerRecord {

  public static final String SCHEMA = "trialledger.result/1";
  private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9][0-9]{0,14})(\\.[0-9]{1,12})?");

  public enum ValueType {
    NUMBER,
    TEXT
  }

  public ResultRecord {
    if (enteredAt != null) enteredAt = enteredAt.truncatedTo(ChronoUnit.SECONDS);
  }

  /** The first entry of a value. */
  public static ResultRecord first(
      String trialId,
      String siteId,
      Pseudonym subject,
      String visit,
      LocalDate observedOn,
      OutcomeMeasure measure,
      ValueType valueType,
      String value,
      String unit,
      String enteredBy,
      Instant enteredAt) {
    return new ResultRecord(
        trialId,
        siteId,
        subject,
        visit,
        observedOn,
        measure.index(),
        measure.name(),
        valueType,
        value,
        unit,
        1,
        null,
        enteredBy,
        enteredAt);
  }

  /** The next version of this value, for a correction. */
  public ResultRecord correct(
      String newValue,
      String newUnit,
      String reasonForChange,
      String enteredBy,
      Instant enteredAt) {
    return new ResultRecord(
        trialId,
        siteId,
        subject,
        visit,
        observedOn,
        outcomeIndex,
        outcomeMeasure,
        valueType,
        newValue,
        newUnit,
        version + 1,
        reasonForChange,
        enteredBy,
        enteredAt);
  }

  /** What versions of one value share: subject, visit and measure. */
  public record Key(Pseudonym subject, String visit, int outcomeIndex) {}

  public Key key() {
    return new Key(subject, visit, outcomeIndex);
  }

  @Override
  public String schema() {
    return SCHEMA;
  }

  @Override
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("schema", SCHEMA);
    Json.put(json, "trialId", trialId);
    Json.put(json, "siteId", siteId);
    Json.put(json, "subject", subject);
    Json.put(json, "visit", visit);
    Json.put(json, "observedOn", observedOn);
    Json.put(json, "outcomeIndex", outcomeIndex);
    Json.put(json, "outcomeMeasure", outcomeMeasure);
    Json.put(json, "valueType", valueType);
    Json.put(json, "value", value);
    Json.put(json, "unit", unit);
    Json.put(json, "version", version);
    Json.put(json, "reasonForChange", reasonForChange);
    Json.put(json, "enteredBy", enteredBy);
    Json.put(json, "enteredAt", enteredAt);
    return json;
  }

  public static ResultRecord fromJson(Object json) {
    Json.Reader r = Json.reader(json, "");
    r.requireSchema(SCHEMA);
    Integer index = r.integer("outcomeIndex");
    Integer version = r.integer("version");
    if (index == null) throw Json.wrong("outcomeIndex", "a whole number");
    if (version == null) throw Json.wrong("version", "a whole number");
    ResultRecord record =
        new ResultRecord(
            r.text("trialId"),
            r.text("siteId"),
            r.pseudonym("subject"),
            r.text("visit"),
            r.date("observedOn"),
            index,
            r.text("outcomeMeasure"),
            r.enumValue("valueType", ValueType.class),
            r.text("value"),
            r.text("unit"),
            version,
            r.text("reasonForChange"),
            r.text("enteredBy"),
            r.instant("enteredAt"));
    r.done();
    return record;
  }

  /**
   * Problems with this record; {@code registered} are the trial's outcome measures (see {@link
   * OutcomeMeasure#registered}).
   */
  public List<FieldError> validate(Clock clock, List<OutcomeMeasure> registered) {
    List<FieldError> errors = new ArrayList<>();
    Checks.trialId(errors, "trialId", trialId);
    Checks.siteId(errors, "siteId", siteId);
    Checks.required(errors, "subject", subject);
    Checks.text(errors, "visit", visit, 100, true);
    Checks.notFuture(errors, "observedOn", observedOn, LocalDate.now(clock), true);
    OutcomeMeasure measure =
        registered.stream().filter(m -> m.index() == outcomeIndex).findFirst().orElse(null);
    if (measure == null) {
      errors.add(
          new FieldError(
              "outcomeIndex", "The trial has no registered outcome measure " + outcomeIndex));
    } else if (!measure.name().equals(outcomeMeasure)) {
      errors.add(
          new FieldError(
              "outcomeMeasure",
              "Outcome measure " + outcomeIndex + " is registered as \"" + measure.name() + "\""));
    }
    if (valueType == null)
      errors.add(new FieldError("valueType", "Say whether the value is a number or text"));
    Checks.text(errors, "value", value, 1000, true);
    if (valueType == ValueType.NUMBER
        && value != null
        && !value.isBlank()
        && !DECIMAL.matcher(value).matches()) {
      errors.add(new FieldError("value", numberProblem(value)));
    }
    Checks.text(errors, "unit", unit, 50, false);
    Checks.version(errors, version, reasonForChange);
    Checks.username(errors, "enteredBy", enteredBy);
    Checks.notFuture(errors, "enteredAt", enteredAt, clock.instant());
    return errors;
  }

  private static String numberProblem(String value) {
    if (value.matches("-?[0-9]+,[0-9]+")) return "Use a point as the decimal separator, e.g. 12.5";
    if (value.matches("[+-]?[0-9.]+[eE][+-]?[0-9]+"))
      return "Write the number out without an exponent";
    return "Not a number: write digits with an optional '-' and decimal point, e.g. -12.5";
  }

  public ResultRecord requireValid(Clock clock, List<OutcomeMeasure> registered) {
    List<FieldError> errors = validate(clock, registered);
    if (!errors.isEmpty()) throw new InvalidRecordException(errors);
    return this;
  }
}
