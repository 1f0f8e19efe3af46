package org.sanad.crypto.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sanad.crypto.WrappedKeyRepository;

/** A thread-safe {@link WrappedKeyRepository} in memory, for tests and tools. */
public final class InMemoryWrappedKeyRepository implements WrappedKeyRepository {

    private record Identity(Purpose purpose, String organisation, UUID owner, int version) {
        static Identity of(WrappedKey key) {
            return new Identity(key.purpose(), key.organisation(), key.owner(), key.version());
        }
    }

    private final Map<Identity, WrappedKey> rows = new LinkedHashMap<>();

    @Override
    public synchronized List<WrappedKey> versions(Purpose purpose, String organisation, UUID owner) {
        return rows.values().stream()
                .filter(row -> row.purpose() == purpose
                        && row.organisation().equals(organisation)
                        && row.owner().equals(owner))
                .toList();
    }

    @Override
    public synchronized void insert(WrappedKey key) {
        if (rows.putIfAbsent(Identity.of(key), key) != null) {
            throw new IllegalStateException("the key version exists");
        }
    }

    @Override
    public synchronized void update(WrappedKey key) {
        if (rows.replace(Identity.of(key), key) == null) {
            throw new IllegalStateException("no such key version");
        }
    }

    @Override
    public synchronized int deleteAll(Purpose purpose, String organisation, UUID owner) {
        List<Identity> doomed = new ArrayList<>();
        rows.keySet().forEach(identity -> {
            if (identity.purpose() == purpose
                    && identity.organisation().equals(organisation)
                    && identity.owner().equals(owner)) {
                doomed.add(identity);
            }
        });
        doomed.forEach(rows::remove);
        return doomed.size();
    }

    @Override
    public synchronized List<WrappedKey> wrappedOtherThan(String kekId, int kekVersion, int limit) {
        return rows.values().stream()
                .filter(row -> !row.kekId().equals(kekId) || row.kekVersion() != kekVersion)
                .limit(limit)
                .toList();
    }

    /** The number of rows, for tests. */
    public synchronized int size() {
        return rows.size();
    }
}
