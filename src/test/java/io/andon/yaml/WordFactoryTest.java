package io.andon.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class WordFactoryTest {
  private static final YAMLFactory STOCK = YAMLFactory.builder().build();

  /** Every token with its text, as a parser gives them. */
  private static List<String> tokens(com.fasterxml.jackson.core.JsonFactory f, String yaml)
      throws Exception {
    List<String> out = new ArrayList<>();
    try (JsonParser p = f.createParser(yaml)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        out.add(t + "=" + p.getText());
      }
    }
    return out;
  }

  @Property(tries = 500)
  void typesEveryScalarAsJacksonDoes(@ForAll("scalars") String value) throws Exception {
    String yaml = "k: " + value + "\nlist: [" + value + ", x]\n";
    List<String> ours;
    try {
      ours = tokens(YamlReader.factory(), yaml);
    } catch (Exception e) {
      return; // not YAML at all: both refuse it, the factory is only about typing
    }
    assertThat(ours).isEqualTo(tokens(STOCK, yaml));
  }

  @Provide
  Arbitrary<String> scalars() {
    Arbitrary<String> keywords =
        Arbitraries.of(
            "yes",
            "Yes",
            "YES",
            "no",
            "No",
            "NO",
            "true",
            "True",
            "TRUE",
            "false",
            "False",
            "FALSE",
            "on",
            "On",
            "ON",
            "off",
            "Off",
            "OFF",
            "null",
            "Null",
            "NULL",
            "~",
            "y",
            "n",
            "Y",
            "N",
            "tRUE",
            "nULL",
            "yEs",
            "0x1F",
            "1_000",
            "0o17",
            ".inf",
            "-.Inf",
            ".NaN",
            "1e3",
            "2026-11-28",
            "<<",
            "=",
            "'true'",
            "\"null\"",
            "!!str 1",
            "!!bool yes",
            "t0",
            "true1",
            "nulls",
            "Off2",
            "x",
            "TRUE ",
            "on\ton");
    Arbitrary<String> words =
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .withCharRange('A', 'Z')
            .withCharRange('0', '9')
            .withChars('_', '-', '.', ' ')
            .ofMinLength(1)
            .ofMaxLength(8);
    return Arbitraries.oneOf(keywords, words);
  }

  @Test
  void wordsAreTheStringsTheResolverWouldSay() {
    assertThat(WordFactory.isWord("t0")).isTrue();
    assertThat(WordFactory.isWord("task_key")).isTrue();
    assertThat(WordFactory.isWord("true")).isFalse();
    assertThat(WordFactory.isWord("Null")).isFalse();
    assertThat(WordFactory.isWord("1")).isFalse();
    assertThat(WordFactory.isWord("")).isFalse();
    assertThat(YamlReader.factory()).isInstanceOf(WordFactory.class);
  }
}
