package io.andon.tdg.source;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.AnnotationDeclaration;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.CompactConstructorDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.nodeTypes.NodeWithJavadoc;
import com.github.javaparser.ast.stmt.BlockStmt;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Measures one Java source file with JavaParser (language level Java 21): per method cyclomatic
 * and cognitive complexity, nesting, length and parameter count, and the share of the public API
 * that carries Javadoc. A file that does not parse is returned with the parser's first message and
 * its position, never dropped.
 *
 * <p>Methods of anonymous and local classes, and lambdas, count towards the method that holds
 * them, as the cognitive complexity specification asks ("nested methods"). Initializer blocks are
 * not methods and are not measured.
 */
public final class JavaSourceAnalyzer {
  /** Bumped whenever a measurement rule changes, so cached results are not reused. */
  public static final int RULES_VERSION = 1;

  private JavaSourceAnalyzer() {}

  private static JavaParser parser() {
    ParserConfiguration c = new ParserConfiguration()
        .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21)
        .setAttributeComments(true)
        .setLexicalPreservationEnabled(false);
    return new JavaParser(c);
  }

  private static final ThreadLocal<JavaParser> PARSER = ThreadLocal.withInitial(
      JavaSourceAnalyzer::parser);

  /** Hex SHA-256 of bytes. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }

  /** Analyses the bytes of a file; {@code path} is only used to name it. */
  public static SourceFile analyze(String path, byte[] bytes) {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(bytes, "bytes");
    String hash = sha256(bytes);
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return SourceFile.ungraded(path, hash, 0, "not UTF-8 text; save the file as UTF-8");
    }
    int lines = (int) text.lines().count();
    ParseResult<CompilationUnit> result;
    try {
      result = PARSER.get().parse(text);
    } catch (RuntimeException | StackOverflowError e) {
      return SourceFile.ungraded(path, hash, lines, "the parser failed: " + e);
    }
    if (!result.isSuccessful() || result.getResult().isEmpty()) {
      return SourceFile.ungraded(path, hash, lines, describe(result.getProblems()));
    }
    try {
      return measure(path, hash, lines, result.getResult().get());
    } catch (StackOverflowError e) {
      return SourceFile.ungraded(path, hash, lines, "nested too deeply to measure");
    }
  }

  private static String describe(List<Problem> problems) {
    if (problems.isEmpty()) {
      return "does not parse as Java 21";
    }
    Problem p = problems.get(0);
    String where = p.getLocation()
        .flatMap(l -> l.getBegin().getRange())
        .map(r -> "line " + r.begin.line + ", column " + r.begin.column + ": ")
        .orElse("");
    String msg = p.getMessage().lines().findFirst().orElse(p.getMessage()).strip();
    int expected = msg.indexOf(", expected one of");
    if (expected > 0) {
      msg = msg.substring(0, expected);
    }
    return "does not parse as Java 21: " + where + msg
        + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "");
  }

  private static SourceFile measure(String path, String hash, int lines, CompilationUnit cu) {
    List<MethodMetrics> methods = new ArrayList<>();
    DocCount docs = new DocCount();
    for (TypeDeclaration<?> t : cu.getTypes()) {
      type(t, t.getNameAsString(), true, methods, docs);
    }
    return new SourceFile(path, hash, lines, methods, docs.api, docs.documented, docs.missing,
        Optional.empty());
  }

  private static final class DocCount {
    int api;
    int documented;
    final List<String> missing = new ArrayList<>();

    void count(NodeWithJavadoc<?> n, String name) {
      api++;
      if (n.getJavadocComment().isPresent()) {
        documented++;
      } else {
        missing.add(name);
      }
    }
  }

  private static void type(
      TypeDeclaration<?> t, String name, boolean enclosingPublic, List<MethodMetrics> out,
      DocCount docs) {
    boolean isInterface = t instanceof ClassOrInterfaceDeclaration c && c.isInterface()
        || t instanceof AnnotationDeclaration;
    boolean typePublic = enclosingPublic && t.hasModifier(Modifier.Keyword.PUBLIC);
    if (typePublic) {
      docs.count(t, name);
    }
    for (BodyDeclaration<?> member : t.getMembers()) {
      if (member instanceof TypeDeclaration<?> nested) {
        boolean memberPublic = typePublic && (isInterface || nested.hasModifier(
            Modifier.Keyword.PUBLIC));
        // members of an interface are public without the keyword
        type(nested, name + "." + nested.getNameAsString(),
            memberPublic || (typePublic && isInterface), out, docs);
      } else if (member instanceof CallableDeclaration<?> callable) {
        boolean hasBody = callable.isConstructorDeclaration()
            || callable.asMethodDeclaration().getBody().isPresent();
        String methodName = name + "." + callable.getNameAsString();
        if (hasBody) {
          BlockStmt body = callable.isConstructorDeclaration()
              ? callable.asConstructorDeclaration().getBody()
              : callable.asMethodDeclaration().getBody().get();
          out.add(metrics(methodName, callable, callable.getNameAsString(),
              callable.getParameters().size(), body));
        }
        boolean methodPublic = callable.hasModifier(Modifier.Keyword.PUBLIC)
            || (isInterface && !callable.hasModifier(Modifier.Keyword.PRIVATE));
        if (typePublic && methodPublic && !callable.isAnnotationPresent("Override")) {
          docs.count(callable, methodName);
        }
      } else if (member instanceof CompactConstructorDeclaration cc) {
        out.add(metrics(name + "." + cc.getNameAsString(), cc, cc.getNameAsString(),
            t.isRecordDeclaration() ? t.asRecordDeclaration().getParameters().size() : 0,
            cc.getBody()));
      }
    }
    if (t.isEnumDeclaration()) {
      for (EnumConstantDeclaration constant : t.asEnumDeclaration().getEntries()) {
        for (BodyDeclaration<?> member : constant.getClassBody()) {
          if (member instanceof CallableDeclaration<?> callable
              && callable.isMethodDeclaration()
              && callable.asMethodDeclaration().getBody().isPresent()) {
            out.add(metrics(name + "." + constant.getNameAsString() + "."
                    + callable.getNameAsString(), callable, callable.getNameAsString(),
                callable.getParameters().size(), callable.asMethodDeclaration().getBody().get()));
          }
        }
      }
    }
  }

  private static MethodMetrics metrics(
      String name, Node decl, String simpleName, int params, BlockStmt body) {
    int line = decl.getBegin().map(p -> p.line).orElse(0);
    int end = decl.getEnd().map(p -> p.line).orElse(line);
    int cyclomatic = 1 + Cyclomatic.count(body);
    Cognitive cognitive = new Cognitive(simpleName, params);
    cognitive.visit(body, 0);
    return new MethodMetrics(name, line, cyclomatic, cognitive.total(), cognitive.maxNesting(),
        end - line + 1, Math.max(params, 0));
  }
}
