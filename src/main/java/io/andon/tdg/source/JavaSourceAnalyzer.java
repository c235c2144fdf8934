package io.andon.tdg.source;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.Range;
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
import com.github.javaparser.ast.stmt.BlockStmt;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Measures one Java source file with JavaParser at language level Java 21, so that records, sealed
 * types, text blocks and {@code yield} in switch expressions parse (the level's validators and
 * post-processors are off: they cost half the parse time and a compiler already checks what they
 * check): per method cyclomatic and cognitive complexity, nesting, length and parameter count, and
 * the share of the public API that carries Javadoc. A file that does not parse is returned with the
 * parser's first message and its position, never dropped.
 *
 * <p>Methods are counted as {@link JavaCounting} says: by default as PMD 7 counts them ({@link
 * PmdMethods}); with {@link JavaCounting#MCCABE}, methods of anonymous and local classes, and
 * lambdas, count towards the method that holds them, as the cognitive complexity specification asks
 * ("nested methods"), and methods without a body are not listed. Initializer blocks are not methods
 * and are not measured.
 */
public final class JavaSourceAnalyzer {
  /** Bumped whenever a measurement rule changes, so cached results are not reused. */
  public static final int RULES_VERSION = 5;

  /** The language name of the files it measures. */
  public static final String LANGUAGE = "java";

  private JavaSourceAnalyzer() {}

  /**
   * A parser as andon configures it for one thread: Java 21, no comment attribution, no lexical
   * preservation, no validators or post-processors.
   */
  public static JavaParser parser() {
    // RAW would read `yield x;` as a declaration of x with type yield
    ParserConfiguration c =
        new ParserConfiguration()
            .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21)
            .setAttributeComments(false)
            .setLexicalPreservationEnabled(false);
    c.getProcessors().clear();
    return new JavaParser(c);
  }

  private static final ThreadLocal<JavaParser> PARSER =
      ThreadLocal.withInitial(JavaSourceAnalyzer::parser);

  /**
   * Loads and initialises the parser's and the counting's classes on a thread of their own, while
   * the caller does other start-up work; returns that thread, started.
   */
  public static Thread preload() {
    Thread t =
        new Thread(
            () ->
                analyze(
                    "Preload.java",
                    "class P { int f(int x) { return x > 0 && x < 2 ? f(x - 1) : 0; } }"
                        .getBytes(StandardCharsets.UTF_8)),
            "andon-java-preload");
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** Hex SHA-256 of bytes. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }

  /** Why a file that is not UTF-8 is not graded. */
  public static final String NOT_UTF8 = "not UTF-8 text; save the file as UTF-8";

  /** The text of UTF-8 bytes; empty when they are not valid UTF-8. */
  public static Optional<String> utf8(byte[] bytes) {
    // the lenient decoding writes straight into a compact string; only a text holding U+FFFD,
    // which is what it puts in place of bytes that are not UTF-8, is decoded again strictly
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.indexOf('\uFFFD') < 0) {
      return Optional.of(text);
    }
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return Optional.of(text);
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  /**
   * The number of lines of UTF-8 bytes as {@link String#lines()} counts them: lines end at {@code
   * \n}, {@code \r} or {@code \r\n}, and text after the last end is one more line.
   */
  static int lines(byte[] bytes) {
    int lines = 0;
    int n = bytes.length;
    for (int i = 0; i < n; i++) {
      byte b = bytes[i];
      if (b == '\n') {
        lines++;
      } else if (b == '\r') {
        lines++;
        if (i + 1 < n && bytes[i + 1] == '\n') {
          i++;
        }
      }
    }
    return n > 0 && bytes[n - 1] != '\n' && bytes[n - 1] != '\r' ? lines + 1 : lines;
  }

  /** Analyses the bytes of a file, counting as PMD does; {@code path} only names it. */
  public static SourceFile analyze(String path, byte[] bytes) {
    return analyze(path, bytes, JavaCounting.PMD);
  }

  /** Analyses the bytes of a file; {@code path} is only used to name it. */
  public static SourceFile analyze(String path, byte[] bytes, JavaCounting counting) {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(counting, "counting");
    Objects.requireNonNull(bytes, "bytes");
    String hash = sha256(bytes);
    Optional<String> utf8 = utf8(bytes);
    if (utf8.isEmpty()) {
      return SourceFile.ungraded(path, LANGUAGE, hash, 0, NOT_UTF8);
    }
    String text = utf8.get();
    int lines = lines(bytes);
    ParseResult<CompilationUnit> result;
    try {
      result = PARSER.get().parse(text);
    } catch (RuntimeException | StackOverflowError e) {
      return SourceFile.ungraded(path, LANGUAGE, hash, lines, "the parser failed: " + e);
    }
    if (!result.isSuccessful() || result.getResult().isEmpty()) {
      return SourceFile.ungraded(path, LANGUAGE, hash, lines, describe(result.getProblems()));
    }
    try {
      List<Range> javadocs =
          result
              .getCommentsCollection()
              .map(
                  cc ->
                      cc.getJavadocComments().stream()
                          .flatMap(c -> c.getRange().stream())
                          .sorted(Comparator.comparing((Range r) -> r.end))
                          .toList())
              .orElse(List.of());
      return measure(path, hash, lines, result.getResult().get(), javadocs, counting);
    } catch (StackOverflowError e) {
      return SourceFile.ungraded(path, LANGUAGE, hash, lines, "nested too deeply to measure");
    }
  }

  private static String describe(List<Problem> problems) {
    if (problems.isEmpty()) {
      return "does not parse as Java";
    }
    Problem p = problems.get(0);
    String where =
        p.getLocation()
            .flatMap(l -> l.getBegin().getRange())
            .map(r -> "line " + r.begin.line + ", column " + r.begin.column + ": ")
            .orElse("");
    String msg = p.getMessage().lines().findFirst().orElse(p.getMessage()).strip();
    int expected = msg.indexOf(", expected one of");
    if (expected > 0) {
      msg = msg.substring(0, expected);
    }
    return "does not parse as Java: "
        + where
        + msg
        + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "");
  }

  private static SourceFile measure(
      String path,
      String hash,
      int lines,
      CompilationUnit cu,
      List<Range> javadocs,
      JavaCounting counting) {
    boolean mccabe = counting == JavaCounting.MCCABE;
    List<MethodMetrics> methods = mccabe ? new ArrayList<>() : PmdMethods.of(cu);
    JavadocCount docs = new JavadocCount(javadocs);
    for (TypeDeclaration<?> t : cu.getTypes()) {
      type(t, t.getNameAsString(), t.hasModifier(Modifier.Keyword.PUBLIC), mccabe, methods, docs);
    }
    return new SourceFile(
        path,
        LANGUAGE,
        hash,
        lines,
        methods,
        docs.api(),
        docs.documented(),
        docs.missing(),
        Optional.empty());
  }

  /**
   * Measures a type's methods and counts its public API.
   *
   * @param publicApi whether the type itself is public API (public, in public enclosing types)
   * @param mccabe whether to measure its methods into {@code out} with McCabe counting
   */
  private static void type(
      TypeDeclaration<?> t,
      String name,
      boolean publicApi,
      boolean mccabe,
      List<MethodMetrics> out,
      JavadocCount docs) {
    // members of interfaces and annotations are public without the keyword
    boolean isInterface =
        t instanceof ClassOrInterfaceDeclaration c && c.isInterface()
            || t instanceof AnnotationDeclaration;
    if (publicApi) {
      docs.count(t, name);
    }
    Map<String, Integer> arities = new HashMap<>();
    for (BodyDeclaration<?> member : t.getMembers()) {
      if (member instanceof CallableDeclaration<?> c) {
        arities.merge(c.getNameAsString() + "/" + c.getParameters().size(), 1, Integer::sum);
      }
    }
    for (BodyDeclaration<?> member : t.getMembers()) {
      if (member instanceof TypeDeclaration<?> nested) {
        type(
            nested,
            name + "." + nested.getNameAsString(),
            publicApi && (isInterface || nested.hasModifier(Modifier.Keyword.PUBLIC)),
            mccabe,
            out,
            docs);
      } else if (member instanceof CallableDeclaration<?> callable) {
        String methodName = name + "." + callable.getNameAsString();
        int arity = callable.getParameters().size();
        body(callable)
            .filter(b -> mccabe)
            .ifPresent(
                body ->
                    out.add(
                        metrics(
                            methodName,
                            callable,
                            callable.getNameAsString(),
                            arity,
                            body,
                            arities.get(callable.getNameAsString() + "/" + arity) > 1)));
        if (publicApi && isApi(callable, isInterface)) {
          docs.count(callable, methodName);
        }
      } else if (member instanceof CompactConstructorDeclaration cc && mccabe) {
        out.add(
            metrics(
                name + "." + cc.getNameAsString(),
                cc,
                cc.getNameAsString(),
                t.isRecordDeclaration() ? t.asRecordDeclaration().getParameters().size() : 0,
                cc.getBody(),
                false));
      }
    }
    if (t.isEnumDeclaration() && mccabe) {
      enumConstantMethods(t.asEnumDeclaration().getEntries(), name, out);
    }
  }

  private static Optional<BlockStmt> body(CallableDeclaration<?> callable) {
    return callable.isConstructorDeclaration()
        ? Optional.of(callable.asConstructorDeclaration().getBody())
        : callable.asMethodDeclaration().getBody();
  }

  /** Public (or an interface member that is not private), and not an override. */
  private static boolean isApi(CallableDeclaration<?> callable, boolean inInterface) {
    boolean visible =
        callable.hasModifier(Modifier.Keyword.PUBLIC)
            || (inInterface && !callable.hasModifier(Modifier.Keyword.PRIVATE));
    return visible && !callable.isAnnotationPresent("Override");
  }

  /** Methods in the bodies of enum constants, named {@code Enum.CONSTANT.method}. */
  private static void enumConstantMethods(
      List<EnumConstantDeclaration> constants, String name, List<MethodMetrics> out) {
    for (EnumConstantDeclaration constant : constants) {
      for (BodyDeclaration<?> member : constant.getClassBody()) {
        if (member instanceof CallableDeclaration<?> callable) {
          body(callable)
              .ifPresent(
                  body ->
                      out.add(
                          metrics(
                              name
                                  + "."
                                  + constant.getNameAsString()
                                  + "."
                                  + callable.getNameAsString(),
                              callable,
                              callable.getNameAsString(),
                              callable.getParameters().size(),
                              body,
                              false)));
        }
      }
    }
  }

  private static MethodMetrics metrics(
      String name, Node decl, String simpleName, int params, BlockStmt body, boolean overloaded) {
    // the line of the method's name, after any annotations, as compilers and PMD report it
    Node nameNode =
        decl instanceof com.github.javaparser.ast.nodeTypes.NodeWithSimpleName<?> n
            ? n.getName()
            : decl;
    int line = nameNode.getBegin().or(decl::getBegin).map(p -> p.line).orElse(0);
    int end = decl.getEnd().map(p -> p.line).orElse(line);
    int cyclomatic = 1 + Cyclomatic.count(body);
    Cognitive cognitive = new Cognitive(simpleName, overloaded ? -1 : params);
    cognitive.visit(body, 0);
    return new MethodMetrics(
        name,
        line,
        cyclomatic,
        cognitive.total(),
        cognitive.maxNesting(),
        end - line + 1,
        Math.max(params, 0));
  }
}
