package org.sanad.server.encryption;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.sanad.crypto.BlindIndex;
import org.sanad.crypto.CryptoFailure;
import org.sanad.crypto.Keyring;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Exact-match search over sealed fields through truncated HMACs in their own, non-audited table.
 *
 * <p>Warning: an index reveals which rows share a value (after normalisation) to whoever reads the
 * table. Only names, phones and emails are indexed; never perpetrators, locations or narratives.
 * Truncation makes every index value shared by a few rows by design, so a match is only a
 * candidate, confirmed by opening the sealed value ({@link #find}).
 */
@Service
public class BlindIndexes {

    private final Keyring keyring;
    private final JdbcTemplate jdbc;

    BlindIndexes(Keyring keyring, JdbcTemplate jdbc) {
        this.keyring = keyring;
        this.jdbc = jdbc;
    }

    /** One indexed field of one row. */
    public record Indexed(String field, BlindIndex.Normalization normalization, String value) {

        @Override
        public String toString() {
            return "Indexed[" + field + "]";
        }
    }

    /** Replaces the index entries of a row's field (none when the value is null or normalises to nothing). */
    public void index(String organisation, String entity, UUID rowId, UUID defenderId, Indexed indexed) {
        jdbc.update(
                "delete from blind_indexes where organisation = ? and entity = ? and field = ? and row_id = ?",
                organisation,
                entity,
                indexed.field(),
                rowId);
        if (indexed.value() == null) {
            return;
        }
        BlindIndex index = index(organisation, entity, indexed);
        if (index.normalize(indexed.value()).isEmpty()) {
            return;
        }
        jdbc.update(
                "insert into blind_indexes (organisation, entity, field, value, row_id, defender_id) values (?, ?, ?, ?, ?, ?)",
                organisation,
                entity,
                indexed.field(),
                index.compute(indexed.value()),
                rowId,
                defenderId);
    }

    /**
     * Rows whose field equals the probe. Index matches are only candidates (the index is
     * truncated); each is confirmed by opening its sealed value inside the server and comparing
     * the normalised values. Nothing is disclosed to the caller, who logs the search.
     *
     * @param sealedValueOf the sealed field of a candidate row, if that row still exists
     */
    public List<UUID> find(
            String organisation, String entity, Indexed probe, Function<UUID, Optional<SealedField>> sealedValueOf) {
        BlindIndex index = index(organisation, entity, probe);
        String wanted = probe.value() == null ? "" : index.normalize(probe.value());
        if (wanted.isEmpty()) {
            return List.of();
        }
        List<UUID> candidates = jdbc.queryForList(
                "select row_id from blind_indexes where organisation = ? and entity = ? and field = ? and value = ? limit 100",
                UUID.class,
                organisation,
                entity,
                probe.field(),
                index.compute(probe.value()));
        List<UUID> confirmed = new ArrayList<>();
        for (UUID candidate : candidates) {
            sealedValueOf
                    .apply(candidate)
                    .filter(field -> field.value() != null)
                    .ifPresent(field -> {
                        try {
                            String normalised = index.normalize(keyring.fieldCipher()
                                    .openString(field.value().bytes(), field.context()));
                            if (MessageDigest.isEqual(bytes(normalised), bytes(wanted))) {
                                confirmed.add(candidate);
                            }
                        } catch (CryptoFailure e) {
                            // An unreadable candidate (shredded, tampered) is simply not a match.
                        }
                    });
        }
        return confirmed;
    }

    /** Deletes every index entry about a defender (crypto-shredding). */
    public int deleteAllOf(UUID defenderId) {
        return jdbc.update("delete from blind_indexes where defender_id = ?", defenderId);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private BlindIndex index(String organisation, String entity, Indexed indexed) {
        return keyring.blindIndex(organisation, entity, indexed.field(), "exact", indexed.normalization());
    }
}
