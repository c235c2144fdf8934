package io.andon.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The token: made once per home, private to its owner, needed for mutations. */
class AuthTest {
  @TempDir Path tmp;

  @Test
  void readsAreOpenOnLoopbackAndEveryMutationNeedsTheRightTokenWith401WithoutDetails()
      throws Exception {
    Served.job(
        tmp,
        "job.yml",
        Served.shellJob(
            "job",
            "",
            """
          - task_key: t
            shell_task: {command: "true"}
        """));
    try (Served s = Served.of(tmp, "job.yml")) {
      assertThat(s.get("/api/2.2/jobs/list").status()).isEqualTo(200);
      for (String token :
          new String[] {"", "wrong", Served.TOKEN + "x", Served.TOKEN.substring(1)}) {
        Served.Answer a = s.post("/api/2.2/jobs/run-now", "{\"job_id\": 1}", token);
        assertThat(a.status()).isEqualTo(401);
        assertThat(a.body().toString())
            .isEqualTo("{\"error_code\":\"UNAUTHENTICATED\",\"message\":\"Unauthenticated.\"}");
      }
      assertThat(s.get("/api/2.2/jobs/runs/list").body().get("runs")).isEmpty();
      assertThat(s.post("/api/2.2/jobs/run-now", "{\"job_id\": 1}").status()).isEqualTo(200);
    }
  }

  @Test
  void theTokenFileIsMadeAtFirstStartReadableByItsOwnerOnlyAndKept() throws Exception {
    Path home = tmp.resolve("home");
    Auth first = Auth.of(home, Map.of());
    Path file = home.resolve(Auth.FILE);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    String token = Files.readString(file).strip();
    assertThat(token).hasSizeGreaterThanOrEqualTo(40);
    assertThat(first.accepts(Optional.of("Bearer " + token))).isTrue();
    assertThat(Auth.of(home, Map.of()).accepts(Optional.of("Bearer " + token))).isTrue();
    assertThat(Auth.clientToken(home, Map.of())).contains(token);
    assertThat(first.accepts(Optional.of(token))).isFalse();
    assertThat(first.accepts(Optional.empty())).isFalse();
  }

  @Test
  void andonTokenFromTheEnvironmentWinsOverTheFile() {
    Auth auth = Auth.of(tmp, Map.of("ANDON_TOKEN", "from-env"));
    assertThat(auth.accepts(Optional.of("Bearer from-env"))).isTrue();
    assertThat(Files.exists(tmp.resolve(Auth.FILE))).isFalse();
    assertThat(Auth.clientToken(tmp, Map.of("ANDON_TOKEN", "from-env"))).contains("from-env");
  }

  @Test
  void readsNeedTheTokenWhenBoundToAnythingButLoopback() throws Exception {
    assertThat(Service.readsNeedToken(InetAddress.getByName("127.0.0.1"))).isFalse();
    assertThat(Service.readsNeedToken(InetAddress.getByName("::1"))).isFalse();
    assertThat(Service.readsNeedToken(InetAddress.getByName("0.0.0.0"))).isTrue();
    assertThat(Service.readsNeedToken(InetAddress.getByName("10.1.2.3"))).isTrue();
  }
}
