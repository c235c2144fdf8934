package io.andon.alert;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The destinations a job or alerts file declares, by id, and the ids declared with problems. {@link
 * DestinationsYaml} reads them from YAML; {@link DestinationJson} is their stored form in the
 * outbox.
 */
public final class Destinations {
  public static final List<String> TYPES = List.of("webhook", "slack", "email", "file");
  static final Pattern ID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

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
    TreeSet<String> all = new TreeSet<>(byId.keySet());
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
}
