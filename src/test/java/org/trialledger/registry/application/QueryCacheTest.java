package org.trialledger.registry.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class QueryCacheTest {
  private final AtomicLong now = new AtomicLong(1_000);
  private final AtomicInteger computed = new AtomicInteger();
  private final QueryCache cache = new QueryCache(10_000, 3, now::get);

  private String answer(String key) {
    return cache.get(key, () -> key + "#" + computed.incrementAndGet());
  }

  @Test
  void aRepeatedQueryIsAnsweredFromTheCacheUntilItsTimeIsUp() {
    assertEquals("q#1", answer("q"));
    now.addAndGet(9_999);
    assertEquals("q#1", answer("q"));
    now.addAndGet(1);
    assertEquals("q#2", answer("q"), "computed again once 10 s have passed");
  }

  @Test
  void clearingForgetsEveryAnswer() {
    answer("a");
    answer("b");
    cache.clear();
    assertEquals("a#3", answer("a"));
  }

  @Test
  void aFullCacheIsEmptiedBeforeTheNextAnswerIsKept() {
    answer("a");
    answer("b");
    answer("c");
    assertEquals(3, cache.size());
    answer("d");
    assertEquals(1, cache.size(), "only the newest answer is kept");
    assertEquals("a#5", answer("a"), "the older ones are computed again");
  }
}
