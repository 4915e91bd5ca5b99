package io.ion.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.flink.runtime.checkpoint.channel.ChannelStateWriter;
import org.apache.flink.runtime.io.network.TestingConnectionManager;
import org.apache.flink.runtime.io.network.partition.ResultPartitionID;
import org.apache.flink.runtime.io.network.partition.ResultSubpartitionIndexSet;
import org.apache.flink.runtime.io.network.buffer.Buffer;
import org.apache.flink.runtime.io.network.buffer.NetworkBufferPool;
import org.apache.flink.runtime.io.network.netty.exception.RemoteTransportException;
import org.apache.flink.runtime.io.network.partition.consumer.InputChannelBuilder;
import org.apache.flink.runtime.io.network.partition.consumer.RemoteInputChannel;
import org.apache.flink.runtime.io.network.partition.consumer.SingleInputGate;
import org.apache.flink.runtime.io.network.partition.consumer.SingleInputGateBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Why one TaskManager's death took down the other (issue 15), on Flink's own network classes, and why
 * {@code taskmanager.network.memory.buffers-per-channel: 0} in flink-conf/config.yaml prevents it.
 *
 * <p>When a peer TaskManager dies, the Netty handler sets the {@link RemoteTransportException} as the error of
 * every input channel from that peer. The consuming task fails or is cancelled (its region restarts) and, in
 * {@code Task.doRun}, runs {@code StreamTask.cleanUp} inside {@code postFailureCleanUpRegistry.close()}, where any
 * exception is "FATAL - exception in exception handler" and terminates the TaskManager. That clean-up closes the
 * network inputs: {@code AbstractStreamTaskNetworkInput.releaseDeserializer} recycles the buffer a record
 * deserializer still holds. An <em>exclusive</em> buffer returns to the channel's {@code BufferManager.recycle},
 * which announces the new credit ({@code RemoteInputChannel.notifyBufferAvailable} →
 * {@code checkPartitionRequestQueueInitialized} → {@code checkError}) and rethrows the lost peer's exception to
 * the task thread. A <em>floating</em> buffer returns to the gate's pool, whose listener path
 * ({@code BufferManager.notifyBufferAvailable}) catches the same exception and only records it on the channel.
 * With no exclusive buffers per input channel every buffer is floating, and the clean-up cannot throw.
 */
class LostTaskManagerCleanUpTest {

    private final NetworkBufferPool network = new NetworkBufferPool(8, 4096);
    private SingleInputGate gate;

    @AfterEach
    void release() throws Exception {
        if (gate != null) {
            gate.close(); // returns the channel's exclusive buffers
        }
        network.destroyAllBufferPools();
        network.destroy();
    }

    /** A remote channel from a peer, set up and connected as a running task's input is. */
    private RemoteInputChannel channelFromPeer(int exclusiveBuffers, int floatingBuffers) throws Exception {
        gate = new SingleInputGateBuilder().setNumberOfChannels(1).setSegmentProvider(network)
                .setBufferPoolFactory(network.createBufferPool(floatingBuffers, floatingBuffers)).build();
        RemoteInputChannel channel = new RemoteInputChannel(gate, 0, new ResultPartitionID(),
                new ResultSubpartitionIndexSet(0), InputChannelBuilder.STUB_CONNECTION_ID, new TestingConnectionManager(),
                0, 0, 0, exclusiveBuffers, new SimpleCounter(), new SimpleCounter(), ChannelStateWriter.NO_OP);
        gate.setInputChannels(channel);
        gate.setup();
        gate.requestPartitions();
        return channel;
    }

    private static RemoteTransportException peerLost() {
        return new RemoteTransportException("Connection unexpectedly closed by remote task manager",
                new InetSocketAddress("127.0.0.1", 40000));
    }

    @Test
    void recyclingAnExclusiveBufferOfALostPeersChannelThrowsIntoTheTaskClean_up() throws Exception {
        RemoteInputChannel channel = channelFromPeer(2, 1);
        Buffer heldByDeserializer = channel.requestBuffer();
        assertThat(heldByDeserializer).isNotNull();
        channel.onError(peerLost());

        assertThatThrownBy(heldByDeserializer::recycleBuffer).hasRootCauseInstanceOf(RemoteTransportException.class);
    }

    @Test
    void withOnlyFloatingBuffersTheLostPeersErrorStaysOnTheChannel() throws Exception {
        RemoteInputChannel channel = channelFromPeer(0, 1);
        channel.onSenderBacklog(2); // the peer announced data: the channel takes the pool's only floating buffer
        Buffer heldByDeserializer = channel.requestBuffer();
        assertThat(heldByDeserializer).isNotNull();
        channel.onError(peerLost());

        assertThatCode(heldByDeserializer::recycleBuffer).doesNotThrowAnyException();
        // the failure is not lost: the task still fails (and restarts) on it, outside the clean-up
        assertThatThrownBy(channel::getNextBuffer).isInstanceOf(RemoteTransportException.class);
    }

    @Test
    void theClusterConfigurationGivesInputChannelsNoExclusiveBuffers() {
        assertThat(FlinkConfigTest.flatten(ProjectFiles.yaml("flink-conf/config.yaml")))
                .containsEntry("taskmanager.network.memory.buffers-per-channel", "0");
    }
}
