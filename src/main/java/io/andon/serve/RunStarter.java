package io.andon.serve;

import io.andon.job.TriggerInfo;
import java.util.Map;

/**
 * Where anything that starts runs plugs into the service: the API's run-now, and a schedule or
 * trigger firing. The run is committed to the store before this returns; it executes in the
 * service's JVM.
 */
public interface RunStarter {
  /**
   * Starts a run of the served job {@code jobName} with {@code parameters} over its defaults,
   * recorded as started by {@code trigger}; returns its run id.
   *
   * @throws ApiException RESOURCE_DOES_NOT_EXIST for a job not served, INVALID_STATE while the
   *     service stops, INVALID_PARAMETER_VALUE for an unknown parameter
   */
  long start(String jobName, Map<String, String> parameters, TriggerInfo trigger);
}
