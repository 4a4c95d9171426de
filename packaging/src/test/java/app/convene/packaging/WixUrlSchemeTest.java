package app.convene.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/**
 * The MSI's convene:// registration added to a WiX 3 main.wxs shaped like jpackage's (a Product
 * with the preprocessor's include and a DefaultFeature); on Windows also to the real one.
 */
class WixUrlSchemeTest {
  static final String MAIN_WXS = """
      <?xml version="1.0" encoding="utf-8"?>
      <Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
        <?include $(var.JpConfigDir)/overrides.wxi ?>
        <Product Id="$(var.JpProductCode)" Name="$(var.JpAppName)" Version="$(var.JpAppVersion)">
          <Feature Id="DefaultFeature" Level="1">
            <ComponentGroupRef Id="Files"/>
          </Feature>
        </Product>
      </Wix>
      """;

  @Test
  void defaultFeatureInstallsTheUrlSchemeKeyForTheUser() throws Exception {
    String wxs = WixUrlScheme.addTo(MAIN_WXS, "Convene.exe");
    Document doc = parse(wxs);
    XPath x = XPathFactory.newInstance().newXPath();

    assertThat(x.evaluate("count(//Feature[@Id='DefaultFeature']/ComponentGroupRef)", doc))
        .isEqualTo("2");
    assertThat(x.evaluate("//Feature/ComponentGroupRef[2]/@Id", doc)).isEqualTo("ConveneUrlScheme");
    String key = "/Wix/Fragment/ComponentGroup[@Id='ConveneUrlScheme']/Component/RegistryKey";
    assertThat(x.evaluate(key + "/@Root", doc)).isEqualTo("HKCU");
    assertThat(x.evaluate(key + "/@Key", doc)).isEqualTo("Software\\Classes\\convene");
    assertThat(x.evaluate(key + "/@ForceDeleteOnUninstall", doc)).isEqualTo("yes");
    assertThat(x.evaluate(key + "/RegistryValue[@Name='URL Protocol']/@Value", doc)).isEmpty();
    assertThat(x.evaluate("count(" + key + "/RegistryValue[@Name='URL Protocol'])", doc))
        .isEqualTo("1");
    assertThat(x.evaluate(key + "/RegistryValue[@Key='shell\\open\\command']/@Value", doc))
        .isEqualTo("\"[INSTALLDIR]Convene.exe\" \"%1\"");
    assertThat(x.evaluate(key + "/RegistryValue[@KeyPath='yes']/@Value", doc))
        .isEqualTo("URL:Convene link");
    assertThat(x.evaluate(key + "/../@Guid", doc)).isEqualTo(WixUrlScheme.COMPONENT_GUID);
    // The preprocessor's instructions survive for WiX.
    assertThat(wxs).contains("<?include $(var.JpConfigDir)/overrides.wxi ?>");
  }

  @Test
  void templateWithoutDefaultFeatureStopsTheBuild() {
    String changed = MAIN_WXS.replace("DefaultFeature", "MainFeature");

    assertThatThrownBy(() -> WixUrlScheme.addTo(changed, "Convene.exe"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("DefaultFeature");
  }

  @Test
  @EnabledOnOs(OS.WINDOWS)
  void jpackagesOwnMainWxsTakesTheComponent() throws Exception {
    Document doc = parse(WixUrlScheme.addTo(WixUrlScheme.jpackageMainWxs(), "Convene.exe"));

    assertThat(XPathFactory.newInstance().newXPath().evaluate(
        "count(//Feature[@Id='DefaultFeature']/ComponentGroupRef[@Id='ConveneUrlScheme'])", doc))
        .isEqualTo("1");
  }

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
  }
}
