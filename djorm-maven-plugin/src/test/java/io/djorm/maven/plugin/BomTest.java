package io.djorm.maven.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The BOM the sample projects import has no parent (so it hands over no third-party pin), manages only
 * djorm's own artifacts, and carries the version it has to write out by hand: the reactor's.
 */
class BomTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void theBomManagesDjormArtifactsOnlyAtTheReactorsVersion() throws Exception {
        Document bom = parse(ROOT.resolve("djorm-bom/pom.xml"));
        Document parent = parse(ROOT.resolve("pom.xml"));
        Element root = bom.getDocumentElement();
        assertThat(root.getElementsByTagName("parent").getLength()).as("djorm-bom must have no parent").isZero();
        assertThat(child(root, "version")).isEqualTo(child(parent.getDocumentElement(), "version"));

        List<String> managed = new ArrayList<>();
        NodeList deps = root.getElementsByTagName("dependency");
        for (int i = 0; i < deps.getLength(); i++) {
            Element dep = (Element) deps.item(i);
            assertThat(child(dep, "groupId")).isEqualTo("io.djorm");
            assertThat(child(dep, "version")).isEqualTo("${project.version}");
            managed.add(child(dep, "artifactId"));
        }
        assertThat(managed).contains("orm-core", "orm-backend-sqlite", "orm-backend-libsql", "orm-vector",
                "orm-migrations", "orm-async", "orm-testkit", "djorm-maven-plugin");
    }

    private static Document parse(Path pom) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    }

    private static String child(Element element, String name) {
        for (var n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) return e.getTextContent().strip();
        }
        return null;
    }
}
