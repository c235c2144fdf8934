package io.andon.util;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class JsonTest {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  @Property(tries = 300)
  void writeObjectWritesWhatTheMapperWrites(
      @ForAll("values") List<JsonNode> nodes, @ForAll("keys") List<String> keys) {
    Map<String, JsonNode> m = new LinkedHashMap<>();
    for (int i = 0; i < Math.min(nodes.size(), keys.size()); i++) {
      m.put(keys.get(i), nodes.get(i));
    }
    assertThat(Json.writeObject(m)).isEqualTo(Json.write(m));
  }

  @Provide
  Arbitrary<List<String>> keys() {
    return Arbitraries.strings().ofMaxLength(12).list().ofMaxSize(6);
  }

  @Provide
  Arbitrary<List<JsonNode>> values() {
    Arbitrary<JsonNode> scalar =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(20).map(s -> (JsonNode) F.textNode(s)),
            Arbitraries.integers().map(i -> (JsonNode) F.numberNode(i)),
            Arbitraries.longs().map(l -> (JsonNode) F.numberNode(l)),
            Arbitraries.doubles().map(d -> (JsonNode) F.numberNode(d)),
            Arbitraries.bigIntegers().map(b -> (JsonNode) F.numberNode(b)),
            Arbitraries.bigDecimals().map(b -> (JsonNode) F.numberNode(b)),
            Arbitraries.of(true, false).map(b -> (JsonNode) F.booleanNode(b)),
            Arbitraries.just((JsonNode) F.nullNode()),
            Arbitraries.strings()
                .ofMaxLength(5)
                .list()
                .ofMaxSize(3)
                .map(
                    l -> {
                      var a = F.arrayNode();
                      l.forEach(a::add);
                      return F.objectNode().set("nested", a);
                    }));
    return scalar.list().ofMaxSize(6);
  }

  @Test
  void emptyAndNullValues() {
    assertThat(Json.writeObject(Map.of())).isEqualTo("{}");
    Map<String, JsonNode> m = new LinkedHashMap<>();
    m.put("a", null);
    m.put("b", F.numberNode(new BigDecimal("1.50")));
    m.put("c", F.numberNode(new BigInteger("123456789012345678901234567890")));
    assertThat(Json.writeObject(m)).isEqualTo(Json.write(m));
  }
}
