package io.andon.engine;

import io.andon.job.Reference;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the values of {@code {{...}}} references out of shell code. A reference in a {@code
 * shell_task} command is rewritten to an expansion of an environment variable, {@code ANDON_REF_1},
 * {@code ANDON_REF_2}, ... (one per distinct reference), whose value andon sets when the attempt
 * starts. The shell then reads the value as data: {@code $(...)}, backticks, quotes or semicolons
 * in it are never parsed as code.
 *
 * <p>The expansion suits the quoting context of the reference, tracked as {@code sh} reads the
 * command: bare, {@code "${ANDON_REF_1}"} (one word, no globbing); inside double quotes or an
 * unquoted here-document, {@code ${ANDON_REF_1}}; inside single quotes, {@code '"${ANDON_REF_1}"'}
 * (the quote closed, the variable double-quoted, the quote opened again). Command substitutions and
 * backticks start a context of their own. A reference in a here-document whose delimiter is quoted
 * cannot be expanded at all, so it is refused.
 *
 * @param script the command with its references rewritten
 * @param references the reference behind {@code ANDON_REF_<i+1>}, for each {@code i}
 */
record ShellReferences(String script, List<Reference> references) {
  /** Prefix of the variables that carry reference values. */
  static final String PREFIX = "ANDON_REF_";

  ShellReferences {
    references = List.copyOf(references);
  }

  /** The variable that carries the value of {@code references().get(i)}. */
  static String variable(int i) {
    return PREFIX + (i + 1);
  }

  private enum Ctx {
    BARE,
    DOUBLE,
    SINGLE,
    SUBST,
    BACKTICK,
    HEREDOC,
    QUOTED_HEREDOC
  }

  /**
   * Rewrites the references of {@code command}.
   *
   * @throws IllegalStateException for a reference inside a here-document with a quoted delimiter
   */
  static ShellReferences of(String command) {
    List<Reference> refs = Reference.findAll(command);
    if (refs.isEmpty()) {
      return new ShellReferences(command, List.of());
    }
    return new Rewriter(command, refs).run();
  }

  /** One pass over the command, tracking the quoting context at each character. */
  private static final class Rewriter {
    private final String s;
    private final List<Reference> refs;
    private final List<Reference> distinct = new ArrayList<>();
    private final StringBuilder out = new StringBuilder();
    private final Deque<Ctx> stack = new ArrayDeque<>();

    /** Parenthesis depth inside each open command substitution. */
    private final Deque<int[]> parens = new ArrayDeque<>();

    /** Here-documents whose bodies start at the next newline: delimiter, quoted. */
    private final List<Object[]> pendingHeredocs = new ArrayList<>();

    private String heredocEnd = "";

    Rewriter(String s, List<Reference> refs) {
      this.s = s;
      this.refs = refs;
      stack.push(Ctx.BARE);
    }

    ShellReferences run() {
      int next = 0;
      int i = 0;
      while (i < s.length()) {
        while (next < refs.size() && refs.get(next).start() < i) {
          next++; // in a comment or escaped: copied as written, a value never
        }
        if (next < refs.size() && refs.get(next).start() == i) {
          Reference r = refs.get(next++);
          out.append(expansion(r));
          i = r.end();
          continue;
        }
        i = step(i);
      }
      return new ShellReferences(out.toString(), distinct);
    }

    private String expansion(Reference r) {
      int at = -1;
      for (int k = 0; k < distinct.size(); k++) {
        if (distinct.get(k).text().equals(r.text())) {
          at = k;
        }
      }
      if (at < 0) {
        distinct.add(r);
        at = distinct.size() - 1;
      }
      String v = "${" + variable(at) + "}";
      return switch (stack.peek()) {
        case DOUBLE, HEREDOC -> v;
        case SINGLE -> "'\"" + v + "\"'";
        case QUOTED_HEREDOC ->
            throw new IllegalStateException(
                r.text()
                    + " sits in a"
                    + " here-document whose delimiter is quoted, where the shell expands nothing; unquote"
                    + " the delimiter "
                    + heredocEnd
                    + " or pass the value through shell_task.env");
        default -> "\"" + v + "\"";
      };
    }

    /** Copies the character(s) at {@code i}, updating the context; returns the next index. */
    private int step(int i) {
      char c = s.charAt(i);
      Ctx ctx = stack.peek();
      switch (ctx) {
        case SINGLE -> {
          if (c == '\'') {
            stack.pop();
          }
          return copy(i, 1);
        }
        case HEREDOC, QUOTED_HEREDOC -> {
          return heredocLine(i);
        }
        case DOUBLE -> {
          if (c == '\\') {
            return copy(i, 2);
          }
          if (c == '"') {
            stack.pop();
            return copy(i, 1);
          }
          return expansionStart(i);
        }
        default -> {
          return code(i, c, ctx);
        }
      }
    }

    private int code(int i, char c, Ctx ctx) {
      switch (c) {
        case '\\':
          return copy(i, 2);
        case '\'':
          stack.push(Ctx.SINGLE);
          return copy(i, 1);
        case '"':
          stack.push(Ctx.DOUBLE);
          return copy(i, 1);
        case '(':
          if (ctx == Ctx.SUBST) {
            parens.peek()[0]++;
          }
          return copy(i, 1);
        case ')':
          if (ctx == Ctx.SUBST && --parens.peek()[0] == 0) {
            parens.pop();
            stack.pop();
          }
          return copy(i, 1);
        case '`':
          if (ctx == Ctx.BACKTICK) {
            stack.pop();
            return copy(i, 1);
          }
          return expansionStart(i);
        case '<':
          if (s.startsWith("<<", i)) {
            return heredocOperator(i);
          }
          return copy(i, 1);
        case '#':
          if (i == 0 || " \t\n;&|(".indexOf(s.charAt(i - 1)) >= 0) {
            int eol = s.indexOf('\n', i);
            return copy(i, (eol < 0 ? s.length() : eol) - i); // a comment: quotes mean nothing
          }
          return copy(i, 1);
        case '\n':
          copy(i, 1);
          if (!pendingHeredocs.isEmpty()) {
            Object[] h = pendingHeredocs.remove(0);
            heredocEnd = (String) h[0];
            stack.push((Boolean) h[1] ? Ctx.QUOTED_HEREDOC : Ctx.HEREDOC);
          }
          return i + 1;
        default:
          return expansionStart(i);
      }
    }

    /** {@code $(} and a backtick open a context of their own; anything else is copied. */
    private int expansionStart(int i) {
      if (s.startsWith("$(", i)) {
        stack.push(Ctx.SUBST);
        parens.push(new int[] {1});
        return copy(i, 2);
      }
      if (s.charAt(i) == '`') {
        stack.push(Ctx.BACKTICK);
      }
      return copy(i, 1);
    }

    /** {@code <<WORD}, {@code <<-WORD}, {@code <<'WORD'}, {@code <<"WORD"}. */
    private int heredocOperator(int i) {
      int j = i + 2;
      if (j < s.length() && s.charAt(j) == '-') {
        j++;
      }
      while (j < s.length() && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
        j++;
      }
      StringBuilder word = new StringBuilder();
      boolean quoted = false;
      while (j < s.length() && " \t\n;&|<>()".indexOf(s.charAt(j)) < 0) {
        char w = s.charAt(j);
        if (w == '\'' || w == '"' || w == '\\') {
          quoted = true;
        } else {
          word.append(w);
        }
        j++;
      }
      if (word.length() > 0) {
        pendingHeredocs.add(new Object[] {word.toString(), quoted});
      }
      return copy(i, j - i);
    }

    /** One line of a here-document body; the line that is its delimiter ends it. */
    private int heredocLine(int i) {
      int eol = s.indexOf('\n', i);
      int end = eol < 0 ? s.length() : eol;
      Optional<Reference> inLine =
          refs.stream().filter(r -> r.start() >= i && r.start() < end).findFirst();
      if (s.substring(i, end).strip().equals(heredocEnd)) {
        stack.pop();
        return copy(i, end - i);
      }
      if (stack.peek() == Ctx.HEREDOC || inLine.isEmpty()) {
        // an unquoted body expands $ and backticks only: copy up to the next reference
        int stop = inLine.map(Reference::start).orElse(eol < 0 ? end : eol + 1);
        return copy(i, Math.max(1, stop - i));
      }
      return inLine.get().start() == i ? i : copy(i, inLine.get().start() - i);
    }

    private int copy(int i, int n) {
      int end = Math.min(s.length(), i + n);
      out.append(s, i, end);
      return end;
    }
  }
}
