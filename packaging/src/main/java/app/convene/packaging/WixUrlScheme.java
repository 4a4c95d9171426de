package app.convene.packaging;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The MSI registers {@code convene://} for the user who installs it, so that uninstalling removes
 * it again: {@code HKCU\Software\Classes\convene} with {@code "[INSTALLDIR]Convene.exe" "%1"} as
 * its open command.
 *
 * <p>jpackage 25 compiles only its own {@code main.wxs} (plus the fragments it generates), which
 * {@code --resource-dir} may replace; there is no option for an extra WiX source. So the build
 * takes the {@code main.wxs} of the very jpackage that runs it (from the {@code jdk.jpackage}
 * module), adds one component group to its {@code DefaultFeature} and the fragment that defines
 * it, and hands that file to jpackage as a resource. jpackage converts it from the WiX 3 schema
 * to WiX 4/5 as it does its own. If a later jpackage's template no longer has that feature, the
 * build stops and says so rather than ship an MSI without the link handler.
 */
final class WixUrlScheme {
  static final String WIX3 = "http://schemas.microsoft.com/wix/2006/wi";
  static final String GROUP = "ConveneUrlScheme";
  static final String KEY = "Software\\Classes\\convene";
  /** Fixed, so that every version's component is the same one to Windows Installer. */
  static final String COMPONENT_GUID = "{3B0E8C1A-5D47-4C2F-9E61-7A2F0D9C4B13}";

  private WixUrlScheme() {
  }

  /** jpackage's default {@code main.wxs} from the running JDK (Windows JDKs only). */
  static String jpackageMainWxs() throws IOException {
    Path wxs = FileSystems.getFileSystem(URI.create("jrt:/")).getPath("modules", "jdk.jpackage",
        "jdk", "jpackage", "internal", "resources", "main.wxs");
    if (!Files.exists(wxs)) {
      throw new IllegalStateException("this JDK's jpackage has no main.wxs at " + wxs
          + ": build the MSI with a Windows JDK");
    }
    return Files.readString(wxs, StandardCharsets.UTF_8);
  }

  /**
   * {@code mainWxs} with the URL scheme's component added to its {@code DefaultFeature}.
   *
   * @param launcher the launcher's file name in the install folder, e.g. {@code Convene.exe}
   * @throws IllegalStateException when the template has no {@code DefaultFeature}
   */
  static String addTo(String mainWxs, String launcher) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document doc = factory.newDocumentBuilder().parse(new InputSource(new StringReader(mainWxs)));
    Element feature = null;
    NodeList features = doc.getElementsByTagNameNS(WIX3, "Feature");
    for (int i = 0; i < features.getLength(); i++) {
      Element candidate = (Element) features.item(i);
      if (candidate.getAttribute("Id").equals("DefaultFeature")) {
        feature = candidate;
      }
    }
    if (feature == null) {
      throw new IllegalStateException("jpackage's main.wxs has no Feature DefaultFeature in the"
          + " WiX 3 schema: update WixUrlScheme for this JDK's jpackage");
    }
    Element ref = doc.createElementNS(WIX3, "ComponentGroupRef");
    ref.setAttribute("Id", GROUP);
    feature.appendChild(ref);

    Element fragment = doc.createElementNS(WIX3, "Fragment");
    Element group = child(fragment, "ComponentGroup");
    group.setAttribute("Id", GROUP);
    Element component = child(group, "Component");
    component.setAttribute("Id", "ConveneUrlSchemeKey");
    component.setAttribute("Directory", "INSTALLDIR");
    component.setAttribute("Guid", COMPONENT_GUID);
    Element key = child(component, "RegistryKey");
    key.setAttribute("Root", "HKCU");
    key.setAttribute("Key", KEY);
    // The key goes away on uninstall with whatever the app itself wrote into it as a repair.
    key.setAttribute("ForceDeleteOnUninstall", "yes");
    value(key, null, null, "URL:Convene link").setAttribute("KeyPath", "yes");
    value(key, null, "URL Protocol", "");
    value(key, "DefaultIcon", null, "\"[INSTALLDIR]" + launcher + "\",0");
    value(key, "shell\\open\\command", null, "\"[INSTALLDIR]" + launcher + "\" \"%1\"");
    doc.getDocumentElement().appendChild(fragment);

    var transformer = TransformerFactory.newInstance().newTransformer();
    transformer.setOutputProperty(OutputKeys.ENCODING, "utf-8");
    StringWriter text = new StringWriter();
    transformer.transform(new DOMSource(doc), new StreamResult(text));
    return text.toString();
  }

  /** Writes the patched {@code main.wxs} of this JDK's jpackage into {@code resourceDir}. */
  static void write(Path resourceDir, String launcher) throws Exception {
    Files.createDirectories(resourceDir);
    Files.writeString(resourceDir.resolve("main.wxs"), addTo(jpackageMainWxs(), launcher),
        StandardCharsets.UTF_8);
  }

  private static Element child(Element parent, String name) {
    Element child = parent.getOwnerDocument().createElementNS(WIX3, name);
    parent.appendChild(child);
    return child;
  }

  private static Element value(Element key, String subKey, String name, String value) {
    Element element = child(key, "RegistryValue");
    element.setAttribute("Type", "string");
    if (subKey != null) {
      element.setAttribute("Key", subKey);
    }
    if (name != null) {
      element.setAttribute("Name", name);
    }
    element.setAttribute("Value", value);
    return element;
  }
}
