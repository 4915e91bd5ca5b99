package io.ion.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.ion.ingest.SourcePosition;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.RequestEntryWrapper;
import org.junit.jupiter.api.Test;

class ElasticsearchSinkStateTest {

    private final ElasticsearchSink.StateSerializer serializer = new ElasticsearchSink.StateSerializer();

    @Test
    void bufferedDocumentsKeepTheirVersionAndContentHash() throws Exception {
        EsDocument versioned = new EsDocument("ion-alerts", "a-1", "{\"status\":\"firing\"}", null, 42L, 7L);
        EsDocument plain = new EsDocument("ion-posts", "p-1", "{\"text\":\"héllo\"}", new SourcePosition("ion.posts", 1, 9));
        byte[] bytes = serializer.serialize(new BufferedRequestState<>(List.of(
                new RequestEntryWrapper<>(versioned, 10), new RequestEntryWrapper<>(plain, 10))));
        List<EsDocument> restored = serializer.deserialize(serializer.getVersion(), bytes).getBufferedRequestEntries()
                .stream().map(RequestEntryWrapper::getRequestEntry).toList();
        assertThat(restored).containsExactly(versioned, plain);
    }

    @Test
    void aVersionOneStateRestoresAsUnversionedDocuments() throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(buffer);
        out.writeLong(-1); // the base serializer's data identifier
        out.writeInt(1);
        out.writeLong(10);
        out.writeUTF("ion-posts");
        out.writeUTF("p-1");
        byte[] json = "{\"n\":1}".getBytes(StandardCharsets.UTF_8);
        out.writeInt(json.length);
        out.write(json);
        out.writeBoolean(false);
        out.flush();
        List<EsDocument> restored = serializer.deserialize(1, buffer.toByteArray()).getBufferedRequestEntries()
                .stream().map(RequestEntryWrapper::getRequestEntry).toList();
        assertThat(restored).containsExactly(new EsDocument("ion-posts", "p-1", "{\"n\":1}", null));
    }
}
