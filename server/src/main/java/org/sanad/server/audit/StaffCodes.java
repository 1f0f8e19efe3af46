package org.sanad.server.audit;

import java.security.SecureRandom;

/** Pseudonymous staff codes ({@code STF-7K3QX9}): random, so that a code says nothing about its holder. */
final class StaffCodes {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private StaffCodes() {}

    static String next() {
        var code = new StringBuilder("STF-");
        for (int i = 0; i < 6; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }
}
