package io.andon.serve;

import io.andon.engine.Recovery;
import io.andon.error.InvalidInputException;
import io.andon.job.BundleSettings;
import io.andon.job.JobLoader;
import io.andon.job.WorkspaceSettings;
import io.andon.schedule.service.FireStore;
import io.andon.store.Store;
import io.andon.ui.WebUi;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code andon serve} assembled: the home's lock, store and token, the jobs it serves (watched for
 * changes every second), the runs, and the HTTP API. Everything is configured before the server
 * starts and never after.
 */
public final class Service implements AutoCloseable {
  /** The file in the home that tells clients on this machine where the service listens. */
  public static final String URL_FILE = "serve.url";

  /** How the service is set up. */
  public record Config(
      List<Path> paths,
      Path home,
      String bind,
      int port,
      int maxParallel,
      BundleSettings bundle,
      Map<String, String> workspace,
      Map<String, String> env,
      Clock clock) {
    public Config {
      paths = List.copyOf(paths);
      Objects.requireNonNull(home, "home");
      Objects.requireNonNull(bind, "bind");
      workspace = Map.copyOf(workspace);
      env = Map.copyOf(env);
    }
  }

  private final ServiceLock lock;
  private final Store store;
  private final JobCatalog catalog;
  private final Runs runs;
  private final JobUpdates updates;
  private final Schedules schedules;
  private final HttpService http;
  private final ScheduledExecutorService watcher;
  private final ServiceLog log;
  private final Path home;
  private final String url;

  private Service(Config c, ServiceLog log, ServiceLock lock, Store store) {
    this.lock = lock;
    this.store = store;
    this.log = log;
    this.home = c.home();
    List<Long> recovered = Recovery.recover(store);
    if (!recovered.isEmpty()) {
      log.event("recovered", Map.of("runs", recovered));
    }
    ServeStore ids = new ServeStore(store);
    WorkspaceSettings ws = new WorkspaceSettings(c.home(), c.workspace());
    this.catalog =
        new JobCatalog(
            c.paths(), c.bundle(), () -> new JobLoader().workspace(ws), ids, c.clock(), log);
    catalog.loadAll();
    Metrics metrics = new Metrics(store);
    this.runs = new Runs(store, catalog, c.maxParallel(), metrics, log, c.clock());
    Router router = new Router();
    FireStore pauses = new FireStore(store);
    JobsApi jobs = new JobsApi(catalog, runs, ids, pauses);
    jobs.routes(router);
    new RunsApi(store, catalog, jobs, runs).routes(router);
    new AndonApi(store, catalog, runs, metrics).routes(router);
    this.updates = new JobUpdates(jobs, pauses, c.clock(), log);
    updates.routes(router);
    this.schedules = new Schedules(store, catalog, runs, c.clock(), log);
    updates.listen(schedules::pauseChanged);
    InetSocketAddress address = new InetSocketAddress(address(c.bind()), c.port());
    Auth auth = Auth.of(c.home(), c.env());
    boolean readsNeedToken = readsNeedToken(address.getAddress());
    this.http = new HttpService(address, router, auth, readsNeedToken, log);
    WebUi ui =
        new WebUi(
            new WebUi.Setup(new LocalApi(router), catalog, store, auth, readsNeedToken, c.clock()));
    http.mount(WebUi.PREFIXES, ui);
    this.watcher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "andon-job-watch");
              t.setDaemon(true);
              return t;
            });
    http.start();
    String host =
        address.getAddress().isAnyLocalAddress()
            ? "127.0.0.1"
            : address.getAddress().getHostAddress();
    this.url = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + http.port();
    watcher.scheduleWithFixedDelay(this::refresh, 1, 1, TimeUnit.SECONDS);
  }

  /** Reads need the token too when the service listens beyond loopback. */
  static boolean readsNeedToken(InetAddress bound) {
    return !bound.isLoopbackAddress();
  }

  private static InetAddress address(String bind) {
    try {
      return InetAddress.getByName(bind);
    } catch (UnknownHostException e) {
      throw new InvalidInputException(
          "--bind "
              + bind
              + " is not an address of this machine;"
              + " give 127.0.0.1 (the default), 0.0.0.0 or one of its addresses.",
          e);
    }
  }

  /** Starts a service as {@code c} says, logging to {@code log}. */
  public static Service start(Config c, ServiceLog log) {
    ServiceLock lock = ServiceLock.acquire(c.home());
    Store store = null;
    try {
      store = Store.open(c.home());
      Service s = new Service(c, log, lock, store);
      Files.writeString(c.home().resolve(URL_FILE), s.url + "\n");
      log.event("serving", Map.of("url", s.url, "jobs", s.catalog.jobs().size(), "home", c.home()));
      return s;
    } catch (IOException e) {
      lock.close();
      throw new InvalidInputException(
          "cannot write " + c.home().resolve(URL_FILE) + " (" + e.getMessage() + ").", e);
    } catch (RuntimeException e) {
      if (store != null) {
        store.close();
      }
      lock.close();
      throw e;
    }
  }

  private void refresh() {
    try {
      if (catalog.refresh()) {
        schedules.refresh();
      }
    } catch (RuntimeException e) {
      log.event("watch_error", Map.of("error", e.toString()));
    }
  }

  /** The base URL, such as {@code http://127.0.0.1:8321}. */
  public String url() {
    return url;
  }

  /** The port listened on. */
  public int port() {
    return http.port();
  }

  /** Where a component that starts runs (a schedule) plugs in. */
  public RunStarter runStarter() {
    return runs;
  }

  /** Adds {@code l} to those told when a job is paused or resumed through the API. */
  public void onPauseChange(PauseListener l) {
    updates.listen(l);
  }

  /** The jobs served. */
  public JobCatalog catalog() {
    return catalog;
  }

  /**
   * Stops as SIGTERM asks: no new runs, running ones get {@code grace} to finish and are then
   * canceled; then the API stops and the home is released.
   */
  public void stop(Duration grace) {
    log.event(
        "stopping", Map.of("grace_seconds", grace.toSeconds(), "active_runs", runs.activeCount()));
    watcher.shutdownNow();
    schedules.close();
    runs.shutdown(grace);
    close();
  }

  @Override
  public void close() {
    watcher.shutdownNow();
    schedules.close();
    http.close();
    runs.close();
    try {
      Files.deleteIfExists(home.resolve(URL_FILE));
    } catch (IOException e) {
      // a stale URL file only makes --submit try and fall back
    }
    store.close();
    lock.close();
    log.event("stopped", Map.of());
  }
}
