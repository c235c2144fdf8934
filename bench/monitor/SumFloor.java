import java.util.SplittableRandom;

/**
 * The memory-bandwidth floor: one plain summing pass over ROWS x 20 doubles held in memory, on one
 * core. Any drift computation reads every value at least once, so no implementation can beat this
 * rate per core.
 *
 * <p>java bench/monitor/SumFloor.java ROWS
 */
public class SumFloor {
  public static void main(String[] args) {
    int rows = Integer.parseInt(args[0]);
    int cols = 20;
    double[][] data = new double[cols][rows];
    SplittableRandom r = new SplittableRandom(1);
    for (double[] col : data) {
      for (int i = 0; i < rows; i++) {
        col[i] = r.nextDouble();
      }
    }
    double best = Double.MAX_VALUE;
    double sink = 0;
    for (int rep = 0; rep < 5; rep++) {
      long t0 = System.nanoTime();
      double s = 0;
      for (double[] col : data) {
        for (int i = 0; i < rows; i++) {
          s += col[i];
        }
      }
      sink += s;
      best = Math.min(best, (System.nanoTime() - t0) / 1e9);
    }
    double values = (double) rows * cols;
    System.out.printf(
        "floor: %d values summed in %.3fs = %.0f M values/s on one core (sink %.1f)%n",
        (long) values, best, values / best / 1e6, sink);
  }
}
