package io.andon.tdg.source;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithTypeParameters;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Cognitive complexity as PMD 7's {@code CognitiveComplexity} rule counts it (its {@code
 * CognitiveComplexityVisitor}), which departs from the SonarSource specification in ways this class
 * reproduces:
 *
 * <ul>
 *   <li>{@code if}, loops, {@code switch}, {@code catch} and {@code ?:} add 1 plus the nesting
 *       level and nest what they hold (conditions included, except an {@code if}'s);
 *   <li>{@code else} adds 1 and nests its branch one level deeper, so each {@code else if} of a
 *       chain nests the next branch one level deeper still; an {@code if} written directly as the
 *       branch of another {@code if} (no braces) is taken for an {@code else if};
 *   <li>{@code &&} and {@code ||} add 1 when the operator differs from the previous one met in a
 *       walk of the syntax tree that visits an operator before its operands (so {@code a && b || c
 *       && d} adds 2); the run ends at each statement of a block and at a {@code !};
 *   <li>lambdas and class bodies (of anonymous and local classes, and of classes declared in them)
 *       nest what they hold, which counts for the method holding them (and for their own methods
 *       too);
 *   <li>a call of a method that encloses the call (the method itself, or the method around an
 *       anonymous class or lambda) adds 1. PMD resolves the call's symbol; andon counts a call by
 *       that name with a matching number of arguments, on no receiver, on {@code this}, or on a
 *       variable, parameter or field declared in the file with the method's type ({@link
 *       Receivers}), unless an argument's declared type tells it is another method or the type has
 *       an overload the arguments may fit as well;
 *   <li>{@code break} and {@code continue} to a label add 1.
 * </ul>
 */
final class PmdCognitive {
  private final Deque<MethodDeclaration> methods = new ArrayDeque<>();
  private int total;
  private int nesting;
  private int maxNesting;
  private BinaryExpr.Operator run;

  private PmdCognitive() {}

  /** The cognitive complexity and deepest nesting of {@code decl}. */
  static int[] measure(Node decl) {
    PmdCognitive c = new PmdCognitive();
    Node p = decl.getParentNode().orElse(null);
    while (p != null) {
      if (p instanceof MethodDeclaration m) {
        c.methods.addLast(m);
      }
      p = p.getParentNode().orElse(null);
    }
    c.visit(decl);
    return new int[] {c.total, c.maxNesting};
  }

  private void structural(Node node) {
    total += 1 + nesting;
    nesting++;
    maxNesting = Math.max(maxNesting, nesting);
    children(node);
    nesting--;
  }

  private void nested(Node node) {
    nesting++;
    children(node);
    nesting--;
  }

  private void operator(BinaryExpr.Operator op) {
    if (run != op) {
      if (op != null) {
        total++;
      }
      run = op;
    }
  }

  private void visit(Node node) {
    if (node instanceof IfStmt s) {
      ifStatement(s);
    } else if (node instanceof ForStmt
        || node instanceof ForEachStmt
        || node instanceof WhileStmt
        || node instanceof DoStmt
        || node instanceof SwitchStmt
        || node instanceof SwitchExpr
        || node instanceof CatchClause
        || node instanceof ConditionalExpr) {
      structural(node);
    } else if (node instanceof LambdaExpr) {
      nested(node);
    } else if (node instanceof ObjectCreationExpr o && o.getAnonymousClassBody().isPresent()) {
      o.getScope().ifPresent(this::visit);
      o.getArguments().forEach(this::visit);
      nesting++;
      o.getAnonymousClassBody().get().forEach(this::visit);
      nesting--;
    } else if (node instanceof ClassOrInterfaceDeclaration c) {
      nesting++; // PMD: every class body met inside a method, local or member of an anonymous class
      c.getMembers().forEach(this::visit);
      nesting--;
    } else if (node instanceof BreakStmt b) {
      total += b.getLabel().isPresent() ? 1 : 0;
    } else if (node instanceof ContinueStmt c) {
      total += c.getLabel().isPresent() ? 1 : 0;
    } else if (node instanceof BinaryExpr b) {
      if (PmdCyclomatic.isConditional(b)) {
        operator(b.getOperator());
      }
      children(node);
    } else if (node instanceof UnaryExpr u) {
      if (u.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT) {
        run = null;
      }
      children(node);
    } else if (node instanceof BlockStmt b) {
      for (Statement s : b.getStatements()) {
        run = null;
        visit(s);
      }
    } else if (node instanceof MethodDeclaration m) {
      methods.push(m);
      children(node);
      methods.pop();
    } else if (node instanceof MethodCallExpr call) {
      if (isRecursive(call)) {
        total++;
      }
      children(node);
    } else {
      children(node);
    }
  }

  private void ifStatement(IfStmt s) {
    boolean notElseIf = !(s.getParentNode().orElse(null) instanceof IfStmt);
    visit(s.getCondition());
    if (notElseIf) {
      total += 1 + nesting;
      nesting++;
      maxNesting = Math.max(maxNesting, nesting);
    }
    visit(s.getThenStmt());
    if (notElseIf) {
      nesting--;
    }
    if (s.getElseStmt().isPresent()) {
      total++;
      nesting++;
      maxNesting = Math.max(maxNesting, nesting);
      visit(s.getElseStmt().get());
      nesting--;
    }
  }

  private void children(Node node) {
    for (Node child : node.getChildNodes()) {
      visit(child);
    }
  }

  private boolean isRecursive(MethodCallExpr call) {
    String name = call.getNameAsString();
    int args = call.getArguments().size();
    for (MethodDeclaration m : methods) {
      if (m.getNameAsString().equals(name) && accepts(m, args) && onDeclaringType(call, m)) {
        return !hasOverloadFitting(m, call);
      }
    }
    return false;
  }

  /**
   * Whether the call's receiver is, as far as declarations in the file tell, of the type that
   * declares {@code m}: none, {@code this}, {@code T.this}, or a variable, parameter or field
   * declared with that type; and no argument is a {@code new} object, a string literal or a
   * variable declared with another type than the parameter's.
   */
  private static boolean onDeclaringType(MethodCallExpr call, MethodDeclaration m) {
    if (!argumentsFit(call, m)) {
      return false;
    }
    if (call.getScope().isEmpty()) {
      return true;
    }
    Optional<String> declaring = declaringType(m);
    Expression scope = call.getScope().get();
    if (scope instanceof ThisExpr t) {
      return t.getTypeName().isEmpty()
          || declaring.isPresent()
              && Receivers.names(t.getTypeName().get().asString(), declaring.get());
    }
    Optional<String> receiver = Receivers.declaredType(scope);
    return declaring.isPresent()
        && receiver.isPresent()
        && Receivers.names(receiver.get(), declaring.get());
  }

  /** {@code Outer.Inner} for a method of a named type; empty in an anonymous class. */
  private static Optional<String> declaringType(MethodDeclaration m) {
    String name = "";
    for (Node n = m.getParentNode().orElse(null);
        n instanceof TypeDeclaration<?> t;
        n = n.getParentNode().orElse(null)) {
      name = name.isEmpty() ? t.getNameAsString() : t.getNameAsString() + "." + name;
    }
    return name.isEmpty() ? Optional.empty() : Optional.of(name);
  }

  private static boolean argumentsFit(MethodCallExpr call, MethodDeclaration m) {
    int n = Math.min(call.getArguments().size(), m.getParameters().size());
    for (int i = 0; i < n; i++) {
      Optional<String> param = Receivers.simpleName(m.getParameter(i).getType());
      Expression arg = call.getArgument(i);
      Optional<String> argType =
          arg instanceof ObjectCreationExpr o
              ? Receivers.simpleName(o.getType())
              : arg instanceof StringLiteralExpr
                  ? Optional.of("String")
                  : arg instanceof NameExpr ? Receivers.declaredType(arg) : Optional.empty();
      if (param.isPresent()
          && argType.isPresent()
          && !isAnyType(m, param.get())
          && !Receivers.names(param.get(), argType.get())
          && !Receivers.names(argType.get(), param.get())) {
        return false;
      }
    }
    return true;
  }

  private static boolean accepts(CallableDeclaration<?> m, int args) {
    int params = m.getParameters().size();
    boolean varargs = params > 0 && m.getParameter(params - 1).isVarArgs();
    return varargs ? args >= params - 1 : args == params;
  }

  /** Whether a parameter of this type takes arguments of any class: Object, a type variable. */
  private static boolean isAnyType(MethodDeclaration m, String type) {
    if (type.equals("Object") || type.equals("java.lang.Object")) {
      return true;
    }
    for (Node n = m; n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof NodeWithTypeParameters<?> g
          && g.getTypeParameters().stream().anyMatch(tp -> tp.getNameAsString().equals(type))) {
        return true;
      }
    }
    return false;
  }

  /** Whether the type declaring {@code m} has another method the call may be of. */
  private static boolean hasOverloadFitting(MethodDeclaration m, MethodCallExpr call) {
    Node type = m.getParentNode().orElse(null);
    Iterable<? extends BodyDeclaration<?>> members =
        type instanceof TypeDeclaration<?> t
            ? t.getMembers()
            : type instanceof ObjectCreationExpr o && o.getAnonymousClassBody().isPresent()
                ? o.getAnonymousClassBody().get()
                : java.util.List.of();
    for (BodyDeclaration<?> b : members) {
      if (b != m
          && b instanceof MethodDeclaration other
          && other.getNameAsString().equals(m.getNameAsString())
          && accepts(other, call.getArguments().size())
          && argumentsFit(call, other)) {
        return true;
      }
    }
    return false;
  }
}
