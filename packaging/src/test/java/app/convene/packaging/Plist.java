package app.convene.packaging;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Reads an XML property list (dict, array, string, true, false) for the tests. */
final class Plist {
  private Plist() {
  }

  static Map<String, Object> read(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    Element plist = factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
    @SuppressWarnings("unchecked")
    Map<String, Object> dict = (Map<String, Object>) value(elements(plist).getFirst());
    return dict;
  }

  private static Object value(Element e) {
    return switch (e.getTagName()) {
      case "dict" -> {
        Map<String, Object> map = new LinkedHashMap<>();
        List<Element> children = elements(e);
        for (int i = 0; i < children.size(); i += 2) {
          map.put(children.get(i).getTextContent(), value(children.get(i + 1)));
        }
        yield map;
      }
      case "array" -> elements(e).stream().map(Plist::value).toList();
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      case "string" -> e.getTextContent();
      default -> throw new IllegalArgumentException("unexpected plist element " + e.getTagName());
    };
  }

  private static List<Element> elements(Element parent) {
    List<Element> list = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element element) {
        list.add(element);
      }
    }
    return list;
  }
}
