package org.sanad.server.encryption;

import org.sanad.server.web.ProblemException;
import org.sanad.server.web.Problems;
import org.springframework.http.HttpStatus;

/**
 * A stored ciphertext failed to open under its own row's context: it was tampered with, moved
 * from another row, or its key was destroyed. Nothing of it is disclosed.
 */
final class IntegrityFailure extends ProblemException {

    IntegrityFailure() {
        super(Problems.of(
                HttpStatus.INTERNAL_SERVER_ERROR, "integrity-failure", "A stored value failed its integrity check"));
    }
}
