package io.andon.tdg.security;

import io.andon.error.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** A small XML element tree with line numbers, read with DTDs and external entities off. */
record XmlTree(String name, String text, int line, List<XmlTree> children) {
  Optional<XmlTree> child(String n) {
    return children.stream().filter(c -> c.name.equals(n)).findFirst();
  }

  List<XmlTree> all(String n) {
    return children.stream().filter(c -> c.name.equals(n)).toList();
  }

  String childText(String n) {
    return child(n).map(c -> c.text.strip()).orElse("");
  }

  static XmlTree read(Path path) {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    try {
      f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    } catch (IllegalArgumentException ignored) {
      // DTD support is off anyway
    }
    try (InputStream in = Files.newInputStream(path)) {
      XMLStreamReader r = f.createXMLStreamReader(in);
      while (r.hasNext() && r.next() != XMLStreamConstants.START_ELEMENT) {
        // prolog
      }
      return element(r);
    } catch (XMLStreamException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
      throw new InvalidInputException(
          path
              + ":"
              + line
              + ": malformed XML ("
              + e.getMessage().lines().reduce((a, b) -> b).orElse("")
              + "). Fix the file.",
          e);
    } catch (IOException e) {
      throw new InvalidInputException(path + ": cannot be read (" + e.getMessage() + ").", e);
    }
  }

  private static XmlTree element(XMLStreamReader r) throws XMLStreamException {
    String name = r.getLocalName();
    int line = r.getLocation().getLineNumber();
    List<XmlTree> children = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    while (r.hasNext()) {
      int ev = r.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        children.add(element(r));
      } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
        text.append(r.getText());
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        break;
      }
    }
    return new XmlTree(name, text.toString(), line, List.copyOf(children));
  }
}
