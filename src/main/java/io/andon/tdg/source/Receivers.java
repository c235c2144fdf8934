package io.andon.tdg.source;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import java.util.List;
import java.util.Optional;

/**
 * The declared type of a call's receiver, from the declarations of the file alone (no symbol
 * resolution): a variable, parameter or field named by the receiver, searched from the call
 * outwards, as its simple class name. Empty when the receiver is another kind of expression, the
 * name is declared with {@code var}, as an untyped lambda parameter or an array, or not in the
 * file.
 */
final class Receivers {
  private Receivers() {}

  static Optional<String> declaredType(Expression receiver) {
    Expression e = receiver;
    while (e instanceof EnclosedExpr en) {
      e = en.getInner();
    }
    if (e instanceof NameExpr n) {
      return lookup(n, n.getNameAsString(), false);
    }
    if (e instanceof FieldAccessExpr f
        && f.getScope() instanceof ThisExpr t
        && t.getTypeName().isEmpty()) {
      return lookup(f, f.getNameAsString(), true);
    }
    return Optional.empty();
  }

  private static Optional<String> lookup(Node from, String name, boolean fieldsOnly) {
    for (Node n = from.getParentNode().orElse(null);
        n != null;
        n = n.getParentNode().orElse(null)) {
      Optional<Optional<String>> found = fieldsOnly ? fields(n, name) : declared(n, name);
      if (found.isPresent()) {
        return found.get();
      }
    }
    return Optional.empty();
  }

  /** Empty when {@code scope} declares no {@code name}; else the declared type, if known. */
  private static Optional<Optional<String>> declared(Node scope, String name) {
    if (scope instanceof CallableDeclaration<?> c) {
      return parameter(c.getParameters(), name);
    }
    if (scope instanceof LambdaExpr l) {
      return parameter(l.getParameters(), name);
    }
    if (scope instanceof CatchClause c) {
      return parameter(List.of(c.getParameter()), name);
    }
    if (scope instanceof ForEachStmt f) {
      return variables(f.getVariable(), name);
    }
    if (scope instanceof ForStmt f) {
      for (Expression init : f.getInitialization()) {
        if (init instanceof VariableDeclarationExpr v) {
          Optional<Optional<String>> found = variables(v, name);
          if (found.isPresent()) {
            return found;
          }
        }
      }
    }
    if (scope instanceof BlockStmt b) {
      for (Statement s : b.getStatements()) {
        if (s instanceof ExpressionStmt es
            && es.getExpression() instanceof VariableDeclarationExpr v) {
          Optional<Optional<String>> found = variables(v, name);
          if (found.isPresent()) {
            return found;
          }
        }
      }
    }
    return fields(scope, name);
  }

  private static Optional<Optional<String>> fields(Node scope, String name) {
    if (scope instanceof TypeDeclaration<?> t) {
      for (FieldDeclaration f : t.getFields()) {
        for (VariableDeclarator v : f.getVariables()) {
          if (v.getNameAsString().equals(name)) {
            return Optional.of(simpleName(v.getType()));
          }
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Optional<String>> parameter(List<Parameter> params, String name) {
    for (Parameter p : params) {
      if (p.getNameAsString().equals(name)) {
        return Optional.of(simpleName(p.getType()));
      }
    }
    return Optional.empty();
  }

  private static Optional<Optional<String>> variables(VariableDeclarationExpr v, String name) {
    for (VariableDeclarator d : v.getVariables()) {
      if (d.getNameAsString().equals(name)) {
        return Optional.of(simpleName(d.getType()));
      }
    }
    return Optional.empty();
  }

  /** A class type as written, without type arguments: {@code ImmutableList.Builder}. */
  static Optional<String> simpleName(Type t) {
    if (t instanceof PrimitiveType p) {
      return Optional.of(p.asString());
    }
    if (!(t instanceof ClassOrInterfaceType c)) {
      return Optional.empty();
    }
    String name = c.getNameAsString();
    for (Optional<ClassOrInterfaceType> s = c.getScope(); s.isPresent(); s = s.get().getScope()) {
      name = s.get().getNameAsString() + "." + name;
    }
    return Optional.of(name);
  }

  /**
   * Whether a type written as {@code written} can name the type declared as {@code declared} (its
   * names from the outermost type, {@code ImmutableRangeMap.Builder}).
   */
  static boolean names(String written, String declared) {
    return declared.equals(written) || declared.endsWith("." + written);
  }
}
