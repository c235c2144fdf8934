import io.andon.alert.Destination;
import io.andon.alert.Notification;
import io.andon.alert.Outbox;
import io.andon.alert.RetrySchedule;
import io.andon.alert.UrlRef;
import io.andon.store.Store;
import io.andon.util.Json;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * andon's side of the benchmark: N signed webhooks written to the durable outbox (one transaction
 * each, as events arrive), then delivered. Prints enqueue and delivery seconds. Run with: java -cp
 * target/andon.jar bench/alert/OutboxBench.java HOME PORT N (the secret comes from $BENCH_SECRET).
 */
public class OutboxBench {
  public static void main(String[] args) throws Exception {
    Path home = Path.of(args[0]);
    int port = Integer.parseInt(args[1]);
    int n = Integer.parseInt(args[2]);
    Destination d =
        new Destination.Webhook(
            "bench",
            UrlRef.of(URI.create("http://127.0.0.1:" + port + "/hook")),
            Optional.of("BENCH_SECRET"),
            new Destination.Delivery(RetrySchedule.STANDARD_WEBHOOKS, Duration.ofSeconds(10)));
    try (Store store = Store.open(home)) {
      Outbox outbox = Outbox.open(store);
      long t0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        outbox.enqueue(
            new Notification(
                Notification.idFor("bench/" + i, "bench"),
                "bench",
                "run.failed",
                "job bench run " + i,
                "bench",
                "bench",
                Json.object().put("job_name", "bench").put("run_id", i),
                Instant.now()),
            d);
      }
      long t1 = System.nanoTime();
      Outbox.Report r = outbox.drain(Duration.ofSeconds(30));
      long t2 = System.nanoTime();
      if (r.delivered() != n) {
        throw new IllegalStateException(
            "delivered " + r.delivered() + " of " + n + ": " + r.errors());
      }
      System.out.printf("%.3f %.3f%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9);
    }
  }
}
