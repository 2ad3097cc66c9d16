package org.trialledger.registry.application;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Answers to whole queries, kept for a fixed time. The registry clears it when what the public sees
 * changes; the time limit bounds staleness should another instance make the change. When full it is
 * emptied rather than trimmed: repeated queries refill it at once, and there is no ordering to
 * keep.
 */
final class QueryCache {
  private record Entry(Object value, long until) {}

  private final Map<Object, Entry> entries = new ConcurrentHashMap<>();
  private final long lifetimeMillis;
  private final int maxEntries;
  private final LongSupplier clockMillis;

  QueryCache(long lifetimeMillis, int maxEntries, LongSupplier clockMillis) {
    this.lifetimeMillis = lifetimeMillis;
    this.maxEntries = maxEntries;
    this.clockMillis = clockMillis;
  }

  /** The cached answer for this key, or {@code compute}'s, which is then kept. */
  @SuppressWarnings("unchecked")
  <T> T get(Object key, Supplier<T> compute) {
    long now = clockMillis.getAsLong();
    Entry hit = entries.get(key);
    if (hit != null && hit.until() > now) return (T) hit.value();
    T value = compute.get();
    if (entries.size() >= maxEntries) entries.clear();
    entries.put(key, new Entry(value, now + lifetimeMillis));
    return value;
  }

  void clear() {
    entries.clear();
  }

  int size() {
    return entries.size();
  }
}
