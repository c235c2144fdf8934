package io.andon.alert;

import io.andon.yaml.Problems;
import io.andon.yaml.YMap;
import io.andon.yaml.YNode;
import io.andon.yaml.YScalar;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads the keys of an e-mail destination: {@code to} (one address or a list) and {@code smtp}
 * (host, port, from, username, the password's environment variable, security). Addresses are
 * checked as RFC 822 addresses.
 */
final class EmailYaml {
  private static final List<String> SMTP_KEYS =
      List.of("host", "port", "from", "username", "password_env", "security");

  private EmailYaml() {}

  static Optional<Destination> email(
      String id, YMap m, String where, Env env, Problems problems, Destination.Delivery delivery) {
    List<String> to = new ArrayList<>();
    if (!m.has("to")) {
      problems.add(m.loc(), where + " needs 'to': a list of e-mail addresses.");
    }
    for (YNode n : stringsOrList(m, "to", problems)) {
      problems
          .scalarText(n, "an address in 'to'")
          .ifPresent(
              a ->
                  checkAddress(a)
                      .ifPresentOrElse(bad -> problems.add(n.loc(), bad), () -> to.add(a.strip())));
    }
    Optional<YMap> smtpMap = problems.map(m, "smtp");
    if (smtpMap.isEmpty()) {
      if (!m.has("smtp")) {
        problems.add(
            m.loc(),
            where + " needs 'smtp': {host, port, from, username?," + " password_env?, security?}.");
      }
      return Optional.empty();
    }
    YMap s = smtpMap.get();
    if (s.has("password")) {
      problems.add(
          s.keyLoc("password"),
          "secrets are never written in YAML: put the password in"
              + " an environment variable and name it with 'password_env'.");
    }
    Map<String, YMap.Entry> kept = new LinkedHashMap<>(s.entries());
    kept.remove("password");
    problems.unknownKeys(new YMap(s.loc(), kept), SMTP_KEYS, "'smtp' of " + where);
    Optional<String> host = problems.requiredString(s, "host", "'smtp' of " + where);
    Optional<String> from = problems.requiredString(s, "from", "'smtp' of " + where);
    from.ifPresent(
        f ->
            checkAddress(f)
                .ifPresent(bad -> problems.add(DestinationsYaml.valueLoc(s, "from"), bad)));
    Destination.Smtp.Security security = Destination.Smtp.Security.NONE;
    Optional<String> sec = problems.string(s, "security");
    if (sec.isPresent()) {
      try {
        security = Destination.Smtp.Security.valueOf(sec.get().strip().toUpperCase());
      } catch (IllegalArgumentException e) {
        problems.add(
            DestinationsYaml.valueLoc(s, "security"),
            "'security' must be none, starttls or tls, not '" + sec.get() + "'.");
      }
    }
    OptionalLong port = problems.integer(s, "port");
    int p =
        (int)
            port.orElse(
                security == Destination.Smtp.Security.TLS
                    ? 465
                    : security == Destination.Smtp.Security.STARTTLS ? 587 : 25);
    if (p < 1 || p > 65535) {
      problems.add(
          DestinationsYaml.valueLoc(s, "port"),
          "'port' must be between 1 and 65535, not " + p + ".");
      return Optional.empty();
    }
    Optional<String> user = problems.string(s, "username");
    Optional<String> passwordEnv = DestinationsYaml.envName(s, "password_env", problems);
    passwordEnv.ifPresent(
        name -> {
          if (env.get(name).isEmpty()) {
            problems.add(
                DestinationsYaml.valueLoc(s, "password_env"),
                "environment variable "
                    + name
                    + " is not set; export it with the SMTP password before running andon.");
          }
        });
    if (host.isEmpty() || from.isEmpty() || to.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Destination.Email(
            id,
            to,
            new Destination.Smtp(
                host.get().strip(), p, from.get().strip(), user, passwordEnv, security),
            delivery));
  }

  /** The problem with {@code address}, or empty when it is a valid e-mail address. */
  static Optional<String> checkAddress(String address) {
    try {
      InternetAddress a = new InternetAddress(address.strip(), true);
      if (a.getAddress() == null || !a.getAddress().contains("@")) {
        return Optional.of("'" + address + "' is not an e-mail address (expected name@host).");
      }
      return Optional.empty();
    } catch (AddressException e) {
      return Optional.of("'" + address + "' is not an e-mail address (" + e.getMessage() + ").");
    }
  }

  private static List<YNode> stringsOrList(YMap m, String key, Problems problems) {
    Optional<YNode> n = m.get(key);
    if (n.isPresent() && n.get() instanceof YScalar sc && !sc.isNull()) {
      return List.of(sc);
    }
    return problems.list(m, key);
  }
}
