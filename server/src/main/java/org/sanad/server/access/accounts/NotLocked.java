package org.sanad.server.access.accounts;

import org.sanad.server.web.ProblemException;
import org.sanad.server.web.Problems;
import org.springframework.http.HttpStatus;

/** An unlock of an account that is not locked. */
final class NotLocked extends ProblemException {

    NotLocked() {
        super(Problems.of(HttpStatus.CONFLICT, "account-not-locked", "The account is not locked"));
    }
}
