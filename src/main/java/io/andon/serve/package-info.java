/**
 * {@code andon serve}: a long-running andon that runs jobs on request through a REST API shaped
 * like the Databricks Jobs API 2.2, inside one warm JVM.
 *
 * <p>The HTTP server is the JDK's own {@code com.sun.net.httpserver.HttpServer}: it starts in a few
 * milliseconds and adds no dependency. {@link io.andon.serve.HttpService} puts andon's rules on
 * every request (a 1 MiB body limit, the bearer token, Databricks-shaped error bodies, never a
 * stack trace); {@link io.andon.serve.Router} maps a method and a path to a handler; {@link
 * io.andon.serve.JobsApi} holds the {@code /api/2.2/} endpoints and {@link io.andon.serve.RunView}
 * renders stored runs as the Jobs API's {@code Run} objects.
 *
 * <p>Runs start through {@link io.andon.serve.RunStarter}, the one place where anything that starts
 * runs (the API, a schedule) plugs in; {@link io.andon.serve.Runs} implements it with the engine's
 * {@code Executor}, one thread per run, so max_concurrent_runs and queues hold across the service
 * and any {@code andon run} on the same home (they meet in the store).
 */
package io.andon.serve;
