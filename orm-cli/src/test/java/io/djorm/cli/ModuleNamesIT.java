package io.djorm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Every module of the reactor that builds a jar names its module ({@code djorm.module.name}, written as
 * {@code Automatic-Module-Name} by the parent's jar plugin): present, a valid module name, unique; and
 * each jar already packaged in the reactor carries it in its manifest.
 */
class ModuleNamesIT {
    private static final Path ROOT = Path.of(System.getProperty("djorm.repoRoot", "..")).toAbsolutePath().normalize();
    private static final String MODULE_NAME = "[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*";

    /** One module that builds a jar. */
    record JarModule(Path dir, String artifactId, String moduleName) { }

    @Test
    void everyJarModuleHasAUniqueAutomaticModuleName() throws Exception {
        List<JarModule> modules = new ArrayList<>();
        collect(ROOT, modules);
        assertThat(modules).extracting(JarModule::artifactId).contains("orm-core", "orm-migrations", "orm-cli");
        Map<String, String> owners = new HashMap<>();
        for (JarModule m : modules) {
            assertThat(m.moduleName()).as(m.artifactId() + "'s djorm.module.name").isNotNull().matches(MODULE_NAME);
            String previous = owners.putIfAbsent(m.moduleName(), m.artifactId());
            assertThat(previous).as(m.moduleName() + " claimed by " + previous + " and " + m.artifactId()).isNull();
        }
        assertThat(owners).containsEntry("io.djorm.core", "orm-core").containsEntry("io.djorm.cli", "orm-cli");
    }

    @Test
    void packagedJarsCarryTheNameInTheirManifest() throws Exception {
        List<JarModule> modules = new ArrayList<>();
        collect(ROOT, modules);
        String version = text(parse(ROOT.resolve("pom.xml")).getDocumentElement(), "version");
        int checked = 0;
        for (JarModule m : modules) {
            Path jar = m.dir().resolve("target").resolve(m.artifactId() + "-" + version + ".jar");
            if (!Files.exists(jar)) continue;
            try (JarFile file = new JarFile(jar.toFile())) {
                assertThat(file.getManifest().getMainAttributes().getValue("Automatic-Module-Name")).as(jar.toString())
                        .isEqualTo(m.moduleName());
            }
            checked++;
        }
        // The CLI's own jar and those it is built from are packaged before this test runs.
        assertThat(checked).as("packaged jars checked").isGreaterThanOrEqualTo(6);
        try (JarFile cli = new JarFile(Path.of(System.getProperty("djorm.cli.jar")).toFile())) {
            assertThat(cli.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo("io.djorm.migrations.OrmCommand");
        }
    }

    private static void collect(Path dir, List<JarModule> out) throws Exception {
        Element project = parse(dir.resolve("pom.xml")).getDocumentElement();
        String packaging = text(project, "packaging");
        if (packaging == null || !packaging.equals("pom")) {
            Element properties = child(project, "properties");
            out.add(new JarModule(dir, text(project, "artifactId"),
                    properties == null ? null : text(properties, "djorm.module.name")));
        }
        Element modules = child(project, "modules");
        if (modules == null) return;
        NodeList list = modules.getElementsByTagName("module");
        for (int i = 0; i < list.getLength(); i++) collect(dir.resolve(list.item(i).getTextContent().strip()), out);
    }

    private static Document parse(Path pom) throws Exception {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        } catch (IOException e) {
            throw new AssertionError("Cannot read " + pom, e);
        }
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) return e;
        }
        return null;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent().strip();
    }
}
