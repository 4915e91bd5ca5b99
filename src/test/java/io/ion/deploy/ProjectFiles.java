package io.ion.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

/** Locates the project's deployment files and reads the pom, for the io.ion.deploy tests. */
final class ProjectFiles {

    static final ObjectMapper JSON = new ObjectMapper();
    static final YAMLMapper YAML = new YAMLMapper();

    private ProjectFiles() {}

    /** Surefire sets ion.project.dir to ${project.basedir}; an IDE run falls back to the working directory. */
    static Path projectDir() {
        String dir = System.getProperty("ion.project.dir");
        Path path = dir != null && !dir.isBlank() ? Paths.get(dir) : Paths.get("").toAbsolutePath();
        if (!Files.isRegularFile(path.resolve("pom.xml"))) {
            throw new IllegalStateException("not the ION project directory (no pom.xml): " + path);
        }
        return path;
    }

    static Path file(String relative) {
        return projectDir().resolve(relative);
    }

    static String read(String relative) {
        try {
            return Files.readString(file(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode yaml(String relative) {
        try {
            return YAML.readTree(file(relative).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Evaluates an XPath over pom.xml, namespace-agnostic (use local-name() or plain names). */
    static String pomXPath(String xpath) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(false); // lets the XPath use bare element names
            Document pom = factory.newDocumentBuilder().parse(file("pom.xml").toFile());
            Node node = (Node) XPathFactory.newInstance().newXPath().evaluate(xpath, pom, XPathConstants.NODE);
            return node == null ? null : node.getTextContent().trim();
        } catch (Exception e) {
            throw new IllegalStateException("cannot evaluate " + xpath + " on pom.xml", e);
        }
    }

    static String pomProperty(String name) {
        String value = pomXPath("/project/properties/" + name);
        if (value == null) {
            throw new IllegalStateException("pom.xml has no property " + name);
        }
        return value;
    }

    /** Collapses runs of whitespace, so a wrapped option list compares equal to a one-line one. */
    static String normalizeSpace(String s) {
        return s == null ? null : s.trim().replaceAll("\\s+", " ");
    }
}
