package org.sanad.server.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the server under test: real requests over loopback, nothing mocked. */
public final class Api {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;

    public Api(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    }

    public Response get(String path, String bearer) {
        var builder = request(path).GET();
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        return send(builder.build());
    }

    public Response post(String path, String bearer, String json) {
        return send(authorized(request(path), bearer)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    public Response patch(String path, String bearer, String ifMatch, String json) {
        var builder = authorized(request(path), bearer).header("Content-Type", "application/json");
        if (ifMatch != null) {
            builder.header("If-Match", ifMatch);
        }
        return send(builder.method("PATCH", HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    public Response delete(String path, String bearer) {
        return send(authorized(request(path), bearer).DELETE().build());
    }

    private static HttpRequest.Builder authorized(HttpRequest.Builder builder, String bearer) {
        return bearer == null ? builder : builder.header("Authorization", "Bearer " + bearer);
    }

    public Response send(HttpRequest request) {
        try {
            return new Response(HTTP.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response with its body parsed as JSON on demand. */
    public record Response(HttpResponse<String> raw) {

        public int status() {
            return raw.statusCode();
        }

        public String body() {
            return raw.body();
        }

        public JsonNode json() {
            return JSON.readTree(raw.body());
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }
    }
}
