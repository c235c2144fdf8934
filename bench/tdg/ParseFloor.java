import com.github.javaparser.JavaParser;
import io.andon.tdg.source.JavaSourceAnalyzer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The floor under andon's Java grading: JavaParser, configured as andon configures it ({@link
 * JavaSourceAnalyzer#parser()}), reading and parsing every .java file under a folder on every core,
 * and doing nothing else. bench/tdg/run.sh compiles and runs it: java -cp work/floor:work/andon.jar
 * ParseFloor DIR
 */
public final class ParseFloor {
  private ParseFloor() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      // the largest first, as andon takes them, so that the threads end together
      files =
          s.filter(p -> p.toString().endsWith(".java"))
              .sorted(Comparator.comparingLong(ParseFloor::size).reversed())
              .toList();
    }
    int threads = Runtime.getRuntime().availableProcessors();
    ThreadLocal<JavaParser> parser = ThreadLocal.withInitial(JavaSourceAnalyzer::parser);
    AtomicInteger next = new AtomicInteger();
    AtomicInteger parsed = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    Runnable work =
        () -> {
          for (int i = next.getAndIncrement(); i < files.size(); i = next.getAndIncrement()) {
            if (parser.get().parse(read(files.get(i))).isSuccessful()) {
              parsed.incrementAndGet();
            }
          }
        };
    List<Future<?>> running = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      running.add(pool.submit(work));
    }
    for (Future<?> f : running) {
      f.get();
    }
    pool.shutdown();
    System.out.printf(
        "%d files, %d parsed, %d threads, %d ms since JVM start%n",
        files.size(), parsed.get(), threads, ManagementFactory.getRuntimeMXBean().getUptime());
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String read(Path p) {
    try {
      return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
