package io.ion.job;

import io.ion.ingest.RawRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;

/**
 * Bounded sources over NDJSON files for {@code ion replay}: one record per line, with the file as its "topic" and
 * the line number as its offset, so dead letters point back to the line. The lines travel inside the job graph,
 * which suits post-mortems and backfills of up to a few hundred MB; larger backfills should go through Kafka.
 */
public final class NdjsonSources {

    private NdjsonSources() {}

    public static IonSources of(Path posts, Path comments, Path engagement) throws IOException {
        return new IonSources(lines(posts), lines(comments), lines(engagement), lines(null));
    }

    static Source<RawRecord, ?, ?> lines(Path file) throws IOException {
        List<RawRecord> records = new ArrayList<>();
        if (file != null) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).isBlank()) {
                    records.add(new RawRecord(file.getFileName().toString(), 0, i + 1, 0L, null,
                            lines.get(i).getBytes(StandardCharsets.UTF_8)));
                }
            }
        }
        if (records.isEmpty()) {
            return null; // the job reads "no source" as an empty stream (a generator source cannot be empty)
        }
        RawRecord[] all = records.toArray(RawRecord[]::new);
        GeneratorFunction<Long, RawRecord> byIndex = index -> all[index.intValue()];
        return new DataGeneratorSource<>(byIndex, all.length, TypeInformation.of(RawRecord.class));
    }
}
