package io.andon.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.andon.error.InvalidInputException;
import io.andon.util.Json;
import io.andon.util.Strings;
import io.andon.yaml.Loc;
import io.andon.yaml.Problems;
import io.andon.yaml.YMap;
import io.andon.yaml.YNode;
import io.andon.yaml.YScalar;
import io.andon.yaml.YamlReader;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The destinations a job or alerts file declares, by id. Parsed from a {@code destinations:}
 * mapping, or from a shared destinations file named by a {@code destinations: path.yml} string;
 * every problem is reported with file:line:column, including unset secret variables.
 */
public final class Destinations {
  public static final List<String> TYPES = List.of("webhook", "slack", "email", "file");
  static final Pattern ID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");
  static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private static final List<String> COMMON = List.of("type", "timeout_seconds",
      "retry_schedule_seconds");
  private static final Map<String, List<String>> KEYS = Map.of(
      "webhook", List.of("url", "url_env", "secret_env", "signature"),
      "slack", List.of("url", "url_env"),
      "email", List.of("to", "smtp"),
      "file", List.of("path"));
  private static final List<String> SMTP_KEYS = List.of("host", "port", "from", "username",
      "password_env", "security");

  private final Map<String, Destination> byId;
  private final Set<String> invalid;

  public Destinations(Map<String, Destination> byId) {
    this(byId, Set.of());
  }

  /**
   * @param invalid ids declared with problems (already reported): references to them are not
   *     reported again as unknown
   */
  public Destinations(Map<String, Destination> byId, Set<String> invalid) {
    this.byId = Collections.unmodifiableMap(new LinkedHashMap<>(byId));
    this.invalid = Set.copyOf(invalid);
  }

  /** Every declared id, valid or not, sorted: for messages. */
  public List<String> declared() {
    java.util.TreeSet<String> all = new java.util.TreeSet<>(byId.keySet());
    all.addAll(invalid);
    return List.copyOf(all);
  }

  /** Was {@code id} declared, but with problems? */
  public boolean isInvalid(String id) {
    return invalid.contains(id);
  }

  public static Destinations none() {
    return new Destinations(Map.of());
  }

  public Optional<Destination> get(String id) {
    return Optional.ofNullable(byId.get(Objects.requireNonNull(id, "id")));
  }

  public Map<String, Destination> all() {
    return byId;
  }

  public Set<String> ids() {
    return byId.keySet();
  }

  /** Reads a shared destinations file: a mapping with a {@code destinations:} key. */
  public static Destinations read(Path file, Env env) {
    Objects.requireNonNull(file, "file");
    Problems problems = new Problems();
    YNode root = YamlReader.read(file);
    Destinations d = none();
    if (root instanceof YMap m) {
      problems.unknownKeys(m, List.of("destinations"), "a destinations file");
      Optional<YNode> node = m.get("destinations");
      if (node.isEmpty()) {
        problems.add(m.loc(), "a destinations file needs a 'destinations:' mapping of id to"
            + " destination.");
      } else {
        d = parseMap(node.get(), parent(file), env, problems);
      }
    } else {
      problems.add(root.loc(), "a destinations file must be a mapping with a 'destinations:' key.");
    }
    problems.throwIfAny(file + " has invalid destinations");
    return d;
  }

  /**
   * Parses the value of a {@code destinations:} key: a mapping of id to destination, or the path
   * (relative to {@code baseDir}) of a shared destinations file.
   */
  public static Destinations parse(YNode node, Path baseDir, Env env, Problems problems) {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(baseDir, "baseDir");
    if (node instanceof YScalar s && s.type() == YScalar.Type.STRING) {
      Path file = baseDir.resolve(s.text().strip());
      try {
        return read(file, env);
      } catch (InvalidInputException e) {
        problems.add(s.loc(), "the destinations file " + file + " cannot be used: "
            + e.getMessage());
        return none();
      }
    }
    return parseMap(node, baseDir, env, problems);
  }

  private static Path parent(Path file) {
    Path p = file.toAbsolutePath().getParent();
    return p == null ? Path.of("") : p;
  }

  private static Destinations parseMap(YNode node, Path baseDir, Env env, Problems problems) {
    Map<String, Destination> out = new LinkedHashMap<>();
    Set<String> invalid = new java.util.HashSet<>();
    Optional<YMap> map = problems.map(node, "'destinations'");
    if (map.isEmpty()) {
      return none();
    }
    for (YMap.Entry e : map.get().values()) {
      if (!ID.matcher(e.key()).matches()) {
        problems.add(e.keyLoc(), "destination id '" + e.key() + "' may only hold letters, digits,"
            + " '_', '.' and '-'.");
        continue;
      }
      Destination d = parseOne(e.key(), e.value(), baseDir, env, problems);
      if (d != null) {
        out.put(e.key(), d);
      } else {
        invalid.add(e.key());
      }
    }
    return new Destinations(out, invalid);
  }

  private static Destination parseOne(String id, YNode node, Path baseDir, Env env,
      Problems problems) {
    String where = "destination '" + id + "'";
    Optional<YMap> om = problems.map(node, where);
    if (om.isEmpty()) {
      return null;
    }
    YMap m = om.get();
    Optional<String> type = problems.requiredString(m, "type", where);
    if (type.isEmpty()) {
      return null;
    }
    String t = type.get().strip();
    if (!TYPES.contains(t)) {
      problems.add(valueLoc(m, "type"), "unknown destination type '" + t + "' in " + where
          + "; use one of " + String.join(", ", TYPES) + "." + Strings.didYouMean(t, TYPES));
      return null;
    }
    for (String forbidden : List.of("secret", "password", "token")) {
      if (m.has(forbidden)) {
        problems.add(m.keyLoc(forbidden), "secrets are never written in YAML: put the value in an"
            + " environment variable and name it with '" + (t.equals("email")
                ? "smtp: {password_env: NAME}" : t.equals("webhook") ? "secret_env" : "url_env")
            + "'.");
      }
    }
    List<String> allowed = new ArrayList<>(COMMON);
    allowed.addAll(KEYS.get(t));
    problems.unknownKeys(withoutForbidden(m), allowed, where + " (type " + t + ")");
    Destination.Delivery delivery = delivery(m, problems);
    return switch (t) {
      case "webhook" -> {
        UrlRef url = urlRef(m, where, env, problems);
        Optional<String> secretEnv = envName(m, "secret_env", problems);
        Destination.Webhook.Signature style = Destination.Webhook.Signature.STANDARD;
        Optional<String> sig = problems.string(m, "signature");
        if (sig.isPresent()) {
          switch (sig.get().strip().toLowerCase()) {
            case "standard" -> style = Destination.Webhook.Signature.STANDARD;
            case "github" -> style = Destination.Webhook.Signature.GITHUB;
            default -> problems.add(valueLoc(m, "signature"), "'signature' must be standard"
                + " (Standard Webhooks) or github (X-Hub-Signature-256), not '" + sig.get()
                + "'.");
          }
          if (secretEnv.isEmpty()) {
            problems.add(valueLoc(m, "signature"), "'signature' needs 'secret_env', the"
                + " environment variable holding the signing secret.");
          }
        }
        final Destination.Webhook.Signature signature = style;
        secretEnv.ifPresent(name -> {
          Optional<String> value = env.get(name);
          if (value.isEmpty()) {
            problems.add(valueLoc(m, "secret_env"), "environment variable " + name + " is not set;"
                + " export " + name + "=" + (signature == Destination.Webhook.Signature.GITHUB
                    ? "<secret>" : "whsec_<base64 key>") + " before running andon, or remove"
                + " 'secret_env' to send unsigned.");
          } else if (signature == Destination.Webhook.Signature.STANDARD) {
            String bad = WebhookSigner.checkSecret(value.get());
            if (bad != null) {
              problems.add(valueLoc(m, "secret_env"), "environment variable " + name + " " + bad);
            }
          }
        });
        yield url == null ? null
            : new Destination.Webhook(id, url, secretEnv, signature, delivery);
      }
      case "slack" -> {
        UrlRef url = urlRef(m, where, env, problems);
        yield url == null ? null : new Destination.Slack(id, url, delivery);
      }
      case "email" -> email(id, m, where, env, problems, delivery);
      case "file" -> {
        Optional<String> path = problems.requiredString(m, "path", where);
        yield path.map(p -> (Destination) new Destination.File(id,
            baseDir.resolve(p.strip()).toAbsolutePath().normalize(), delivery)).orElse(null);
      }
      default -> throw new IllegalStateException(t);
    };
  }

  private static YMap withoutForbidden(YMap m) {
    Map<String, YMap.Entry> kept = new LinkedHashMap<>(m.entries());
    kept.keySet().removeAll(List.of("secret", "password", "token"));
    return new YMap(m.loc(), kept);
  }

  private static Destination email(String id, YMap m, String where, Env env, Problems problems,
      Destination.Delivery delivery) {
    List<String> to = new ArrayList<>();
    if (!m.has("to")) {
      problems.add(m.loc(), where + " needs 'to': a list of e-mail addresses.");
    }
    for (YNode n : stringsOrList(m, "to", problems)) {
      problems.scalarText(n, "an address in 'to'").ifPresent(a -> {
        String bad = checkAddress(a);
        if (bad != null) {
          problems.add(n.loc(), bad);
        } else {
          to.add(a.strip());
        }
      });
    }
    Optional<YMap> smtpMap = problems.map(m, "smtp");
    if (smtpMap.isEmpty()) {
      if (!m.has("smtp")) {
        problems.add(m.loc(), where + " needs 'smtp': {host, port, from, username?,"
            + " password_env?, security?}.");
      }
      return null;
    }
    YMap s = smtpMap.get();
    if (s.has("password")) {
      problems.add(s.keyLoc("password"), "secrets are never written in YAML: put the password in"
          + " an environment variable and name it with 'password_env'.");
    }
    Map<String, YMap.Entry> kept = new LinkedHashMap<>(s.entries());
    kept.remove("password");
    problems.unknownKeys(new YMap(s.loc(), kept), SMTP_KEYS, "'smtp' of " + where);
    Optional<String> host = problems.requiredString(s, "host", "'smtp' of " + where);
    Optional<String> from = problems.requiredString(s, "from", "'smtp' of " + where);
    from.ifPresent(f -> {
      String bad = checkAddress(f);
      if (bad != null) {
        problems.add(valueLoc(s, "from"), bad);
      }
    });
    Destination.Smtp.Security security = Destination.Smtp.Security.NONE;
    Optional<String> sec = problems.string(s, "security");
    if (sec.isPresent()) {
      try {
        security = Destination.Smtp.Security.valueOf(sec.get().strip().toUpperCase());
      } catch (IllegalArgumentException e) {
        problems.add(valueLoc(s, "security"), "'security' must be none, starttls or tls, not '"
            + sec.get() + "'.");
      }
    }
    OptionalLong port = problems.integer(s, "port");
    int p = (int) port.orElse(security == Destination.Smtp.Security.TLS ? 465
        : security == Destination.Smtp.Security.STARTTLS ? 587 : 25);
    if (p < 1 || p > 65535) {
      problems.add(valueLoc(s, "port"), "'port' must be between 1 and 65535, not " + p + ".");
      return null;
    }
    Optional<String> user = problems.string(s, "username");
    Optional<String> passwordEnv = envName(s, "password_env", problems);
    passwordEnv.ifPresent(name -> {
      if (env.get(name).isEmpty()) {
        problems.add(valueLoc(s, "password_env"), "environment variable " + name
            + " is not set; export it with the SMTP password before running andon.");
      }
    });
    if (host.isEmpty() || from.isEmpty() || to.isEmpty()) {
      return null;
    }
    return new Destination.Email(id, to, new Destination.Smtp(host.get().strip(), p,
        from.get().strip(), user, passwordEnv, security), delivery);
  }

  /** Null when {@code address} is a valid e-mail address, else the problem. */
  static String checkAddress(String address) {
    try {
      InternetAddress a = new InternetAddress(address.strip(), true);
      if (a.getAddress() == null || !a.getAddress().contains("@")) {
        return "'" + address + "' is not an e-mail address (expected name@host).";
      }
      return null;
    } catch (AddressException e) {
      return "'" + address + "' is not an e-mail address (" + e.getMessage() + ").";
    }
  }

  private static List<YNode> stringsOrList(YMap m, String key, Problems problems) {
    Optional<YNode> n = m.get(key);
    if (n.isPresent() && n.get() instanceof YScalar sc && !sc.isNull()) {
      return List.of(sc);
    }
    return problems.list(m, key);
  }

  private static UrlRef urlRef(YMap m, String where, Env env, Problems problems) {
    boolean hasUrl = m.has("url");
    boolean hasEnv = m.has("url_env");
    if (hasUrl == hasEnv) {
      problems.add(m.loc(), where + " needs exactly one of 'url' (written here) and 'url_env'"
          + " (the name of an environment variable holding the URL, when the URL is a secret).");
      return null;
    }
    if (hasUrl) {
      Optional<String> url = problems.string(m, "url");
      if (url.isEmpty()) {
        return null;
      }
      String bad = UrlRef.checkUrl(url.get());
      if (bad == null && java.net.URI.create(url.get().strip()).getRawUserInfo() != null) {
        bad = "holds a user name or password; secrets are never written in YAML: put the URL in"
            + " an environment variable and name it with 'url_env'.";
      }
      if (bad != null) {
        problems.add(valueLoc(m, "url"), "'url' of " + where + " " + bad);
        return null;
      }
      return UrlRef.of(java.net.URI.create(url.get().strip()));
    }
    Optional<String> name = envName(m, "url_env", problems);
    if (name.isEmpty()) {
      return null;
    }
    Optional<String> value = env.get(name.get());
    if (value.isEmpty()) {
      problems.add(valueLoc(m, "url_env"), "environment variable " + name.get()
          + " is not set; export it with the URL before running andon.");
    } else {
      String bad = UrlRef.checkUrl(value.get());
      if (bad != null) {
        problems.add(valueLoc(m, "url_env"), "environment variable " + name.get() + " " + bad);
      }
    }
    return UrlRef.fromEnv(name.get());
  }

  private static Optional<String> envName(YMap m, String key, Problems problems) {
    Optional<String> name = problems.string(m, key).map(String::strip);
    if (name.isPresent() && !ENV_NAME.matcher(name.get()).matches()) {
      problems.add(valueLoc(m, key), "'" + key + "' must name an environment variable (letters,"
          + " digits and '_'), not '" + name.get() + "'. Write the variable's name, not its value.");
      return Optional.empty();
    }
    return name;
  }

  private static Destination.Delivery delivery(YMap m, Problems problems) {
    Duration timeout = Destination.Delivery.DEFAULT_TIMEOUT;
    OptionalDouble t = problems.number(m, "timeout_seconds");
    if (t.isPresent()) {
      if (!(t.getAsDouble() > 0) || t.getAsDouble() > 600) {
        problems.add(valueLoc(m, "timeout_seconds"), "'timeout_seconds' must be more than 0 and"
            + " at most 600.");
      } else {
        timeout = Duration.ofMillis(Math.round(t.getAsDouble() * 1000));
      }
    }
    RetrySchedule schedule = RetrySchedule.STANDARD_WEBHOOKS;
    if (m.has("retry_schedule_seconds")) {
      List<Duration> delays = new ArrayList<>();
      boolean ok = true;
      for (YNode n : problems.list(m, "retry_schedule_seconds")) {
        double v = n instanceof YScalar s && (s.type() == YScalar.Type.INT
            || s.type() == YScalar.Type.FLOAT) ? Double.parseDouble(s.text()) : Double.NaN;
        if (!(v >= 0) || Double.isInfinite(v)) {
          problems.add(n.loc(), "each retry delay must be a number of seconds, 0 or more.");
          ok = false;
        } else {
          delays.add(Duration.ofMillis(Math.round(v * 1000)));
        }
      }
      if (ok && delays.isEmpty()) {
        problems.add(valueLoc(m, "retry_schedule_seconds"), "'retry_schedule_seconds' needs at"
            + " least one delay (0 for the first attempt).");
      } else if (ok) {
        schedule = new RetrySchedule(delays);
      }
    }
    return new Destination.Delivery(schedule, timeout);
  }

  static Loc valueLoc(YMap m, String key) {
    return m.get(key).map(YNode::loc).orElse(m.loc());
  }

  // ---- storage form: what the outbox keeps so that delivery survives a restart (no secrets) ---

  /** The destination as JSON, for the outbox; holds only the names of secret variables. */
  public static ObjectNode toJson(Destination d) {
    ObjectNode o = Json.object();
    o.put("id", d.id());
    o.put("type", d.type());
    o.put("timeout_millis", d.delivery().timeout().toMillis());
    ArrayNode sched = o.putArray("retry_schedule_millis");
    d.delivery().schedule().delays().forEach(x -> sched.add(x.toMillis()));
    if (d instanceof Destination.Webhook w) {
      putUrl(o, w.url());
      w.secretEnv().ifPresent(x -> o.put("secret_env", x));
      o.put("signature", w.signature().name());
    } else if (d instanceof Destination.Slack s) {
      putUrl(o, s.url());
    } else if (d instanceof Destination.Email e) {
      ArrayNode to = o.putArray("to");
      e.to().forEach(to::add);
      ObjectNode smtp = o.putObject("smtp");
      smtp.put("host", e.smtp().host());
      smtp.put("port", e.smtp().port());
      smtp.put("from", e.smtp().from());
      e.smtp().username().ifPresent(u -> smtp.put("username", u));
      e.smtp().passwordEnv().ifPresent(p -> smtp.put("password_env", p));
      smtp.put("security", e.smtp().security().name());
    } else if (d instanceof Destination.File f) {
      o.put("path", f.path().toString());
    }
    return o;
  }

  private static void putUrl(ObjectNode o, UrlRef url) {
    url.literal().ifPresent(u -> o.put("url", u.toString()));
    url.env().ifPresent(e -> o.put("url_env", e));
  }

  /** Reads what {@link #toJson} wrote. */
  public static Destination fromJson(JsonNode o) {
    String id = o.get("id").asText();
    List<Duration> delays = new ArrayList<>();
    o.get("retry_schedule_millis").forEach(n -> delays.add(Duration.ofMillis(n.asLong())));
    Destination.Delivery delivery = new Destination.Delivery(new RetrySchedule(delays),
        Duration.ofMillis(o.get("timeout_millis").asLong()));
    return switch (o.get("type").asText()) {
      case "webhook" -> new Destination.Webhook(id, urlFrom(o),
          Optional.ofNullable(o.get("secret_env")).map(JsonNode::asText),
          Destination.Webhook.Signature.valueOf(o.path("signature").asText("STANDARD")),
          delivery);
      case "slack" -> new Destination.Slack(id, urlFrom(o), delivery);
      case "email" -> {
        List<String> to = new ArrayList<>();
        o.get("to").forEach(n -> to.add(n.asText()));
        JsonNode s = o.get("smtp");
        yield new Destination.Email(id, to, new Destination.Smtp(s.get("host").asText(),
            s.get("port").asInt(), s.get("from").asText(),
            Optional.ofNullable(s.get("username")).map(JsonNode::asText),
            Optional.ofNullable(s.get("password_env")).map(JsonNode::asText),
            Destination.Smtp.Security.valueOf(s.get("security").asText())), delivery);
      }
      case "file" -> new Destination.File(id, Path.of(o.get("path").asText()), delivery);
      default -> throw new IllegalArgumentException("unknown destination type in the outbox: "
          + o.get("type"));
    };
  }

  private static UrlRef urlFrom(JsonNode o) {
    return o.has("url") ? UrlRef.of(java.net.URI.create(o.get("url").asText()))
        : UrlRef.fromEnv(o.get("url_env").asText());
  }
}
