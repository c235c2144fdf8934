package io.andon.tdg.source;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.AnnotationMemberDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.CompactConstructorDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithSimpleName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The methods of a file as PMD 7 lists them: every method and constructor wherever it is declared
 * (in nested, local and anonymous classes and enum constant bodies too), with or without a body,
 * and the elements of annotation types (cyclomatic 1), each counted by {@link PmdCyclomatic} and
 * {@link PmdCognitive}. A record's compact constructor, which PMD does not list, is listed with the
 * same counting.
 */
final class PmdMethods {
  private PmdMethods() {}

  static List<MethodMetrics> of(CompilationUnit cu) {
    List<MethodMetrics> out = new ArrayList<>();
    cu.walk(
        Node.TreeTraversal.PREORDER,
        n -> {
          if (n instanceof CallableDeclaration<?> c) {
            Optional<? extends Node> body =
                c.isConstructorDeclaration()
                    ? Optional.of(c.asConstructorDeclaration().getBody())
                    : c.asMethodDeclaration().getBody();
            out.add(
                metrics(
                    c,
                    body,
                    c.getParameters().size(),
                    PmdCyclomatic.count(body),
                    PmdCognitive.measure(c)));
          } else if (n instanceof AnnotationMemberDeclaration a) {
            out.add(metrics(a, Optional.empty(), 0, 1, new int[] {0, 0}));
          } else if (n instanceof CompactConstructorDeclaration cc) {
            int params =
                cc.getParentNode()
                    .filter(p -> p instanceof TypeDeclaration<?> t && t.isRecordDeclaration())
                    .map(p -> ((TypeDeclaration<?>) p).asRecordDeclaration().getParameters().size())
                    .orElse(0);
            out.add(
                metrics(
                    cc,
                    Optional.of(cc.getBody()),
                    params,
                    PmdCyclomatic.count(Optional.of(cc.getBody())),
                    PmdCognitive.measure(cc)));
          }
        });
    return out;
  }

  private static MethodMetrics metrics(
      Node decl, Optional<? extends Node> body, int params, int cyclomatic, int[] cognitive) {
    Node nameNode = decl instanceof NodeWithSimpleName<?> n ? n.getName() : decl;
    int line = nameNode.getBegin().or(decl::getBegin).map(p -> p.line).orElse(0);
    int end = decl.getEnd().map(p -> p.line).orElse(line);
    return new MethodMetrics(
        name(decl), line, cyclomatic, cognitive[0], cognitive[1], end - line + 1, params);
  }

  /**
   * {@code Outer.Inner.method}; an enum constant's body adds the constant's name, an anonymous
   * class {@code new Type} after the method that holds it ({@code A.run.new Runnable.run}).
   */
  private static String name(Node decl) {
    List<String> parts = new ArrayList<>();
    for (Node n = decl; n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof TypeDeclaration<?> t) {
        parts.add(0, t.getNameAsString());
      } else if (n instanceof CallableDeclaration<?> c) {
        parts.add(0, c.getNameAsString());
      } else if (n instanceof CompactConstructorDeclaration c) {
        parts.add(0, c.getNameAsString());
      } else if (n instanceof AnnotationMemberDeclaration a) {
        parts.add(0, a.getNameAsString());
      } else if (n instanceof EnumConstantDeclaration e) {
        parts.add(0, e.getNameAsString());
      } else if (n instanceof ObjectCreationExpr o && o.getAnonymousClassBody().isPresent()) {
        parts.add(0, "new " + o.getType().getNameAsString());
      }
    }
    return String.join(".", parts);
  }
}
