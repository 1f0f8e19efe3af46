package org.sanad.server.defenders;

import org.sanad.server.web.ProblemException;
import org.sanad.server.web.Problems;
import org.springframework.http.HttpStatus;

/** The defender's personal data was erased; the profile can no longer change. */
class DefenderErased extends ProblemException {

    DefenderErased() {
        super(Problems.of(HttpStatus.CONFLICT, "defender-erased", "The defender's personal data was erased"));
    }
}
