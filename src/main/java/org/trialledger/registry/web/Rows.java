package org.trialledger.registry.web;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** A list of rows the page edits and extends; rows left blank are not part of the record. */
public final class Rows<T extends Rows.Row> implements Serializable {
  private static final long serialVersionUID = 1L;

  /** One row of form fields. */
  public interface Row extends Serializable {
    boolean isEmpty();
  }

  /** Makes a blank row; serializable, as the form lives in the view state. */
  public interface Blank<T> extends Supplier<T>, Serializable {}

  private final List<T> rows = new ArrayList<>();
  private final Blank<T> blank;

  Rows(Blank<T> blank) {
    this.blank = blank;
  }

  /** Rows for a record's list, one each. */
  static <T extends Row, R> Rows<T> of(Blank<T> blank, List<R> items, Function<R, T> toRow) {
    Rows<T> out = new Rows<>(blank);
    items.forEach(i -> out.rows.add(toRow.apply(i)));
    return out;
  }

  /** Appends a blank row. */
  public void add() {
    rows.add(blank.get());
  }

  public List<T> getRows() {
    return rows;
  }

  /** The filled rows as record values. */
  <R> List<R> toList(Function<T, R> toItem) {
    return rows.stream().filter(r -> !r.isEmpty()).map(toItem).toList();
  }
}
