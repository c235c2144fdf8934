package io.andon.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.andon.monitor.report.MonitorHtml;
import io.andon.monitor.report.MonitorJson;
import io.andon.store.Store;
import io.andon.store.StoreRows;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A daily time-series monitor over 3 days of 600 rows with planted problems on day 3 only: 20
 * repeated rows, 30 ages of 999 (out of the baseline's range) and a status that is always 'ok'
 * (constant). The checks land per window in the data_quality table, the JSON and the text.
 */
class MonitorDataQualityTest {
  @TempDir Path dir;

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-05T00:00:00Z"), ZoneOffset.UTC);

  @Test
  void checksOfEachWindowAreStoredAndOnlyThePlantedOnesFail() throws Exception {
    MonitorFixture f = new MonitorFixture(dir);
    f.table("base.csv", "age,status", 600, i -> (20 + i % 50) + "," + (i % 3 == 0 ? "late" : "ok"));
    f.daily(
        "cur.csv",
        "ts,age,status",
        3,
        600,
        (d, i) -> {
          boolean planted = d == 3;
          int row = planted && i >= 580 ? i - 580 : i;
          int age = planted && row >= 100 && row < 130 ? 999 : 20 + row % 50;
          String status = planted || row % 3 != 0 ? "ok" : "late";
          return MonitorFixture.stamp("2026-01", d, row) + "," + age + "," + status;
        });
    MonitorResult r =
        MonitorFixture.run(
            f.timeSeriesMonitor("dq", "cur.csv", "base.csv", "1 day", "min_sample: 100\n"), CLOCK);
    List<String> failed = new ArrayList<>();
    for (MonitorResult.QualityRow q : r.quality()) {
      if (q.check().failed()) {
        failed.add(
            q.group().windowStart().orElseThrow()
                + " "
                + q.check().check().id()
                + " "
                + q.check().columnName()
                + " "
                + q.check().count());
      }
    }
    assertThat(failed)
        .containsExactlyInAnyOrder(
            "2026-01-03T00:00:00Z duplicated_rows :table 20",
            "2026-01-03T00:00:00Z out_of_range age 30",
            "2026-01-03T00:00:00Z constant_column status 600");
    try (Store store = Store.open(dir.resolve("home"))) {
      MetricsStore.append(store, r);
      List<String> rows =
          StoreRows.rows(
              store,
              "SELECT granularity, window_start, check_name, column_name, count"
                  + " FROM data_quality WHERE failed = 1 ORDER BY check_name");
      assertThat(rows)
          .containsExactly(
              "1 day 2026-01-03T00:00:00Z constant_column status 600",
              "1 day 2026-01-03T00:00:00Z duplicated_rows :table 20",
              "1 day 2026-01-03T00:00:00Z out_of_range age 30");
    }
    var json = MonitorJson.toJson(r).get("data_quality");
    assertThat(json.size()).isEqualTo(r.quality().size());
    assertThat(json.get(0).get("granularity").asText()).isEqualTo("1 day");
    assertThat(MonitorHtml.render(r)).contains("duplicated_rows");
  }
}
