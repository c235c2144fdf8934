package io.andon.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.util.Json;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class AggregationsTest {
  @Test
  void everyAggregationMatchesNumPyReferenceValues() throws Exception {
    JsonNode cases;
    try (InputStream in = getClass().getResourceAsStream("/alert/aggregations.json")) {
      cases = Json.mapper().readTree(in);
    }
    assertThat(cases).hasSize(7);
    for (JsonNode c : cases) {
      List<Double> values = new ArrayList<>();
      c.get("values").forEach(v -> values.add(v.isNull() ? null : v.asDouble()));
      for (AlertRule.Aggregation a : AlertRule.Aggregation.values()) {
        OptionalDouble got = Aggregations.apply(a, values);
        JsonNode want = c.get(a.name());
        String what = c.get("name").asText() + " " + a;
        if (want.isNull()) {
          assertThat(got).as(what).isEmpty();
        } else {
          assertThat(got).as(what).isPresent();
          double w = want.asDouble();
          assertThat(got.getAsDouble())
              .as(what)
              .isCloseTo(w, within(Math.max(1e-12, Math.abs(w) * 1e-12)));
        }
      }
    }
  }
}
