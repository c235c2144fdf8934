import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * What a JVM that is already running and compiled would give: `andon run` and `andon validate`
 * called again and again inside one JVM, each run with a home of its own, side by side with `make
 * -j2` on the same DAG. Not a way to run andon: a measurement of the start-up that every `./andon`
 * command pays. Run by warm.sh.
 */
public class Warm {
  public static void main(String[] a) throws Exception {
    int rounds = Integer.parseInt(a[0]);
    int skip = Integer.parseInt(a[1]);
    String dir = a[2];
    Path homes = Path.of(a[3]);
    System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
    List<double[]> warm = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      long m0 = System.nanoTime();
      int makeRc =
          new ProcessBuilder("make", "-s", "-j2", "-C", dir, "-f", "Makefile", "all")
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start()
              .waitFor();
      long m1 = System.nanoTime();
      String[] run = {
        "run",
        "--home",
        homes.resolve("home-" + i).toString(),
        "--max-parallel",
        "2",
        dir + "/shell.yml"
      };
      int rc = io.andon.cli.AndonCli.commandLine(run).execute(run);
      long r1 = System.nanoTime();
      String[] validate = {"validate", dir + "/shell.yml"};
      int vrc = io.andon.cli.AndonCli.commandLine(validate).execute(validate);
      long v1 = System.nanoTime();
      if (makeRc != 0 || rc != 0 || vrc != 0) {
        throw new IllegalStateException("make " + makeRc + ", run " + rc + ", validate " + vrc);
      }
      double[] r = {(m1 - m0) / 1e9, (r1 - m1) / 1e9, (v1 - r1) / 1e9};
      System.err.printf(
          "round %d: make %.2f s, andon run %.2f s (%.2fx), validate %.2f s%s%n",
          i + 1, r[0], r[1], r[1] / r[0], r[2], i < skip ? " (warming up)" : "");
      if (i >= skip) {
        warm.add(r);
      }
    }
    System.err.printf(
        "medians of rounds %d-%d: make %.2f s, andon run %.2f s, ratio %.2f;"
            + " validate %.2f s%n",
        skip + 1,
        rounds,
        median(warm, 0),
        median(warm, 1),
        median(warm, 1) / median(warm, 0),
        median(warm, 2));
  }

  static double median(List<double[]> rows, int col) {
    List<Double> v = new ArrayList<>();
    rows.forEach(r -> v.add(r[col]));
    Collections.sort(v, Comparator.naturalOrder());
    int n = v.size();
    return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
  }
}
