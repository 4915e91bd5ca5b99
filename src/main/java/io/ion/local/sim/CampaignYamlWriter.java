package io.ion.local.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes campaign definitions as a {@code --campaigns} file: a top-level {@code campaigns:} list whose entries have
 * exactly the fields of an {@code ion.campaigns} record.
 */
public final class CampaignYamlWriter {

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build());

    private CampaignYamlWriter() {}

    public static String toYaml(List<CampaignSpec> campaigns) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("campaigns", campaigns.stream().map(CampaignSpec::toJsonFields).toList());
        try {
            return YAML.writeValueAsString(document);
        } catch (IOException e) {
            throw new IllegalStateException("cannot render campaigns as YAML", e);
        }
    }

    /** Writes (or overwrites) the file, creating parent directories; returns the path written. */
    public static Path write(List<CampaignSpec> campaigns, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, "# ION campaign definitions written by the launch simulation\n" + toYaml(campaigns));
        return file;
    }
}
