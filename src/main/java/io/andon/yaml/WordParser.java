package io.andon.yaml;

import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * A YAML parser that types a plain word as a string without SnakeYAML's resolver (see {@link
 * WordFactory}), reads an empty plain value as null, and keeps the anchor of the scalar read last.
 */
final class WordParser extends com.fasterxml.jackson.dataformat.yaml.YAMLParser {
  WordParser(
      com.fasterxml.jackson.core.io.IOContext ctxt,
      int parserFeatures,
      int formatFeatures,
      LoaderOptions loaderOptions,
      com.fasterxml.jackson.core.ObjectCodec codec,
      java.io.Reader reader) {
    super(ctxt, parserFeatures, formatFeatures, loaderOptions, codec, reader);
  }

  WordParser(
      com.fasterxml.jackson.core.io.IOContext ctxt,
      int parserFeatures,
      int formatFeatures,
      LoaderOptions loaderOptions,
      com.fasterxml.jackson.core.ObjectCodec codec,
      String text) {
    super(
        ctxt,
        parserFeatures,
        formatFeatures,
        codec,
        java.io.Reader.nullReader(),
        new org.yaml.snakeyaml.parser.ParserImpl(new TextReader(text), loaderOptions));
  }

  /** The anchor of the scalar read last ({@code &name}), which Jackson does not keep. */
  String scalarAnchor;

  @Override
  protected JsonToken _decodeScalar(org.yaml.snakeyaml.events.ScalarEvent scalar)
      throws IOException {
    scalarAnchor = scalar.getAnchor();
    String tag = scalar.getTag();
    String value = scalar.getValue();
    if ((tag == null || tag.equals("!")) && value.isEmpty() && scalar.isPlain()) {
      // a key with no value (targets:) is null in YAML; this factory's features read it as ""
      _textValue = value;
      _cleanedTextValue = null;
      return JsonToken.VALUE_NULL;
    }
    if ((tag == null || tag.equals("!")) && WordFactory.isWord(value)) {
      _textValue = value;
      _cleanedTextValue = null;
      return JsonToken.VALUE_STRING;
    }
    return super._decodeScalar(scalar);
  }
}
