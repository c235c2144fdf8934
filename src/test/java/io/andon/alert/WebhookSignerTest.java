package io.andon.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.util.Json;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {
  @Test
  void signaturesMatchThoseComputedIndependentlyWithPython() throws Exception {
    JsonNode vectors;
    try (InputStream in = getClass().getResourceAsStream("/alert/webhook_signatures.json")) {
      vectors = Json.mapper().readTree(in);
    }
    assertThat(vectors).hasSize(3);
    for (JsonNode v : vectors) {
      assertThat(
              WebhookSigner.sign(
                  v.get("secret").asText(),
                  v.get("id").asText(),
                  v.get("timestamp").asLong(),
                  v.get("body").asText()))
          .as(v.get("id").asText())
          .isEqualTo(v.get("signature").asText());
    }
  }

  @Test
  void githubSignaturesMatchThoseComputedIndependentlyWithPython() throws Exception {
    JsonNode vectors;
    try (InputStream in = getClass().getResourceAsStream("/alert/github_signatures.json")) {
      vectors = Json.mapper().readTree(in);
    }
    assertThat(vectors).hasSize(2);
    for (JsonNode v : vectors) {
      assertThat(WebhookSigner.signGithub(v.get("secret").asText(), v.get("body").asText()))
          .isEqualTo(v.get("signature").asText());
    }
  }

  @Test
  void secretsWithoutThePrefixOrWithBadBase64AreRefusedWithoutEchoingThem() {
    assertThat(WebhookSigner.checkSecret("hunter2hunter2hunter2").orElseThrow())
        .contains("whsec_")
        .doesNotContain("hunter2");
    assertThat(WebhookSigner.checkSecret("whsec_***notbase64***").orElseThrow()).contains("base64");
    assertThat(WebhookSigner.checkSecret("whsec_YWJj").orElseThrow())
        .contains("shorter than 16 bytes");
    assertThat(WebhookSigner.checkSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")).isEmpty();
    assertThatThrownBy(() -> WebhookSigner.sign("plain", "msg_1", 1, "{}"))
        .isInstanceOf(DeliveryException.class)
        .hasMessageNotContaining("plain");
  }
}
