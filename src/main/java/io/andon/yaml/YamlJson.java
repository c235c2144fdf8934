package io.andon.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.andon.util.Json;
import java.math.BigDecimal;
import java.math.BigInteger;

/** A YAML value as JSON: mappings as objects, sequences as arrays, scalars by their type. */
public final class YamlJson {
  private YamlJson() {}

  /** {@code n} as a JSON value; an integer or float keeps every digit it was written with. */
  public static JsonNode of(YNode n) {
    if (n instanceof YMap m) {
      ObjectNode o = Json.object();
      m.values().forEach(e -> o.set(e.key(), of(e.value())));
      return o;
    }
    if (n instanceof YList l) {
      ArrayNode a = Json.mapper().createArrayNode();
      l.items().forEach(x -> a.add(of(x)));
      return a;
    }
    YScalar s = (YScalar) n;
    JsonNodeFactory f = Json.mapper().getNodeFactory();
    return switch (s.type()) {
      case NULL -> f.nullNode();
      case BOOL -> f.booleanNode(Boolean.parseBoolean(s.text()));
      case INT -> f.numberNode(new BigInteger(s.text()));
      case FLOAT -> f.numberNode(new BigDecimal(s.text()));
      case STRING -> f.textNode(s.text());
    };
  }
}
