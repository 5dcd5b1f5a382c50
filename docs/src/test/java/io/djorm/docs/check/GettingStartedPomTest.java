package io.djorm.docs.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The {@code pom.xml} that docs/getting-started.md opens with names what this reactor builds: the BOM
 * at the reactor's version, djorm modules that exist (without versions, the BOM manages them), the
 * Java release and compiler plugin version the reactor itself uses (Maven 3.8's default compiler
 * plugin predates {@code <maven.compiler.release>}).
 */
class GettingStartedPomTest {
    private static final String BOM = "djorm-bom";

    private static Document pagePom() throws Exception {
        Path page = DocsTree.docsDir().resolve("getting-started.md");
        FencedBlocks.Block xml = FencedBlocks.of(page).stream().filter(b -> b.language().equals("xml")).findFirst()
                .orElseThrow(() -> new AssertionError("getting-started.md has no ```xml block"));
        assertThat(xml.text()).as("the page's first xml block is a whole pom").contains("<project").contains("</project>");
        return parse(xml.text().getBytes(StandardCharsets.UTF_8));
    }

    private static Document parse(byte[] xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static Document pom(Path dir) throws Exception {
        return parse(Files.readAllBytes(dir.resolve("pom.xml")));
    }

    /** The text of the first child element of that name, or null. */
    private static String child(Element e, String name) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && c.getTagName().equals(name)) return c.getTextContent().strip();
        }
        return null;
    }

    private static Element childElement(Element e, String name) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && c.getTagName().equals(name)) return c;
        }
        return null;
    }

    private static List<Element> dependencies(Element parent) {
        List<Element> out = new ArrayList<>();
        Element deps = parent == null ? null : childElement(parent, "dependencies");
        if (deps == null) return out;
        NodeList list = deps.getElementsByTagName("dependency");
        for (int i = 0; i < list.getLength(); i++) out.add((Element) list.item(i));
        return out;
    }

    /** artifactId to directory of every module of the reactor, nested modules included. */
    private static Map<String, Path> reactorModules() throws Exception {
        Map<String, Path> out = new LinkedHashMap<>();
        collect(DocsTree.repoRoot(), out);
        return out;
    }

    private static void collect(Path dir, Map<String, Path> out) throws Exception {
        Element project = pom(dir).getDocumentElement();
        out.put(child(project, "artifactId"), dir);
        Element modules = childElement(project, "modules");
        if (modules == null) return;
        NodeList list = modules.getElementsByTagName("module");
        for (int i = 0; i < list.getLength(); i++) collect(dir.resolve(list.item(i).getTextContent().strip()), out);
    }

    @Test
    void thePomImportsTheBomAtTheReactorVersionAndNamesModulesThatExist() throws Exception {
        Element project = pagePom().getDocumentElement();
        Element root = pom(DocsTree.repoRoot()).getDocumentElement();
        String version = child(root, "version");

        List<Element> managed = dependencies(childElement(project, "dependencyManagement"));
        assertThat(managed).as("dependencyManagement imports one BOM").hasSize(1);
        Element bom = managed.get(0);
        assertThat(child(bom, "groupId")).isEqualTo("io.djorm");
        assertThat(child(bom, "artifactId")).isEqualTo(BOM);
        assertThat(child(bom, "version")).isEqualTo(version);
        assertThat(child(bom, "type")).isEqualTo("pom");
        assertThat(child(bom, "scope")).isEqualTo("import");

        Map<String, Path> modules = reactorModules();
        List<Element> deps = dependencies(project);
        assertThat(deps).as("the pom depends on a djorm module").isNotEmpty();
        for (Element d : deps) {
            if (!"io.djorm".equals(child(d, "groupId"))) continue;
            assertThat(modules).as("reactor modules").containsKey(child(d, "artifactId"));
            assertThat(child(d, "version")).as(child(d, "artifactId") + ": the BOM gives the version").isNull();
        }
    }

    @Test
    void thePomSetsTheJavaReleaseAndTheCompilerPluginTheReactorUses() throws Exception {
        Element project = pagePom().getDocumentElement();
        Element root = pom(DocsTree.repoRoot()).getDocumentElement();
        assertThat(child(childElement(project, "properties"), "maven.compiler.release"))
                .isEqualTo(child(childElement(root, "properties"), "maven.compiler.release"));
        assertThat(compilerPluginVersion(childElement(project, "build")))
                .as("the page's maven-compiler-plugin version")
                .isEqualTo(compilerPluginVersion(childElement(childElement(root, "build"), "pluginManagement")));
    }

    private static String compilerPluginVersion(Element pluginsParent) {
        assertThat(pluginsParent).isNotNull();
        NodeList plugins = pluginsParent.getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            Element p = (Element) plugins.item(i);
            if ("maven-compiler-plugin".equals(child(p, "artifactId"))) return child(p, "version");
        }
        throw new AssertionError("no maven-compiler-plugin");
    }

    @Test
    void theBomManagesEveryModuleThePageNames() throws Exception {
        Map<String, Path> modules = reactorModules();
        assertThat(modules).as("the reactor has the BOM the page imports").containsKey(BOM);
        Element bomProject = pom(modules.get(BOM)).getDocumentElement();
        List<String> managed = dependencies(childElement(bomProject, "dependencyManagement")).stream()
                .map(d -> child(d, "artifactId")).toList();
        for (Element d : dependencies(pagePom().getDocumentElement())) {
            if ("io.djorm".equals(child(d, "groupId"))) assertThat(managed).contains(child(d, "artifactId"));
        }
    }
}
