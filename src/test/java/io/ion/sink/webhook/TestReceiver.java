package io.ion.sink.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/** A real HTTP receiver on 127.0.0.1 (random port) that records requests and answers as its responder says. */
final class TestReceiver implements AutoCloseable {

    /** Answer: close the connection without a response. */
    static final int CLOSE = -1;

    /** One request as received, with the status it was answered with ({@link #CLOSE} for a dropped connection). */
    record Request(int number, String path, Map<String, String> headers, byte[] body, int status) {
        String header(String name) {
            return headers.get(name);
        }

        boolean succeeded() {
            return status >= 200 && status < 300;
        }
    }

    @FunctionalInterface
    interface Responder {
        /** The status for the {@code number}-th request (from 1), or {@link #CLOSE}; may block. */
        int respond(int number, String path, Map<String, String> headers) throws Exception;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final AtomicInteger count = new AtomicInteger();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Responder responder;
    /** Sent as Retry-After with every 429 and 503 when set. */
    volatile String retryAfter;

    TestReceiver(Responder responder) throws IOException {
        this.responder = responder;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    static TestReceiver answering(int status) throws IOException {
        return new TestReceiver((n, path, headers) -> status);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    List<Request> succeeded() {
        return requests.stream().filter(Request::succeeded).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
            int number = count.incrementAndGet();
            String path = exchange.getRequestURI().getPath();
            int status;
            try {
                status = responder.respond(number, path, headers);
            } catch (Exception e) {
                status = 500;
            }
            requests.add(new Request(number, path, java.util.Collections.unmodifiableMap(headers), body, status));
            if (status == CLOSE) {
                return; // closing the exchange before any response drops the connection
            }
            if (retryAfter != null && (status == 429 || status == 503)) {
                exchange.getResponseHeaders().add("Retry-After", retryAfter);
            }
            exchange.sendResponseHeaders(status, -1);
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** Polls until the condition holds; fails with the message when the deadline passes. */
    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout + " waiting for " + what);
            }
            Thread.sleep(5);
        }
    }
}
