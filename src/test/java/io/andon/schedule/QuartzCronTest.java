package io.andon.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.andon.error.InvalidInputException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.quartz.CronExpression;

class QuartzCronTest {
  private static final ZoneId UTC = ZoneOffset.UTC;
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private static QuartzCron cron(String text, ZoneId zone) {
    return QuartzCron.parse(text, zone, "job.yml: job 'etl': schedule");
  }

  private static Instant at(String iso) {
    return Instant.parse(iso);
  }

  /** The next {@code count} fires, each strictly after the one before. */
  private static List<Instant> fires(QuartzCron cron, String from, int count) {
    List<Instant> out = new ArrayList<>();
    Instant t = at(from);
    for (int i = 0; i < count; i++) {
      t = cron.firstFireAtOrAfter(t).orElseThrow();
      out.add(t);
      t = t.plusSeconds(1);
    }
    return out;
  }

  /** The same fires from Quartz's own CronExpression, used directly. */
  private static List<Instant> quartzFires(String text, ZoneId zone, String from, int count)
      throws Exception {
    CronExpression expression = new CronExpression(text);
    expression.setTimeZone(TimeZone.getTimeZone(zone));
    List<Instant> out = new ArrayList<>();
    Date t = Date.from(at(from).minusMillis(1));
    for (int i = 0; i < count; i++) {
      t = expression.getNextValidTimeAfter(t);
      out.add(t.toInstant());
    }
    return out;
  }

  @Test
  void theCourseScheduleFiresAtSixEveryMorningUtc() {
    assertThat(fires(cron("0 0 6 * * ?", UTC), "2026-12-06T06:00:01Z", 2))
        .containsExactly(at("2026-12-07T06:00:00Z"), at("2026-12-08T06:00:00Z"));
  }

  @Test
  void aFireTimeExactlyNowIsIncludedAndMillisecondsLaterIsNot() {
    QuartzCron daily = cron("0 0 6 * * ?", UTC);
    assertThat(daily.firstFireAtOrAfter(at("2026-12-07T06:00:00Z")))
        .contains(at("2026-12-07T06:00:00Z"));
    assertThat(daily.firstFireAtOrAfter(at("2026-12-07T06:00:00.001Z")))
        .contains(at("2026-12-08T06:00:00Z"));
  }

  @Test
  void lFiresOnTheLastDayOfEachMonthLeapYearsIncluded() {
    assertThat(fires(cron("0 0 12 L * ?", UTC), "2027-02-01T00:00:00Z", 1))
        .containsExactly(at("2027-02-28T12:00:00Z"));
    assertThat(fires(cron("0 0 12 L * ?", UTC), "2028-02-01T00:00:00Z", 1))
        .containsExactly(at("2028-02-29T12:00:00Z"));
  }

  @Test
  void wFiresOnTheNearestWeekdayAndLwOnTheLastWeekday() {
    // 15 August 2026 is a Saturday: the nearest weekday is Friday the 14th
    assertThat(fires(cron("0 0 9 15W * ?", UTC), "2026-08-01T00:00:00Z", 1))
        .containsExactly(at("2026-08-14T09:00:00Z"));
    // 31 May 2026 is a Sunday: the last weekday is Friday the 29th
    assertThat(fires(cron("0 0 9 LW * ?", UTC), "2026-05-01T00:00:00Z", 1))
        .containsExactly(at("2026-05-29T09:00:00Z"));
  }

  @Test
  void hashFiresOnTheNthWeekdayOfTheMonthAndDayOfWeekLOnTheLastOne() {
    // day-of-week 6 is Friday; the Fridays of December 2026 are the 4th, 11th, 18th and 25th
    assertThat(fires(cron("0 0 9 ? * 6#3", UTC), "2026-12-01T00:00:00Z", 1))
        .containsExactly(at("2026-12-18T09:00:00Z"));
    assertThat(fires(cron("0 0 9 ? * 6L", UTC), "2026-12-01T00:00:00Z", 1))
        .containsExactly(at("2026-12-25T09:00:00Z"));
  }

  @Test
  void questionMarkMayStandInEitherDayField() {
    assertThat(fires(cron("0 0 9 ? * MON", UTC), "2026-12-06T00:00:00Z", 1))
        .containsExactly(at("2026-12-07T09:00:00Z"));
    assertThat(fires(cron("0 0 9 10 * ?", UTC), "2026-12-06T00:00:00Z", 1))
        .containsExactly(at("2026-12-10T09:00:00Z"));
  }

  @Test
  void theOptionalYearFieldLimitsFiresAndAPastYearNeverFiresAgain() {
    QuartzCron newYear2030 = cron("0 0 0 1 1 ? 2030", UTC);
    assertThat(newYear2030.firstFireAtOrAfter(at("2026-12-06T00:00:00Z")))
        .contains(at("2030-01-01T00:00:00Z"));
    assertThat(newYear2030.firstFireAtOrAfter(at("2030-01-01T00:00:01Z"))).isEmpty();
  }

  @Test
  void springForwardInBerlinSkipsTheDailyTwoThirtyThatDoesNotExistAsQuartzDoes() throws Exception {
    // 29 March 2026: clocks go from 02:00 to 03:00 in Berlin; there is no 02:30 that day
    List<Instant> fires = fires(cron("0 30 2 * * ?", BERLIN), "2026-03-28T00:00:00Z", 3);
    assertThat(fires)
        .containsExactly(
            at("2026-03-28T01:30:00Z"), at("2026-03-30T00:30:00Z"), at("2026-03-31T00:30:00Z"));
    assertThat(fires).isEqualTo(quartzFires("0 30 2 * * ?", BERLIN, "2026-03-28T00:00:00Z", 3));
  }

  @Test
  void fallBackInBerlinFiresTheRepeatedTwoThirtyOnceInWinterTimeAsQuartzDoes() throws Exception {
    // 25 October 2026: 02:00-03:00 happens twice in Berlin; Quartz fires the second (+01:00)
    List<Instant> fires = fires(cron("0 30 2 * * ?", BERLIN), "2026-10-24T00:00:00Z", 3);
    assertThat(fires)
        .containsExactly(
            at("2026-10-24T00:30:00Z"), at("2026-10-25T01:30:00Z"), at("2026-10-26T01:30:00Z"));
    assertThat(fires).isEqualTo(quartzFires("0 30 2 * * ?", BERLIN, "2026-10-24T00:00:00Z", 3));
  }

  @Test
  void springForwardInNewYorkSkipsTheDailyTwoThirtyThatDoesNotExistAsQuartzDoes() throws Exception {
    // 8 March 2026: clocks go from 02:00 to 03:00 in New York
    List<Instant> fires = fires(cron("0 30 2 * * ?", NEW_YORK), "2026-03-07T00:00:00Z", 3);
    assertThat(fires)
        .containsExactly(
            at("2026-03-07T07:30:00Z"), at("2026-03-09T06:30:00Z"), at("2026-03-10T06:30:00Z"));
    assertThat(fires).isEqualTo(quartzFires("0 30 2 * * ?", NEW_YORK, "2026-03-07T00:00:00Z", 3));
  }

  @Test
  void fallBackInNewYorkFiresTheDailyTwoThirtyOnceAndTheRepeatedHourOnlyInStandardTime()
      throws Exception {
    // 1 November 2026: 01:00-02:00 happens twice in New York; 02:30 happens once (-05:00)
    List<Instant> daily = fires(cron("0 30 2 * * ?", NEW_YORK), "2026-10-31T00:00:00Z", 3);
    assertThat(daily)
        .containsExactly(
            at("2026-10-31T06:30:00Z"), at("2026-11-01T07:30:00Z"), at("2026-11-02T07:30:00Z"));
    assertThat(daily).isEqualTo(quartzFires("0 30 2 * * ?", NEW_YORK, "2026-10-31T00:00:00Z", 3));
    // a half-hourly cron from 01:20 EDT: Quartz goes straight to 01:30 EST, leaving out 01:30
    // EDT and 01:00 EST, so the repeated hour fires once, in standard time
    List<Instant> halfHourly = fires(cron("0 0/30 * * * ?", NEW_YORK), "2026-11-01T05:20:00Z", 3);
    assertThat(halfHourly)
        .containsExactly(
            at("2026-11-01T06:30:00Z"), at("2026-11-01T07:00:00Z"), at("2026-11-01T07:30:00Z"));
    assertThat(halfHourly)
        .isEqualTo(quartzFires("0 0/30 * * * ?", NEW_YORK, "2026-11-01T05:20:00Z", 3));
  }

  @Test
  void aMalformedFieldIsNamedWithQuartzsReasonAndTheExpectedForm() {
    assertThatThrownBy(() -> cron("0 0 25 * * ?", UTC))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(
            "job.yml: job 'etl': schedule: quartz_cron_expression"
                + " '0 0 25 * * ?': the hours field '25' is invalid: Hour values must be between 0"
                + " and 23")
        .hasMessageContaining("seconds minutes hours day-of-month month day-of-week [year]");
    assertThatThrownBy(() -> cron("0 0 6 ? * 2#6", UTC))
        .hasMessageContaining("the day-of-week field '2#6' is invalid");
    assertThatThrownBy(() -> cron("0 x 6 * * ?", UTC))
        .hasMessageContaining("the minutes field 'x' is invalid");
    assertThatThrownBy(() -> cron("0 0 6 * 13 ?", UTC))
        .hasMessageContaining("the month field '13' is invalid");
  }

  @Test
  void aFiveFieldUnixCronIsRefusedWithTheFieldCount() {
    assertThatThrownBy(() -> cron("0 6 * * *", UTC))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'0 6 * * *' has 5 fields. Quartz cron has 6 or 7 fields");
  }

  @Test
  void bothDayFieldsSetIsRefusedWithTheQuestionMarkAdvice() {
    assertThatThrownBy(() -> cron("0 0 6 1 * MON", UTC))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("put '?' in one of them");
  }

  @Test
  void equalCronsInTheSameZoneAreEqualValues() {
    assertThat(cron("0  0 6 * * ?", UTC))
        .isEqualTo(cron("0 0 6 * * ?", UTC))
        .isNotEqualTo(cron("0 0 6 * * ?", BERLIN));
    assertThat(cron("0 0 6 * * ?", UTC).text()).isEqualTo("0 0 6 * * ?");
    assertThat(Optional.of(cron("0 0 6 * * ?", UTC).zone())).contains(UTC);
  }
}
