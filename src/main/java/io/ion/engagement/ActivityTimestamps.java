package io.ion.engagement;

import io.ion.campaign.Activity;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Stamps each activity with its own event time and passes the sources' watermarks through untouched. The post join
 * emits activity with the timestamp of whatever record released it (a post releases its early comments; a timer
 * releases orphans), so the windows take the time from the activity; the watermark, though, is the sources' — this
 * operator never makes its own (that would make lateness depend on consumption speed again).
 */
public class ActivityTimestamps extends AbstractStreamOperator<Activity> implements OneInputStreamOperator<Activity, Activity> {

    @Override
    public void processElement(StreamRecord<Activity> element) {
        output.collect(element.replace(element.getValue(), element.getValue().time().toEpochMilli()));
    }
}
