import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The sort floor: Java's Arrays.sort over ROWS x COLUMNS doubles per side, both sides (the baseline
 * and the current arrays of the drift benchmark's shapes), on one core. Exact drift needs every
 * column sorted (KS, Wasserstein, quantile edges), so an exact run on C cores cannot beat this time
 * divided by C.
 *
 * <p>java bench/monitor/SortFloor.java ROWS [COLUMNS]
 */
public class SortFloor {
  public static void main(String[] args) {
    int rows = Integer.parseInt(args[0]);
    int cols = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    SplittableRandom r = new SplittableRandom(1);
    double[] source = new double[rows];
    java.lang.management.ThreadMXBean cpu =
        java.lang.management.ManagementFactory.getThreadMXBean();
    double best = Double.MAX_VALUE;
    double bestCpu = Double.MAX_VALUE;
    double sink = 0;
    for (int rep = 0; rep < 3; rep++) {
      double secs = 0;
      double cpuSecs = 0;
      for (int a = 0; a < 2 * cols; a++) {
        // the drift benchmark's mix: normal, lognormal, uniform, 50 integer levels
        for (int i = 0; i < rows; i++) {
          double u = r.nextDouble();
          source[i] =
              switch (a % 4) {
                case 0 -> Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * r.nextDouble());
                case 1 -> Math.exp(0.5 * Math.sqrt(-2 * Math.log(1 - u)));
                case 2 -> Math.round(u * 1e6) / 1e6;
                default -> Math.floor(u * 50);
              };
        }
        long t0 = System.nanoTime();
        long c0 = cpu.getCurrentThreadCpuTime();
        Arrays.sort(source);
        cpuSecs += (cpu.getCurrentThreadCpuTime() - c0) / 1e9;
        secs += (System.nanoTime() - t0) / 1e9;
        sink += source[rows / 2];
      }
      best = Math.min(best, secs);
      bestCpu = Math.min(bestCpu, cpuSecs);
    }
    double values = 2.0 * rows * cols;
    System.out.printf(
        "sort floor: %d values (2 sides x %d x %d) sorted in %.3f s wall, %.3f s CPU ="
            + " %.1f M values per CPU second (sink %.1f)%n",
        (long) values, rows, cols, best, bestCpu, values / bestCpu / 1e6, sink);
  }
}
