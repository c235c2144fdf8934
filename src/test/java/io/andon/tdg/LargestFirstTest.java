package io.andon.tdg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LargestFirstTest {
  private static final int CORES = Runtime.getRuntime().availableProcessors();

  @Test
  void itemsAreStartedLargestFirstAndTheResultsComeBackInTheItemsOrder() {
    List<Integer> sizes = IntStream.range(0, 200).map(i -> (i * 37) % 200).boxed().toList();
    List<Integer> started = Collections.synchronizedList(new ArrayList<>());

    List<String> out =
        LargestFirst.map(
            sizes,
            s -> s,
            s -> {
              started.add(s);
              return "item " + s;
            });

    assertThat(out).containsExactlyElementsOf(sizes.stream().map(s -> "item " + s).toList());
    // each core takes the largest item left when it starts one: none is ever ahead of the queue
    // by more than the number of cores
    for (int i = 0; i < started.size(); i++) {
      assertThat(started.get(i))
          .as("item started %d-th", i)
          .isGreaterThanOrEqualTo(199 - i - CORES);
    }
  }

  @Test
  void everyCoreWorksAtOnce() throws Exception {
    Set<String> threads = ConcurrentHashMap.newKeySet();
    java.util.concurrent.CountDownLatch all = new java.util.concurrent.CountDownLatch(CORES);

    LargestFirst.map(
        IntStream.range(0, CORES).boxed().toList(),
        i -> i,
        i -> {
          threads.add(Thread.currentThread().getName());
          all.countDown();
          try {
            return all.await(10, java.util.concurrent.TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
        });

    assertThat(threads).hasSize(CORES);
  }

  @Test
  void aFailureOfOneItemIsThrownToTheCaller() {
    assertThatThrownBy(
            () ->
                LargestFirst.map(
                    List.of(1, 2, 3, 4, 5),
                    i -> i,
                    i -> {
                      if (i == 3) {
                        throw new IllegalArgumentException("item 3 is bad");
                      }
                      return i;
                    }))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("item 3 is bad");
  }
}
