package org.sanad.server.access.limits;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets per subject and rule: a subject may make {@code requests} requests at once and
 * then one more every {@code per / requests}. In memory, per server replica.
 *
 * <p>Memory stays bounded: buckets are kept only for subjects who made a limited request within
 * the last {@code per}, and beyond {@code maxBuckets} the idle ones are dropped first.
 */
final class RateLimiter {

    private final int requests;
    private final Duration per;
    private final Clock clock;
    private final int maxBuckets;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(int requests, Duration per, Clock clock, int maxBuckets) {
        if (requests < 1 || per.isNegative() || per.isZero()) {
            throw new IllegalArgumentException("a rate limit needs at least one request per positive duration");
        }
        this.requests = requests;
        this.per = per;
        this.clock = clock;
        this.maxBuckets = maxBuckets;
    }

    /** Takes one request from the subject's allowance; empty if allowed, else how long to wait. */
    Optional<Duration> acquire(String subject) {
        Instant now = clock.instant();
        if (buckets.size() >= maxBuckets) {
            evictIdle(now);
        }
        Bucket bucket = buckets.computeIfAbsent(subject, s -> new Bucket(requests, now));
        synchronized (bucket) {
            bucket.refill(now, requests, per);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return Optional.empty();
            }
            double missing = 1 - bucket.tokens;
            long nanos = (long) Math.ceil(missing * per.toNanos() / requests);
            return Optional.of(Duration.ofNanos(Math.max(nanos, 1)));
        }
    }

    int buckets() {
        return buckets.size();
    }

    private void evictIdle(Instant now) {
        buckets.entrySet().removeIf(e -> !e.getValue().last.plus(per).isAfter(now));
        if (buckets.size() >= maxBuckets) {
            // Everyone is active: refuse to grow without bound; a fresh bucket is full, so this
            // only ever forgives, and only under a flood of distinct authenticated subjects.
            buckets.clear();
        }
    }

    private static final class Bucket {
        double tokens;
        Instant last;

        Bucket(int tokens, Instant now) {
            this.tokens = tokens;
            this.last = now;
        }

        void refill(Instant now, int capacity, Duration per) {
            if (now.isAfter(last)) {
                double elapsed = Duration.between(last, now).toNanos();
                tokens = Math.min(capacity, tokens + elapsed * capacity / per.toNanos());
                last = now;
            }
        }
    }
}
