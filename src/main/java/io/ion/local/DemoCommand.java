package io.ion.local;

import io.ion.config.IonConfig;
import io.ion.job.Scorers;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ion demo}: a launch you can watch. Ctrl-C stops everything and leaves no process behind. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run ION locally on embedded Kafka + Elasticsearch with a simulated launch and a live board.")
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--traffic", defaultValue = "launch",
            description = "launch (the simulated launch) or none (feed your own events). Default: ${DEFAULT-VALUE}")
    String traffic;

    @Option(names = "--speed", defaultValue = "12",
            description = "Simulated seconds per real second (12: the launch hour in 5 minutes). Default: ${DEFAULT-VALUE}")
    double speed;

    @Option(names = "--dir", defaultValue = "target/ion-demo", description = "Working directory. Default: ${DEFAULT-VALUE}")
    Path dir;

    @Option(names = "--resume", description = "Keep the previous run's Kafka data instead of starting fresh.")
    boolean resume;

    @Option(names = "--no-board", description = "Do not draw the live board.")
    boolean noBoard;

    @Override
    public Integer call() throws Exception {
        if (!traffic.equals("launch") && !traffic.equals("none")) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--traffic must be launch or none");
        }
        System.out.println("Starting embedded Kafka and Elasticsearch, then the job (about 30-60 s) ...");
        LocalDemo demo = LocalDemo.start(dir, !resume, traffic.equals("launch"), speed,
                Scorers.fromConfig(IonConfig.defaults().sentiment));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping ION (generator, job, Elasticsearch, Kafka) ...");
            demo.close();
            stopped.countDown();
        }, "ion-demo-shutdown"));
        String banner = String.format("%nION is running.%n  Kafka bootstrap:  %s%n  Elasticsearch:    %s  (user %s, password %s)%n"
                        + "  Flink web UI:     %s%n  Endpoints file:   %s%nPress Ctrl-C to stop.%n",
                demo.config.kafka.bootstrapServers, demo.services.elasticsearch.url(), demo.services.elasticsearch.user(),
                demo.services.elasticsearch.password(), demo.flinkUi, demo.endpointsFile());
        System.out.print(banner);
        if (noBoard || traffic.equals("none")) {
            stopped.await();
            return 0;
        }
        boolean terminal = System.console() != null;
        try (Admin admin = demo.services.kafka.admin()) {
            DemoBoard board = new DemoBoard(demo.config, admin, demo::eventsSent, terminal);
            while (stopped.getCount() > 0) {
                board.print(System.out);
                if (terminal) {
                    System.out.print(banner);
                }
                stopped.await(DemoBoard.refresh(terminal).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            }
        }
        return 0;
    }
}
