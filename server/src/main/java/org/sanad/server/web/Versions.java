package org.sanad.server.web;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Optimistic locking over HTTP: a record's version is its {@code ETag}, and a change must name the
 * version it was made against in {@code If-Match} (RFC 9110 §13.1.1).
 */
public final class Versions {

    private static final Pattern ETAG = Pattern.compile("(?:W/)?\"(\\d{1,18})\"");

    private Versions() {}

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** A view of a record that carries the record's version. */
    public interface Versioned {
        long version();
    }

    /** 200 with the record and its version as the {@code ETag}. */
    public static <T extends Versioned> ResponseEntity<T> ok(T record) {
        return ResponseEntity.ok().eTag(etag(record.version())).body(record);
    }

    /** 201 with the new record's location and its version as the {@code ETag}. */
    public static <T extends Versioned> ResponseEntity<T> created(String location, T record) {
        return ResponseEntity.created(URI.create(location))
                .eTag(etag(record.version()))
                .body(record);
    }

    /**
     * The version an {@code If-Match} header names.
     *
     * @throws ProblemException 428 when the header is missing, 412 when it names no version
     */
    public static long required(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new VersionProblem(
                    HttpStatus.PRECONDITION_REQUIRED,
                    "version-required",
                    "If-Match with the record's ETag is required");
        }
        Matcher matcher = ETAG.matcher(ifMatch.trim());
        if (!matcher.matches()) {
            throw stale();
        }
        return Long.parseLong(matcher.group(1));
    }

    /** Fails with 412 unless the record is still at the expected version. */
    public static void check(long expected, long actual) {
        if (expected != actual) {
            throw stale();
        }
    }

    public static ProblemException stale() {
        return new VersionProblem(
                HttpStatus.PRECONDITION_FAILED, "stale-version", "The record changed since you read it");
    }

    private static final class VersionProblem extends ProblemException {
        VersionProblem(HttpStatus status, String slug, String title) {
            super(Problems.of(status, slug, title));
        }
    }
}
