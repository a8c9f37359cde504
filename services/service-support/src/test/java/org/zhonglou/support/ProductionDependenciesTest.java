package org.zhonglou.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Nothing under {@code infra/} (the local identity provider, the local stack, test support, load tools) is
 * part of what ships: no production module depends on an infra module outside the test scope, and no main
 * source file imports an infra package.
 */
class ProductionDependenciesTest {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Pattern INFRA_IMPORT =
            Pattern.compile("^import\\s+(static\\s+)?org\\.zhonglou\\.(stack|testsupport|loadtools|identity)\\.",
                    Pattern.MULTILINE);

    @Test
    void productionModulesDependOnNoInfraModuleOutsideTests() throws Exception {
        List<String> infraArtifacts = new ArrayList<>();
        try (Stream<Path> poms = Files.list(ROOT.resolve("infra"))) {
            for (Path pom : poms.map(dir -> dir.resolve("pom.xml")).filter(Files::isRegularFile).toList()) {
                infraArtifacts.add(text(root(pom), "artifactId"));
            }
        }
        assertThat(infraArtifacts).contains("identity-provider", "local-stack", "test-support");

        List<String> violations = new ArrayList<>();
        for (Path module : productionModules()) {
            NodeList dependencies = root(module.resolve("pom.xml")).getElementsByTagName("dependency");
            for (int i = 0; i < dependencies.getLength(); i++) {
                Element dependency = (Element) dependencies.item(i);
                boolean infra = infraArtifacts.contains(text(dependency, "artifactId"));
                if (infra && !"test".equals(text(dependency, "scope"))) {
                    violations.add(ROOT.relativize(module) + " -> " + text(dependency, "artifactId"));
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void noMainSourceImportsAnInfraPackage() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path module : productionModules()) {
            Path main = module.resolve("src/main/java");
            if (!Files.isDirectory(main)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(main)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher matcher = INFRA_IMPORT.matcher(Files.readString(file));
                    if (matcher.find()) {
                        violations.add(ROOT.relativize(file) + ": " + matcher.group());
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void theCheckSeesAnInfraImport() {
        assertThat(INFRA_IMPORT.matcher("package x;\nimport org.zhonglou.testsupport.TestTokens;\n").find()).isTrue();
        assertThat(INFRA_IMPORT.matcher("import org.zhonglou.support.StartRefused;\n").find()).isFalse();
    }

    private static List<Path> productionModules() throws IOException {
        List<Path> modules = new ArrayList<>(List.of(ROOT.resolve("shared-contracts")));
        try (Stream<Path> services = Files.list(ROOT.resolve("services"))) {
            modules.addAll(services.filter(dir -> Files.isRegularFile(dir.resolve("pom.xml"))).toList());
        }
        assertThat(modules).hasSizeGreaterThanOrEqualTo(5);
        return modules;
    }

    private static Element root(Path pom) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
    }

    /** The element's own child named {@code name}, not a nested one (a parent's or plugin's artifactId). */
    private static String text(Element element, String name) {
        for (org.w3c.dom.Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && e.getTagName().equals(name)) {
                return e.getTextContent().trim();
            }
        }
        return null;
    }
}
