package io.ion.sink;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.TransportException;
import co.elastic.clients.transport.TransportUtils;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.ion.config.IonConfig;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import org.apache.http.Header;
import org.apache.http.HttpHeaders;
import org.apache.http.HttpHost;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;

/** Builds Elasticsearch clients from ION's configuration: basic auth or API key, TLS by CA file or fingerprint. */
public final class ElasticsearchClients {

    private ElasticsearchClients() {}

    public static RestClientTransport transport(IonConfig.Elasticsearch config) {
        HttpHost[] hosts = config.hosts.stream().map(HttpHost::create).toArray(HttpHost[]::new);
        RestClientBuilder builder = RestClient.builder(hosts);
        Header auth = authorization(config);
        if (auth != null) {
            builder.setDefaultHeaders(new Header[] {auth});
        }
        SSLContext ssl = sslContext(config);
        builder.setHttpClientConfigCallback(http -> {
            if (ssl != null) {
                http.setSSLContext(ssl);
            }
            return http;
        });
        builder.setRequestConfigCallback(request -> request.setConnectTimeout(5_000).setSocketTimeout(60_000));
        return new RestClientTransport(builder.build(), new JacksonJsonpMapper());
    }

    public static ElasticsearchClient client(IonConfig.Elasticsearch config) {
        return new ElasticsearchClient(transport(config));
    }

    public static ElasticsearchAsyncClient asyncClient(RestClientTransport transport) {
        return new ElasticsearchAsyncClient(transport);
    }

    /** The HTTP status an Elasticsearch client failure carries, or {@link RetryPolicy#NO_STATUS}. */
    public static int statusOf(Throwable failure) {
        if (failure instanceof ElasticsearchException e) {
            return e.status();
        }
        if (failure instanceof TransportException e && e.statusCode() > 0) {
            return e.statusCode();
        }
        if (failure instanceof ResponseException e) {
            return e.getResponse().getStatusLine().getStatusCode();
        }
        return RetryPolicy.NO_STATUS;
    }

    static Header authorization(IonConfig.Elasticsearch config) {
        if (config.apiKey != null && !config.apiKey.isBlank()) {
            return new BasicHeader(HttpHeaders.AUTHORIZATION, "ApiKey " + config.apiKey);
        }
        if (config.username != null && !config.username.isBlank()) {
            String token = config.username + ":" + (config.password == null ? "" : config.password);
            return new BasicHeader(HttpHeaders.AUTHORIZATION,
                    "Basic " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)));
        }
        return null;
    }

    private static SSLContext sslContext(IonConfig.Elasticsearch config) {
        if (config.caFingerprint != null && !config.caFingerprint.isBlank()) {
            return TransportUtils.sslContextFromCaFingerprint(config.caFingerprint);
        }
        if (config.caCertificate != null && !config.caCertificate.isBlank()) {
            try {
                return TransportUtils.sslContextFromHttpCaCrt(new File(config.caCertificate));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read CA certificate " + config.caCertificate, e);
            }
        }
        return null;
    }
}
