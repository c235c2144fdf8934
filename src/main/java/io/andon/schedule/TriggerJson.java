package io.andon.schedule;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.andon.util.Json;

/**
 * A job's schedule or trigger as the Jobs API writes it in a job's settings: {@code {"schedule":
 * {"quartz_cron_expression", "timezone_id", "pause_status"}}}, {@code {"trigger": {"pause_status",
 * "periodic" | "file_arrival"}}} or {@code {"continuous": {"pause_status"}}}.
 */
public final class TriggerJson {
  private TriggerJson() {}

  /** {@code trigger} under its key, as in the settings of {@code jobs/get}. */
  public static ObjectNode settings(JobTrigger trigger) {
    ObjectNode body = Json.object();
    if (trigger instanceof CronSchedule c) {
      body.put("quartz_cron_expression", c.cron().text());
      body.put("timezone_id", c.cron().zone().getId());
    } else if (trigger instanceof PeriodicTrigger p) {
      body.putObject("periodic").put("interval", p.interval()).put("unit", p.unit().name());
    } else if (trigger instanceof FileArrivalTrigger f) {
      body.putObject("file_arrival")
          .put("url", f.url())
          .put("min_time_between_triggers_seconds", f.minTimeBetweenTriggers().toSeconds())
          .put("wait_after_last_change_seconds", f.waitAfterLastChange().toSeconds());
    }
    body.put("pause_status", trigger.pauseStatus().name());
    ObjectNode out = Json.object();
    out.set(TriggerText.key(trigger), body);
    return out;
  }
}
