package io.andon.tdg.source;

import com.github.javaparser.Position;
import com.github.javaparser.Range;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.AnnotationExpr;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts documented declarations. Comments are not attached to nodes by the parser (that costs a
 * fifth of the parse time); a declaration has Javadoc when the last Javadoc comment ending before
 * it starts after the code that precedes it (the previous member, or the enclosing declaration's
 * opening), which is how the parser would attach it.
 */
final class JavadocCount {
  private final List<Range> javadocs;
  private int api;
  private int documented;
  private final List<String> missing = new ArrayList<>();

  /** A count over a file whose Javadoc comments span {@code javadocs}, sorted by their end. */
  JavadocCount(List<Range> javadocs) {
    this.javadocs = javadocs;
  }

  /** Counts {@code n}, a declaration of the public API called {@code name}. */
  void count(Node n, String name) {
    api++;
    if (hasJavadoc(n)) {
      documented++;
    } else {
      missing.add(name);
    }
  }

  /** How many declarations of the public API were counted. */
  int api() {
    return api;
  }

  /** How many of them have Javadoc. */
  int documented() {
    return documented;
  }

  /** The names of those without. */
  List<String> missing() {
    return List.copyOf(missing);
  }

  private boolean hasJavadoc(Node n) {
    if (n.getBegin().isEmpty() || javadocs.isEmpty()) {
      return false;
    }
    Position begin = n.getBegin().get();
    int lo = 0;
    int hi = javadocs.size() - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (javadocs.get(mid).end.isBefore(begin)) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    if (found < 0) {
      return false;
    }
    Range doc = javadocs.get(found);
    Position floor = previousCodeEnd(n);
    return floor == null || floor.isBefore(doc.begin);
  }

  /** Where the code before {@code n} ends: the previous sibling, else the parent's start. */
  private static Position previousCodeEnd(Node n) {
    Node parent = n.getParentNode().orElse(null);
    if (parent == null) {
      return null;
    }
    Position best = null;
    Position begin = n.getBegin().get();
    for (Node sibling : parent.getChildNodes()) {
      if (sibling == n || sibling.getEnd().isEmpty()) {
        continue;
      }
      Position end = sibling.getEnd().get();
      if (end.isBefore(begin)
          && (best == null || best.isBefore(end))
          && !(sibling instanceof AnnotationExpr)
          && !(sibling instanceof Modifier)) {
        best = end;
      }
    }
    if (best == null && !(parent instanceof CompilationUnit)) {
      best = parent.getBegin().orElse(null);
    }
    return best;
  }
}
