package org.trialledger.results.application;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The results entry page's editable copy of a results record: every value as typed (text), so that
 * a value the record cannot hold stays in its field for the user to correct. Tables are grids of
 * cells, columns per group, like a spreadsheet. {@link EntryMapper} turns it into a record and back
 * and gives each field the record path that validation findings name.
 */
public final class EntryForm implements Serializable {
  private static final long serialVersionUID = 1L;

  /** A block of named text fields; {@code path} is its place in the record (set when mapped). */
  public static class Part implements Serializable {
    private static final long serialVersionUID = 1L;
    private final Map<String, String> f = new LinkedHashMap<>();
    String path;

    public Map<String, String> getF() {
      return f;
    }

    public String getPath() {
      return path;
    }

    String get(String key) {
      String v = f.get(key);
      return v == null || v.isBlank() ? null : v.strip();
    }

    Part set(String key, Object value) {
      f.put(key, value == null ? null : value.toString());
      return this;
    }

    boolean blank() {
      return f.values().stream().allMatch(v -> v == null || v.isBlank());
    }
  }

  /**
   * One cell of a grid, as typed; {@code path} names the record field it fills. A count cell may
   * also carry the number of units (when units other than participants are analysed) and any cell a
   * comment, as ClinicalTrials.gov records them per cell.
   */
  public static final class Cell implements Serializable {
    private static final long serialVersionUID = 1L;
    private String text;
    private String units;
    private String note;
    String path;
    String unitsPath;

    public Cell() {}

    Cell(Object value) {
      text = value == null ? null : value.toString();
    }

    public String getText() {
      return text;
    }

    public void setText(String t) {
      text = t;
    }

    public String getPath() {
      return path;
    }

    public String getUnits() {
      return units;
    }

    public void setUnits(String u) {
      units = u;
    }

    public String getNote() {
      return note;
    }

    public void setNote(String n) {
      note = n;
    }

    public String getUnitsPath() {
      return unitsPath;
    }

    /** No value, units nor comment. */
    boolean blank() {
      return isBlank(text) && isBlank(units) && isBlank(note);
    }

    boolean textBlank() {
      return isBlank(text);
    }

    String units() {
      return isBlank(units) ? null : units.strip();
    }

    String note() {
      return isBlank(note) ? null : note.strip();
    }

    private static boolean isBlank(String s) {
      return s == null || s.isBlank();
    }

    String value() {
      return textBlank() ? null : text.strip();
    }
  }

  /** A row: its labels in {@code f} (e.g. "label", "label2") and its cells. */
  public static final class Row extends Part {
    private static final long serialVersionUID = 1L;
    private final List<Cell> cells = new ArrayList<>();

    public List<Cell> getCells() {
      return cells;
    }

    boolean empty() {
      return blank() && cells.stream().allMatch(Cell::blank);
    }
  }

  /**
   * A table: {@code perGroup} cells for each group column (e.g. value and dispersion); rows with
   * fixed labels cannot be removed or renamed.
   */
  public static final class Grid implements Serializable {
    private static final long serialVersionUID = 1L;
    private final List<Row> rows = new ArrayList<>();
    final int perGroup;
    final boolean fixed;

    Grid(int perGroup, boolean fixed) {
      this.perGroup = perGroup;
      this.fixed = fixed;
    }

    public List<Row> getRows() {
      return rows;
    }

    public int getPerGroup() {
      return perGroup;
    }

    public boolean isFixed() {
      return fixed;
    }

    Row addRow(int groups) {
      Row r = new Row();
      for (int i = 0; i < groups * perGroup; i++) r.cells.add(new Cell());
      rows.add(r);
      return r;
    }

    void addColumnsFor(int groups) {
      for (int i = 0; i < groups; i++) addColumn();
    }

    void addColumn() {
      for (Row r : rows) for (int i = 0; i < perGroup; i++) r.cells.add(new Cell());
    }

    Cell cell(int row, int group, int k) {
      return rows.get(row).cells.get(group * perGroup + k);
    }
  }

  /** A module's group columns and the tables that have a column per group. */
  public static class Module extends Part {
    private static final long serialVersionUID = 1L;
    private final List<Part> groups = new ArrayList<>();
    final String prefix;

    Module(String prefix) {
      this.prefix = prefix;
    }

    public List<Part> getGroups() {
      return groups;
    }

    Part addGroup(String title, String arm) {
      Part g = new Part().set("title", title).set("armLabel", arm);
      groups.add(g);
      grids().forEach(Grid::addColumn);
      return g;
    }

    /** The group's id as imported, else one numbered in the module's prefix. */
    String groupId(int i) {
      String kept = i < groups.size() ? groups.get(i).get("id") : null;
      return kept != null ? kept : String.format(Locale.ROOT, "%s%03d", prefix, i);
    }

    /** Every grid with a column per group of this module. */
    List<Grid> grids() {
      return List.of();
    }

    public void addGroup() {
      addGroup(null, null);
    }
  }

  public static final class Period extends Part {
    private static final long serialVersionUID = 1L;
    final Grid milestones = new Grid(1, false);
    final Grid reasons = new Grid(1, false);

    public Grid getMilestones() {
      return milestones;
    }

    public Grid getReasons() {
      return reasons;
    }
  }

  public static final class Flow extends Module {
    private static final long serialVersionUID = 1L;
    private final List<Period> periods = new ArrayList<>();

    Flow() {
      super("FG");
    }

    public List<Period> getPeriods() {
      return periods;
    }

    @Override
    List<Grid> grids() {
      List<Grid> out = new ArrayList<>();
      for (Period p : periods) {
        out.add(p.milestones);
        out.add(p.reasons);
      }
      return out;
    }

    public void addPeriod() {
      Period p = new Period();
      p.set("title", periods.isEmpty() ? "Overall Study" : null);
      for (String type : List.of("STARTED", "COMPLETED", "NOT COMPLETED"))
        p.milestones.addRow(getGroups().size()).set("label", type);
      periods.add(p);
    }
  }

  /**
   * A measure's table: rows are categories (with an optional class), two cells per group; its
   * numbers analysed, a row per unit (label: the units, e.g. "Participants", "Eyes"); and numbers
   * analysed per class (label: the class, label2: the units).
   */
  public static class Measure extends Module {
    private static final long serialVersionUID = 1L;
    final Grid table = new Grid(2, false);
    final Grid denoms = new Grid(1, false);
    final Grid classDenoms = new Grid(1, false);

    Measure(String prefix) {
      super(prefix);
    }

    public Grid getTable() {
      return table;
    }

    public Grid getDenoms() {
      return denoms;
    }

    public Grid getClassDenoms() {
      return classDenoms;
    }

    @Override
    List<Grid> grids() {
      return List.of(table, denoms, classDenoms);
    }
  }

  public static final class Outcome extends Measure {
    private static final long serialVersionUID = 1L;
    private final List<Analysis> analyses = new ArrayList<>();

    Outcome() {
      super("OG");
    }

    public List<Analysis> getAnalyses() {
      return analyses;
    }

    public void addAnalysis() {
      Analysis a = new Analysis();
      for (int i = 0; i < getGroups().size(); i++) a.groupIds.add(groupId(i));
      analyses.add(a);
    }

    /** The group ids with their titles, for choosing the groups an analysis compares. */
    public Map<String, String> getGroupChoices() {
      Map<String, String> out = new LinkedHashMap<>();
      for (int i = 0; i < getGroups().size(); i++) {
        String t = getGroups().get(i).get("title");
        out.put(t == null ? "Group " + (i + 1) : t, groupId(i));
      }
      return out;
    }
  }

  public static final class Analysis extends Part {
    private static final long serialVersionUID = 1L;
    private List<String> groupIds = new ArrayList<>();

    public List<String> getGroupIds() {
      return groupIds;
    }

    public void setGroupIds(List<String> ids) {
      groupIds = ids == null ? new ArrayList<>() : new ArrayList<>(ids);
    }
  }

  public static final class Baseline extends Module {
    private static final long serialVersionUID = 1L;
    // a row per unit analysed (label: the units)
    final Grid denoms = new Grid(1, false);
    private final List<Measure> measures = new ArrayList<>();

    Baseline() {
      super("BG");
      denoms.addRow(0).set("label", PARTICIPANTS);
    }

    public Grid getDenoms() {
      return denoms;
    }

    public List<Measure> getMeasures() {
      return measures;
    }

    @Override
    List<Grid> grids() {
      List<Grid> out = new ArrayList<>(List.of(denoms));
      measures.forEach(m -> out.addAll(m.grids()));
      return out;
    }

    public void addMeasure() {
      Measure m = new Measure("BG");
      m.table.addRow(getGroups().size());
      measures.add(m);
    }
  }

  /**
   * Totals per group in fixed rows; serious and other events by term: affected, at risk and the
   * number of events per group.
   */
  public static final class Events extends Module {
    private static final long serialVersionUID = 1L;
    static final List<String> TOTALS =
        List.of(
            "deathsNumAffected", "deathsNumAtRisk",
            "seriousNumAffected", "seriousNumAtRisk",
            "otherNumAffected", "otherNumAtRisk");
    static final List<String> TOTAL_LABELS =
        List.of(
            "Deaths: affected", "Deaths: at risk",
            "Serious: affected", "Serious: at risk",
            "Other: affected", "Other: at risk");
    final Grid totals = new Grid(1, true);
    final Grid serious = new Grid(3, false);
    final Grid other = new Grid(3, false);

    Events() {
      super("EG");
      for (String l : TOTAL_LABELS) totals.addRow(0).set("label", l);
    }

    public Grid getTotals() {
      return totals;
    }

    public Grid getSerious() {
      return serious;
    }

    public Grid getOther() {
      return other;
    }

    @Override
    List<Grid> grids() {
      return List.of(totals, serious, other);
    }
  }

  static final String PARTICIPANTS = "Participants";

  final Flow flow = new Flow();
  final Baseline baseline = new Baseline();
  final List<Outcome> outcomes = new ArrayList<>();
  final List<Part> unreported = new ArrayList<>();
  final Events events = new Events();
  final Part moreInfo = new Part();

  public Flow getFlow() {
    return flow;
  }

  public Baseline getBaseline() {
    return baseline;
  }

  public List<Outcome> getOutcomes() {
    return outcomes;
  }

  public List<Part> getUnreported() {
    return unreported;
  }

  public Events getEvents() {
    return events;
  }

  public Part getMoreInfo() {
    return moreInfo;
  }

  public void addOutcome() {
    Outcome o = new Outcome();
    o.set("type", "SECONDARY");
    o.denoms.addRow(0).set("label", PARTICIPANTS);
    o.table.addRow(0);
    for (Part g : flow.getGroups()) o.addGroup(g.get("title"), g.get("armLabel"));
    outcomes.add(o);
  }

  public void addUnreported() {
    unreported.add(new Part());
  }

  /** Adds an empty row to a grid, with cells for every group of its module. */
  public void addRow(Grid grid) {
    grid.addRow(groupsOf(grid));
  }

  private int groupsOf(Grid grid) {
    List<Module> modules = new ArrayList<>(List.of(flow, baseline, events));
    modules.addAll(outcomes);
    for (Module m : modules) if (m.grids().contains(grid)) return m.getGroups().size();
    throw new IllegalArgumentException("Not a table of this form");
  }
}
