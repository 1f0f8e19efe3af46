package org.sanad.crypto;

import org.sanad.crypto.internal.Normalizer;

/**
 * Warning: a blind index leaks equality. Anyone who can read the index column learns which rows
 * hold the same (normalised) value, how often each value occurs, and, with a guess and access
 * to the search, whether a given person is in the database. Never index the most dangerous
 * fields (perpetrators, precise locations, narratives); index only what must be found by exact
 * match (legal name, phone, e-mail), and store the index in a table that is not audited and is
 * deleted on shredding.
 *
 * <p>Guarantee: {@code truncate_L(HMAC-SHA256(K_idx, normalize(value)))}, where {@code K_idx} is
 * derived by HKDF-SHA256 from the organisation's blind-index root key for (entity, field, index
 * name), so the same value gives unrelated indexes in another organisation, field or index.
 * Truncation to {@link #bits()} bits follows CipherSweet's rule: the expected number of
 * coincidences {@code C = R / 2^L} for the projected row count {@code R} stays within {@code 2
 * <= C < sqrt(R)}, so every index value is shared by a few unrelated rows: a match is a
 * candidate, which the caller must open and compare ({@link #normalize}) to drop false
 * positives. Thread-safe.
 *
 * <p>Obtain one from {@link Keyring#blindIndex}.
 */
public interface BlindIndex {

    /** How values are made comparable before they are indexed. */
    enum Normalization {
        /**
         * Personal names in Arabic, Kurdish (Sorani and Kurmanji) and Latin script: Unicode NFKC;
         * case fold; diacritics (harakat, Latin accents) and tatweel removed; alef variants (أ إ آ
         * ٱ) to ا; ى ی ێ to ي; ک to ك; ة ە ھ ہ to ه; ؤ ۆ to و; ئ to ي; ڕ to ر; ڵ to ل; standalone
         * hamza removed; Arabic-Indic and Persian digits to ASCII; apostrophes removed; other
         * punctuation to a space; whitespace collapsed and trimmed.
         */
        NAME,
        /**
         * Phone numbers to E.164: local Iraqi forms ({@code 0770 123 4567}) and {@code 00964},
         * {@code 964} and {@code +964} forms to one value {@code +9647701234567}; any digits.
         */
        PHONE,
        /** E-mail addresses: NFKC, trimmed, lower case. */
        EMAIL,
        /** Exact values: Unicode NFC only. */
        EXACT;

        /** Applies this normalisation. */
        public String apply(String value) {
            return switch (this) {
                case NAME -> Normalizer.name(value);
                case PHONE -> Normalizer.phone(value);
                case EMAIL -> Normalizer.email(value);
                case EXACT -> Normalizer.exact(value);
            };
        }
    }

    /** The row count for which {@link Keyring#blindIndex} sizes an index when none is given. */
    long DEFAULT_PROJECTED_ROWS = 1_000_000;

    /**
     * Computes the index of a value: {@code ceil(bits / 8)} bytes, unused low bits zero.
     *
     * @throws IllegalArgumentException if the value does not normalise (e.g. not a phone number)
     */
    byte[] compute(String value);

    /** The normalised form that is indexed; compare opened candidates with it. */
    String normalize(String value);

    /** The truncation length L in bits. */
    int bits();

    /**
     * The largest truncation L such that the expected coincidences {@code C = R / 2^L} satisfy
     * {@code 2 <= C < sqrt(R)}.
     *
     * @throws IllegalArgumentException if no L satisfies the rule (fewer than 32 rows)
     */
    static int bitsFor(long projectedRows) {
        if (projectedRows < 32) {
            throw new IllegalArgumentException("a blind index needs a projected row count of at least 32");
        }
        int bits = 63 - Long.numberOfLeadingZeros(projectedRows / 2);
        if (!withinBudget(projectedRows, bits)) {
            throw new IllegalArgumentException("no truncation satisfies the coincidence budget");
        }
        return Math.min(bits, 256);
    }

    /** Whether {@code 2 <= R / 2^L < sqrt(R)}. */
    static boolean withinBudget(long projectedRows, int bits) {
        double coincidences = projectedRows / Math.pow(2, bits);
        return coincidences >= 2 && coincidences < Math.sqrt(projectedRows);
    }
}
