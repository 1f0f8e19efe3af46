package org.sanad.server.access;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MeController {

    record Me(String subject, List<String> roles, String organisation) {}

    @GetMapping("/api/me")
    Me me(Caller user) {
        return new Me(
                user.subject().value(),
                TokenConverter.names(user.roles()),
                user.organisation().value());
    }
}
