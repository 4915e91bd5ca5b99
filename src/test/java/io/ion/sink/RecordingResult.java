package io.ion.sink;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.connector.base.sink.writer.ResultHandler;

/** A {@link ResultHandler} that records how a request was completed. */
final class RecordingResult implements ResultHandler<EsDocument> {

    int completed;
    final List<Exception> failures = new ArrayList<>();
    final List<List<EsDocument>> retried = new ArrayList<>();

    @Override
    public void complete() {
        completed++;
    }

    @Override
    public void completeExceptionally(Exception e) {
        failures.add(e);
    }

    @Override
    public void retryForEntries(List<EsDocument> entries) {
        retried.add(List.copyOf(entries));
    }

    int completions() {
        return completed + failures.size() + retried.size();
    }
}
