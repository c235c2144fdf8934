import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.treesitter.TSParser;
import org.treesitter.TreeSitterPython;

/**
 * andon's floor on Python code: tree-sitter's parse of every .py file under a folder and nothing
 * else (no copy of the trees, no measuring), on one thread, through the same Java binding andon
 * uses. Prints the parse's CPU seconds. Run from bench/tdg/python/run.sh as {@code java -cp
 * andon.jar ParseFloor.java DIR}.
 */
public final class ParseFloor {
  private ParseFloor() {}

  public static void main(String[] args) throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.walk(Path.of(args[0]))) {
      files = s.filter(p -> p.toString().endsWith(".py")).sorted().toList();
    }
    String[] texts = new String[files.size()];
    for (int i = 0; i < texts.length; i++) {
      // as andon reads them: a form feed is whitespace to Python but not to the grammar
      texts[i] =
          new String(Files.readAllBytes(files.get(i)), StandardCharsets.UTF_8).replace('\f', ' ');
    }
    var threads = ManagementFactory.getThreadMXBean();
    TSParser parser = new TSParser();
    parser.setLanguage(new TreeSitterPython());
    long cpu = threads.getCurrentThreadCpuTime();
    long bytes = 0;
    for (String t : texts) {
      bytes += parser.parseString(null, t).getRootNode().getEndByte();
    }
    double seconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
    System.out.printf(
        "tree-sitter parse alone: %d files, %d bytes, %.2f CPU s on one thread%n",
        texts.length, bytes, seconds);
  }
}
