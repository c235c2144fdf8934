package io.andon.examples.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import io.andon.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRegistryTest {
  @TempDir Path dir;

  @Test
  void versionsAreNumberedAndKeepMetricsLineageAndHashes() throws Exception {
    Path model = Files.writeString(dir.resolve("model.bin"), "weights");
    ModelRegistry r = new ModelRegistry(dir.resolve("registry"));
    assertThat(r.latest("fraud")).isEmpty();
    var m = Json.object().put("accuracy", 0.99);
    var l = Json.object().put("run_id", 7);
    ModelRegistry.Version v1 = r.register("fraud", List.of(model), m, l);
    ModelRegistry.Version v2 = r.register("fraud", List.of(model), m, l);
    assertThat(v1.version()).isEqualTo(1);
    assertThat(v2.version()).isEqualTo(2);
    assertThat(v2.folder()).isEqualTo(dir.resolve("registry/fraud/v2"));
    assertThat(Files.readString(v2.folder().resolve("model.bin"))).isEqualTo("weights");
    var meta = Json.mapper().readTree(v2.folder().resolve("version.json").toFile());
    assertThat(meta.get("version").asInt()).isEqualTo(2);
    assertThat(meta.at("/metrics/accuracy").asDouble()).isEqualTo(0.99);
    assertThat(meta.at("/lineage/run_id").asInt()).isEqualTo(7);
    assertThat(meta.at("/files/model.bin").asText())
        .isEqualTo(Hashes.sha256(model))
        .startsWith("sha256:")
        .hasSize(71);
    assertThat(r.latest("fraud").orElseThrow().version()).isEqualTo(2);
    try (var s = Files.list(dir.resolve("registry/fraud"))) {
      assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".incoming")))
          .isEmpty();
    }
  }

  @Test
  void concurrentRegistrationsGetDistinctVersions() throws Exception {
    Path model = Files.writeString(dir.resolve("model.bin"), "w");
    ModelRegistry r = new ModelRegistry(dir.resolve("registry"));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<ModelRegistry.Version>> fs = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      fs.add(pool.submit(() -> r.register("fraud", List.of(model), Json.object(), Json.object())));
    }
    List<Integer> versions = new ArrayList<>();
    for (var f : fs) {
      versions.add(f.get().version());
    }
    pool.shutdown();
    assertThat(versions).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
  }
}
