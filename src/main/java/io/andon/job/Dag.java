package io.andon.job;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * The task graph of a job: indices in declaration order, edges from a dependency to its dependents.
 * Topological order by Kahn's algorithm, ties broken by declaration order so every run schedules
 * the same way.
 */
public final class Dag {
  private final List<String> keys;
  private final Map<String, Integer> index;
  private final int[][] upstream;
  private final int[][] downstream;

  /** Builds the graph; dependencies on unknown keys are ignored (the loader reports them). */
  public Dag(List<TaskSpec> tasks) {
    keys = new ArrayList<>(tasks.size());
    index = new HashMap<>(tasks.size() * 2);
    for (TaskSpec t : tasks) {
      index.putIfAbsent(t.taskKey(), keys.size());
      keys.add(t.taskKey());
    }
    upstream = new int[tasks.size()][];
    List<List<Integer>> down = new ArrayList<>(tasks.size());
    for (int i = 0; i < tasks.size(); i++) {
      down.add(new ArrayList<>(2));
    }
    for (int i = 0; i < tasks.size(); i++) {
      List<Dependency> deps = tasks.get(i).dependsOn();
      int[] up = new int[deps.size()];
      int n = 0;
      for (Dependency d : deps) {
        Integer j = index.get(d.taskKey());
        if (j != null && !contains(up, n, j)) {
          up[n++] = j;
          down.get(j).add(i);
        }
      }
      upstream[i] = n == up.length ? up : java.util.Arrays.copyOf(up, n);
    }
    downstream = new int[tasks.size()][];
    for (int i = 0; i < tasks.size(); i++) {
      downstream[i] = down.get(i).stream().mapToInt(Integer::intValue).toArray();
    }
  }

  private static boolean contains(int[] a, int n, int v) {
    for (int i = 0; i < n; i++) {
      if (a[i] == v) {
        return true;
      }
    }
    return false;
  }

  public int size() {
    return keys.size();
  }

  public String key(int i) {
    return keys.get(i);
  }

  public Optional<Integer> indexOf(String key) {
    return Optional.ofNullable(index.get(key));
  }

  public int[] upstream(int i) {
    return upstream[i];
  }

  public int[] downstream(int i) {
    return downstream[i];
  }

  /** Leaves: tasks no other task depends on. */
  public boolean isLeaf(int i) {
    return downstream[i].length == 0;
  }

  /** Topological order; shorter than size() when the graph has a cycle. */
  public List<Integer> order() {
    int n = keys.size();
    int[] indeg = new int[n];
    for (int i = 0; i < n; i++) {
      indeg[i] = upstream[i].length;
    }
    PriorityQueue<Integer> ready = new PriorityQueue<>();
    for (int i = 0; i < n; i++) {
      if (indeg[i] == 0) {
        ready.add(i);
      }
    }
    List<Integer> out = new ArrayList<>(n);
    while (!ready.isEmpty()) {
      int i = ready.poll();
      out.add(i);
      for (int d : downstream[i]) {
        if (--indeg[d] == 0) {
          ready.add(d);
        }
      }
    }
    return out;
  }

  /** One cycle as a path of task keys that starts and ends with the same key, if any. */
  public Optional<List<String>> findCycle() {
    int n = keys.size();
    int[] color = new int[n]; // 0 white, 1 on stack, 2 done
    int[] parent = new int[n];
    for (int s = 0; s < n; s++) {
      if (color[s] != 0) {
        continue;
      }
      // iterative DFS over upstream edges
      int[] stack = new int[n];
      int[] pos = new int[n];
      int top = 0;
      stack[top] = s;
      pos[top] = 0;
      color[s] = 1;
      while (top >= 0) {
        int v = stack[top];
        if (pos[top] < upstream[v].length) {
          int w = upstream[v][pos[top]++];
          if (color[w] == 0) {
            color[w] = 1;
            parent[w] = v;
            stack[++top] = w;
            pos[top] = 0;
          } else if (color[w] == 1) {
            List<String> cycle = new ArrayList<>();
            cycle.add(keys.get(w));
            for (int x = v; x != w; x = parent[x]) {
              cycle.add(keys.get(x));
            }
            cycle.add(keys.get(w));
            // walked against the edges: reverse so it reads "a depends on b depends on ..."
            Collections.reverse(cycle);
            return Optional.of(cycle);
          }
        } else {
          color[v] = 2;
          top--;
        }
      }
    }
    return Optional.empty();
  }

  /** Every task reachable downstream of {@code i}, excluding i. */
  public boolean[] downstreamClosure(int i) {
    boolean[] seen = new boolean[keys.size()];
    java.util.ArrayDeque<Integer> q = new java.util.ArrayDeque<>();
    q.add(i);
    while (!q.isEmpty()) {
      for (int d : downstream[q.poll()]) {
        if (!seen[d]) {
          seen[d] = true;
          q.add(d);
        }
      }
    }
    return seen;
  }

  /** Every task upstream of {@code i} (its transitive dependencies), excluding i. */
  public boolean[] upstreamClosure(int i) {
    boolean[] seen = new boolean[keys.size()];
    java.util.ArrayDeque<Integer> q = new java.util.ArrayDeque<>();
    q.add(i);
    while (!q.isEmpty()) {
      for (int d : upstream[q.poll()]) {
        if (!seen[d]) {
          seen[d] = true;
          q.add(d);
        }
      }
    }
    return seen;
  }
}
