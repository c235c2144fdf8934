/**
 * Schedules and triggers of a job, as Databricks Workflows defines them, as pure values and
 * functions: what starts a job ({@link io.andon.schedule.JobTrigger}, read by {@link
 * io.andon.schedule.TriggerParser}), when a cron schedule or periodic trigger fires next ({@link
 * io.andon.schedule.FirePlanner}, over an injected {@link java.time.Clock}), and when new files
 * fire a file-arrival trigger ({@link io.andon.schedule.FileArrivalRule} over listings made by
 * {@link io.andon.schedule.FolderLister}). Nothing here starts a thread or sleeps: the service that
 * runs the jobs drives these functions.
 *
 * <p><b>Cron.</b> The spec is "Quartz cron, daylight-saving changes as Quartz handles them", so
 * fire times come from Quartz itself: {@code org.quartz.CronExpression} of {@code
 * org.quartz-scheduler:quartz} (maintained, Apache 2.0, the reference implementation of the format
 * Databricks documents), with all of Quartz's transitive dependencies excluded; the class needs
 * only the JDK. cron-utils' QUARTZ definition was the alternative, but it is a re-implementation
 * whose DST and {@code W}/{@code L} corner cases could differ from Quartz's. As Quartz computes it,
 * a time that falls in a spring-forward gap is skipped that day (a 02:30 daily schedule in
 * Europe/Berlin does not fire on the last Sunday of March), and a time that occurs twice on a
 * fall-back day fires once, at its second (standard time) occurrence.
 *
 * <p><b>At most every 10 seconds.</b> Databricks never starts a schedule's runs closer than 10
 * seconds apart whatever the seconds field says; andon clamps likewise ({@link
 * io.andon.schedule.CronSchedule#MIN_GAP}): a cron time within 10 s of the previous fire is
 * skipped, so {@code * * * * * ?} is accepted and fires every 10 seconds.
 *
 * <p><b>No catch-up.</b> A fire whose time passed while nothing ran is skipped, as in Databricks;
 * only the next future fire is planned.
 */
package io.andon.schedule;
