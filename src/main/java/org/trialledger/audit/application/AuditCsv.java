package org.trialledger.audit.application;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Iterator;
import java.util.stream.Stream;
import org.trialledger.audit.store.AuditEvent;

/**
 * Writes audit records as RFC 4180 CSV, with cells that a spreadsheet would run as formulas
 * defused.
 */
public final class AuditCsv {
  static final String HEADER =
      "id,occurred_at_utc,actor,actor_organisation_id,action,object_type,object_id,old_value,new_value,reason,record_hash";

  private AuditCsv() {}

  public static void write(Stream<AuditEvent> events, Writer out) {
    try {
      out.write(HEADER);
      out.write("\r\n");
      Iterator<AuditEvent> it = events.iterator();
      while (it.hasNext()) {
        AuditEvent e = it.next();
        out.write(
            String.join(
                ",",
                cell(String.valueOf(e.getId())),
                cell(e.getOccurredAt().toString()),
                cell(e.getActor()),
                cell(
                    e.getActorOrganisationId() == null
                        ? ""
                        : e.getActorOrganisationId().toString()),
                cell(e.getAction()),
                cell(e.getObjectType()),
                cell(e.getObjectId()),
                cell(e.getOldValue()),
                cell(e.getNewValue()),
                cell(e.getReason()),
                cell(e.getRecordHash())));
        out.write("\r\n");
      }
      out.flush();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  /** Quotes every cell; a leading =, +, - or @ gets a ' so that no spreadsheet evaluates it. */
  static String cell(String value) {
    if (value == null) return "";
    String v = value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) v = "'" + v;
    return '"' + v.replace("\"", "\"\"") + '"';
  }
}
