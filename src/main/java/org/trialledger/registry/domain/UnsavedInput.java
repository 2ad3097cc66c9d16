package org.trialledger.registry.domain;

import java.util.Collection;
import java.util.Map;

/**
 * Which input of the registration form a field error belongs to. Inputs are named by record path;
 * an error may name a part of one ({@code countries[3]} is a line of the {@code countries} input,
 * {@code arms[0].interventionNames[1]} a line of {@code arms[0].interventionNames}).
 */
public final class UnsavedInput {
  private UnsavedInput() {}

  /** The input an error at {@code errorPath} belongs to, or null when the form has none. */
  public static String inputPath(Collection<String> inputs, String errorPath) {
    String p = errorPath;
    while (p != null && !p.isEmpty()) {
      if (inputs.contains(p)) return p;
      if (p.endsWith("]")) p = p.substring(0, p.lastIndexOf('['));
      else if (p.contains(".")) p = p.substring(0, p.lastIndexOf('.'));
      else p = null;
    }
    return null;
  }

  /** The text of the input an error belongs to, or null. */
  public static String textFor(Map<String, String> typed, String errorPath) {
    String input = inputPath(typed.keySet(), errorPath);
    return input == null ? null : typed.get(input);
  }
}
