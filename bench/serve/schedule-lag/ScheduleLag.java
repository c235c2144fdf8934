import io.andon.engine.Executor;
import io.andon.engine.RunListener;
import io.andon.engine.RunRequest;
import io.andon.job.JobLoader;
import io.andon.job.JobSpec;
import io.andon.schedule.CronSchedule;
import io.andon.schedule.PauseStatus;
import io.andon.schedule.QuartzCron;
import io.andon.schedule.service.FireStore;
import io.andon.schedule.service.RunStarter;
import io.andon.schedule.service.ScheduleService;
import io.andon.schedule.service.ScheduledJob;
import io.andon.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Schedule lag: JOBS jobs, each on an every-minute cron ("0 * * * * ?") with one task `true`, fired
 * by the schedule service on the wall clock for SECONDS, with THREADS scheduler threads to start
 * runs side by side, each run in the engine on a pool of THREADS. Lag is measured per fire from the
 * store: its planned time to the moment the fire was committed, and to the moment its run was
 * recorded as started. Run by run.sh.
 */
public class ScheduleLag {
  public static void main(String[] a) throws Exception {
    int jobs = Integer.parseInt(a[0]);
    int seconds = Integer.parseInt(a[1]);
    int threads = Integer.parseInt(a[2]);
    Path dir = Path.of(a[3]);
    Path folder = Files.createDirectories(dir.resolve("jobs"));
    Map<String, JobSpec> specs = new HashMap<>();
    List<ScheduledJob> scheduled = new ArrayList<>();
    CronSchedule everyMinute =
        new CronSchedule(
            QuartzCron.parse("0 * * * * ?", ZoneOffset.UTC, "bench"), PauseStatus.UNPAUSED);
    for (int i = 0; i < jobs; i++) {
      String name = "lag-" + i;
      Path file =
          Files.writeString(
              folder.resolve(name + ".yml"),
              "name: " + name + "\ntasks: [{task_key: t, shell_task: {command: \"true\"}}]\n");
      specs.put(name, new JobLoader().load(file, Optional.empty()));
      scheduled.add(new ScheduledJob(name, everyMinute, folder));
    }
    Store store = Store.open(dir.resolve("home"));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    ScheduledExecutorService timers = Executors.newScheduledThreadPool(threads);
    Executor.Options options = Executor.Options.defaults().withMaxParallel(1);
    RunStarter starter =
        (name, trigger) -> {
          CompletableFuture<Long> started = new CompletableFuture<>();
          RunListener listener =
              new RunListener() {
                @Override
                public void runStarted(RunInfo run) {
                  started.complete(run.runId());
                }
              };
          pool.submit(
              () -> {
                try {
                  started.complete(
                      new Executor(store, options, List.of(listener))
                          .run(RunRequest.of(specs.get(name)).triggeredBy(trigger))
                          .runId());
                } catch (RuntimeException e) {
                  started.completeExceptionally(e);
                }
              });
          return started.join();
        };
    long t0 = System.currentTimeMillis();
    try (ScheduleService service =
        new ScheduleService(Clock.systemUTC(), timers, new FireStore(store), starter)) {
      service.update(scheduled);
      System.err.printf(
          "%d jobs loaded in %d ms; firing for %d s%n",
          jobs, System.currentTimeMillis() - t0, seconds);
      Thread.sleep(seconds * 1000L);
    }
    timers.shutdown();
    pool.shutdown();
    pool.awaitTermination(10, TimeUnit.MINUTES);
    List<Long> commit = new ArrayList<>();
    List<Long> start = new ArrayList<>();
    int[] notSuccess = {0};
    store.read(
        c -> {
          try (ResultSet rs =
              c.createStatement()
                  .executeQuery(
                      "SELECT f.committed_at"
                          + " - f.planned_time, r.start_time - f.planned_time, r.result_state FROM schedule_fires"
                          + " f JOIN runs r ON r.run_id = f.run_id")) {
            while (rs.next()) {
              commit.add(rs.getLong(1));
              start.add(rs.getLong(2));
              notSuccess[0] += "SUCCESS".equals(rs.getString(3)) ? 0 : 1;
            }
          }
          return null;
        });
    store.close();
    System.out.printf("fires %d (runs not SUCCESS: %d)%n", start.size(), notSuccess[0]);
    System.out.println("lag, planned time to   p50 ms   p99 ms   max ms");
    System.out.printf(
        "fire committed        %7d  %7d  %7d%n",
        pct(commit, 50), pct(commit, 99), pct(commit, 100));
    System.out.printf(
        "run started           %7d  %7d  %7d%n", pct(start, 50), pct(start, 99), pct(start, 100));
  }

  static long pct(List<Long> values, int p) {
    List<Long> v = new ArrayList<>(values);
    v.sort(null);
    if (v.isEmpty()) {
      return -1;
    }
    return v.get(Math.min(v.size() - 1, (int) Math.ceil(p / 100.0 * v.size()) - 1));
  }
}
