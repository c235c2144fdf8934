package io.andon.alert;

import io.andon.yaml.Problems;
import io.andon.yaml.YMap;
import java.net.URI;
import java.util.Optional;

/**
 * Reads the keys of the destinations that post to a URL: a webhook ({@code url} or {@code url_env},
 * {@code secret_env}, {@code signature}) and Slack ({@code url} or {@code url_env}). A URL that is
 * a secret is only named, by its environment variable, which must be set.
 */
final class WebhookYaml {
  private WebhookYaml() {}

  static Optional<Destination> webhook(
      String id, YMap m, String where, Env env, Problems problems, Destination.Delivery delivery) {
    Optional<UrlRef> url = urlRef(m, where, env, problems);
    Optional<String> secretEnv = DestinationsYaml.envName(m, "secret_env", problems);
    Destination.Webhook.Signature style = Destination.Webhook.Signature.STANDARD;
    Optional<String> sig = problems.string(m, "signature");
    if (sig.isPresent()) {
      switch (sig.get().strip().toLowerCase()) {
        case "standard" -> style = Destination.Webhook.Signature.STANDARD;
        case "github" -> style = Destination.Webhook.Signature.GITHUB;
        default ->
            problems.add(
                DestinationsYaml.valueLoc(m, "signature"),
                "'signature' must be standard"
                    + " (Standard Webhooks) or github (X-Hub-Signature-256), not '"
                    + sig.get()
                    + "'.");
      }
      if (secretEnv.isEmpty()) {
        problems.add(
            DestinationsYaml.valueLoc(m, "signature"),
            "'signature' needs 'secret_env', the"
                + " environment variable holding the signing secret.");
      }
    }
    final Destination.Webhook.Signature signature = style;
    secretEnv.ifPresent(
        name -> {
          Optional<String> value = env.get(name);
          if (value.isEmpty()) {
            problems.add(
                DestinationsYaml.valueLoc(m, "secret_env"),
                "environment variable "
                    + name
                    + " is not set;"
                    + " export "
                    + name
                    + "="
                    + (signature == Destination.Webhook.Signature.GITHUB
                        ? "<secret>"
                        : "whsec_<base64 key>")
                    + " before running andon, or remove"
                    + " 'secret_env' to send unsigned.");
          } else if (signature == Destination.Webhook.Signature.STANDARD) {
            WebhookSigner.checkSecret(value.get())
                .ifPresent(
                    bad ->
                        problems.add(
                            DestinationsYaml.valueLoc(m, "secret_env"),
                            "environment variable " + name + " " + bad));
          }
        });
    return url.map(u -> new Destination.Webhook(id, u, secretEnv, signature, delivery));
  }

  /** The URL of a webhook or Slack destination: written here, or named by its variable. */
  static Optional<UrlRef> urlRef(YMap m, String where, Env env, Problems problems) {
    boolean hasUrl = m.has("url");
    boolean hasEnv = m.has("url_env");
    if (hasUrl == hasEnv) {
      problems.add(
          m.loc(),
          where
              + " needs exactly one of 'url' (written here) and 'url_env'"
              + " (the name of an environment variable holding the URL, when the URL is a secret).");
      return Optional.empty();
    }
    if (hasUrl) {
      Optional<String> url = problems.string(m, "url");
      if (url.isEmpty()) {
        return Optional.empty();
      }
      String bad = UrlRef.checkUrl(url.get());
      if (bad == null && URI.create(url.get().strip()).getRawUserInfo() != null) {
        bad =
            "holds a user name or password; secrets are never written in YAML: put the URL in"
                + " an environment variable and name it with 'url_env'.";
      }
      if (bad != null) {
        problems.add(DestinationsYaml.valueLoc(m, "url"), "'url' of " + where + " " + bad);
        return Optional.empty();
      }
      return Optional.of(UrlRef.of(URI.create(url.get().strip())));
    }
    Optional<String> name = DestinationsYaml.envName(m, "url_env", problems);
    if (name.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> value = env.get(name.get());
    if (value.isEmpty()) {
      problems.add(
          DestinationsYaml.valueLoc(m, "url_env"),
          "environment variable "
              + name.get()
              + " is not set; export it with the URL before running andon.");
    } else {
      String bad = UrlRef.checkUrl(value.get());
      if (bad != null) {
        problems.add(
            DestinationsYaml.valueLoc(m, "url_env"),
            "environment variable " + name.get() + " " + bad);
      }
    }
    return Optional.of(UrlRef.fromEnv(name.get()));
  }
}
