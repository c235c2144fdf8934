package io.andon.yaml;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.Set;

/**
 * Jackson's YAML factory, with parsers that type a plain scalar starting with a letter without
 * SnakeYAML's regular expressions when it cannot be anything but a string. Only the boolean and
 * null resolvers are keyed by letters, so a word other than their 21 spellings is a string, as the
 * resolver would have said; the rest goes through Jackson as before. On a 10,000-task job those
 * expressions were a tenth of the parse.
 */
final class WordFactory extends YAMLFactory {
  private static final long serialVersionUID = 1L;
  private static final Set<String> NOT_WORDS =
      Set.of(
          "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
          "on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL");

  WordFactory(com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder b) {
    super(b);
  }

  /** A string whatever the resolver: starts with an ASCII letter, is no boolean or null. */
  static boolean isWord(String v) {
    if (v.isEmpty()) {
      return false;
    }
    char c = v.charAt(0);
    return (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') && !NOT_WORDS.contains(v);
  }

  /** A parser over {@code text} read in place (see {@link TextReader}). */
  @Override
  public com.fasterxml.jackson.dataformat.yaml.YAMLParser createParser(String text) {
    com.fasterxml.jackson.core.io.IOContext ctxt =
        _createContext(_createContentReference(text), true);
    return new WordParser(
        ctxt, _parserFeatures, _yamlParserFeatures, _loaderOptions, _objectCodec, text);
  }

  @Override
  protected com.fasterxml.jackson.dataformat.yaml.YAMLParser _createParser(
      java.io.Reader r, com.fasterxml.jackson.core.io.IOContext ctxt) {
    return new WordParser(
        ctxt, _parserFeatures, _yamlParserFeatures, _loaderOptions, _objectCodec, r);
  }

  @Override
  protected com.fasterxml.jackson.dataformat.yaml.YAMLParser _createParser(
      char[] data,
      int offset,
      int len,
      com.fasterxml.jackson.core.io.IOContext ctxt,
      boolean recyclable) {
    return new WordParser(
        ctxt,
        _parserFeatures,
        _yamlParserFeatures,
        _loaderOptions,
        _objectCodec,
        new java.io.CharArrayReader(data, offset, len));
  }
}
