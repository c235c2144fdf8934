package io.andon.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.andon.error.InvalidInputException;
import io.andon.util.Json;
import io.andon.yaml.Problems;
import io.andon.yaml.YMap;
import io.andon.yaml.YamlReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DestinationsTest {
  static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  static final Env ENV =
      Env.of(
          Map.of(
              "OPS_SECRET",
              SECRET,
              "SLACK_URL",
              "https://hooks.slack.example/services/T0/B0/XYZ",
              "SMTP_PASSWORD",
              "pw"));

  @TempDir Path dir;

  private Destinations parse(String yaml, Problems problems) {
    YMap root = (YMap) YamlReader.parse("job.yml", yaml.getBytes(StandardCharsets.UTF_8));
    return DestinationsYaml.parse(root.get("destinations").orElseThrow(), dir, ENV, problems);
  }

  private String problemsOf(String yaml) {
    Problems p = new Problems();
    parse(yaml, p);
    return p.list().toString();
  }

  @Test
  void parsesEveryDestinationType() {
    Problems p = new Problems();
    Destinations d =
        parse(
            """
        destinations:
          ops_hook: {type: webhook, url: "https://ops.example/hook", secret_env: OPS_SECRET,
                     timeout_seconds: 2.5, retry_schedule_seconds: [0, 1, 60]}
          team_slack: {type: slack, url_env: SLACK_URL}
          oncall:
            type: email
            to: [oncall@example.com, "Ops Team <ops@example.com>"]
            smtp: {host: smtp.example, port: 2525, from: andon@example.com, username: andon,
                   password_env: SMTP_PASSWORD, security: starttls}
          audit: {type: file, path: logs/notifications.jsonl}
          gh: {type: webhook, url: "https://ci.example/hook", secret_env: SLACK_URL,
               signature: github}
        """,
            p);
    assertThat(p.list()).isEmpty();
    assertThat(d.ids()).containsExactly("ops_hook", "team_slack", "oncall", "audit", "gh");
    assertThat(((Destination.Webhook) d.get("gh").orElseThrow()).signature())
        .isEqualTo(Destination.Webhook.Signature.GITHUB);
    Destination.Webhook w = (Destination.Webhook) d.get("ops_hook").orElseThrow();
    assertThat(w.secretEnv()).contains("OPS_SECRET");
    assertThat(w.delivery().timeout()).isEqualTo(Duration.ofMillis(2500));
    assertThat(w.delivery().schedule()).isEqualTo(RetrySchedule.ofMillis(0, 1000, 60000));
    assertThat(((Destination.Slack) d.get("team_slack").orElseThrow()).delivery().schedule())
        .isEqualTo(RetrySchedule.STANDARD_WEBHOOKS);
    Destination.Email e = (Destination.Email) d.get("oncall").orElseThrow();
    assertThat(e.to()).containsExactly("oncall@example.com", "Ops Team <ops@example.com>");
    assertThat(e.smtp().port()).isEqualTo(2525);
    assertThat(e.smtp().security()).isEqualTo(Destination.Smtp.Security.STARTTLS);
    assertThat(((Destination.File) d.get("audit").orElseThrow()).path())
        .isEqualTo(dir.resolve("logs/notifications.jsonl").toAbsolutePath());
  }

  @Test
  void malformedUrlIsRejectedWithFileLineAndColumn() {
    assertThat(
            problemsOf(
                """
        destinations:
          a: {type: webhook, url: "htp:/nowhere"}
          b:
            type: slack
            url: "https://exa mple.com/x"
        """))
        .contains(
            "job.yml:2:27: 'url' of destination 'a' must start with https:// or" + " http://.")
        .contains("job.yml:5:10: 'url' of destination 'b' is not a valid URL");
  }

  @Test
  void missingSecretVariableIsRejectedAtValidationWithItsName() {
    assertThat(
            problemsOf(
                """
        destinations:
          ops_hook:
            type: webhook
            url: https://ops.example/hook
            secret_env: NOT_SET_ANYWHERE
        """))
        .contains(
            "job.yml:5:17: environment variable NOT_SET_ANYWHERE is not set; export"
                + " NOT_SET_ANYWHERE=whsec_<base64 key>");
  }

  @Test
  void secretsWrittenInTheYamlAreRefused() {
    String problems =
        problemsOf(
            """
        destinations:
          ops_hook: {type: webhook, url: "https://ops.example/h", secret: "whsec_abc"}
          mail:
            type: email
            to: [a@example.com]
            smtp: {host: h, from: a@example.com, password: hunter2}
          basic: {type: webhook, url: "https://bob:pa55word@ops.example/h"}
        """);
    assertThat(problems)
        .contains("job.yml:2:59: secrets are never written in YAML")
        .contains("name it with 'secret_env'")
        .contains("job.yml:6:42: secrets are never written in YAML")
        .contains("job.yml:7:31: 'url' of destination 'basic' holds a user name or password")
        .doesNotContain("hunter2")
        .doesNotContain("whsec_abc")
        .doesNotContain("pa55word");
  }

  @Test
  void unknownTypesKeysAndBadAddressesAreNamedWithHints() {
    String problems =
        problemsOf(
            """
        destinations:
          a: {type: webhok, url: "https://x.example"}
          b: {type: slack, url: "https://x.example", retries: 3}
          c: {type: email, to: [not-an-address], smtp: {host: h, from: me@example.com}}
          d: {type: file}
          e: {type: slack}
        """);
    assertThat(problems)
        .contains("job.yml:2:13: unknown destination type 'webhok'")
        .contains("Did you mean 'webhook'?")
        .contains("job.yml:3:46: unknown key 'retries' in destination 'b' (type slack).")
        .contains("job.yml:4:25: 'not-an-address' is not an e-mail address")
        .contains("job.yml:5:6: destination 'd' needs 'path'.")
        .contains("job.yml:6:6: destination 'e' needs exactly one of 'url'");
  }

  @Test
  void aSharedDestinationsFileIsReadFromAPathRelativeToTheJob() throws Exception {
    Files.writeString(
        dir.resolve("shared.yml"),
        """
        destinations:
          audit: {type: file, path: out/audit.jsonl}
        """);
    Problems p = new Problems();
    Destinations d = parse("destinations: shared.yml\n", p);
    assertThat(p.list()).isEmpty();
    assertThat(((Destination.File) d.get("audit").orElseThrow()).path())
        .isEqualTo(dir.resolve("out/audit.jsonl").toAbsolutePath());

    Files.writeString(
        dir.resolve("bad.yml"),
        """
        destinations:
          audit: {type: file}
        """);
    Problems p2 = new Problems();
    parse("destinations: bad.yml\n", p2);
    assertThat(p2.list().toString())
        .contains("job.yml:1:15: the destinations file")
        .contains("bad.yml:2:10: destination 'audit' needs 'path'.");
    assertThatThrownBy(() -> DestinationsYaml.read(dir.resolve("bad.yml"), ENV))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void storedFormRoundTripsAndHoldsOnlyVariableNames() {
    Problems p = new Problems();
    Destinations d =
        parse(
            """
        destinations:
          w: {type: webhook, url: "https://ops.example/hook?x=1", secret_env: OPS_SECRET}
          g: {type: webhook, url: "https://ops.example/g", secret_env: OPS_SECRET, signature: github}
          s: {type: slack, url_env: SLACK_URL, timeout_seconds: 3}
          m: {type: email, to: [a@example.com], smtp: {host: h, port: 25, from: b@example.com,
              username: u, password_env: SMTP_PASSWORD}}
          f: {type: file, path: x.jsonl, retry_schedule_seconds: [0, 0.5]}
        """,
            p);
    assertThat(p.list()).isEmpty();
    for (Destination x : d.all().values()) {
      String json = Json.write(DestinationJson.toJson(x));
      assertThat(DestinationJson.fromJson(DestinationJson.toJson(x))).isEqualTo(x);
      assertThat(json).doesNotContain(SECRET).doesNotContain("XYZ").doesNotContain("\"pw\"");
    }
  }
}
