package org.sanad.server.referrals;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.sanad.server.access.Caller;
import org.sanad.server.access.NeedToKnow;
import org.sanad.server.common.identity.CaseFileId;
import org.sanad.server.common.identity.OrganisationId;
import org.sanad.server.web.ProblemException.BadRequest;
import org.sanad.server.web.Versions;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ReferralController {

    private final ReferralManagement referrals;

    ReferralController(ReferralManagement referrals) {
        this.referrals = referrals;
    }

    record ConsentGiven(@NotNull LocalDate givenOn, @NotNull ConsentMethod how) {}

    record Refer(
            @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,63}") String toOrganisation,
            @NotNull ReferralService service,
            @Size(max = 4000) String reason,
            @NotEmpty @Size(max = 20) List<@NotNull @Size(max = 64) String> sharedFields,
            @NotNull LocalDate expiresOn,
            @NotNull @Valid ConsentGiven consent) {

        @Override
        public String toString() {
            return "Refer[redacted]";
        }
    }

    @PostMapping("/api/cases/{caseFileId}/referrals")
    ResponseEntity<ReferralView> refer(
            Caller caller, @PathVariable UUID caseFileId, @Valid @RequestBody Refer request) {
        Set<SharedField> shared = EnumSet.noneOf(SharedField.class);
        for (String name : request.sharedFields()) {
            shared.add(SharedField.fromApiName(name)
                    .orElseThrow(() -> new BadRequest(
                            "unknown-shared-field", "sharedFields names a field that cannot be shared")));
        }
        ReferralView view = referrals.refer(
                caller,
                new CaseFileId(caseFileId),
                new OrganisationId(request.toOrganisation()),
                request.service(),
                new Referral.Consent(
                        request.consent().givenOn(), request.consent().how()),
                shared,
                request.reason(),
                request.expiresOn());
        return Versions.created("/api/referrals/" + view.id(), view);
    }

    @GetMapping("/api/referrals/{id}")
    ResponseEntity<ReferralView> get(Caller caller, @PathVariable UUID id) {
        return Versions.ok(referrals.view(caller, id));
    }

    @GetMapping("/api/referrals/{id}/history")
    List<org.sanad.server.audit.RecordHistory.Entry> history(Caller caller, @PathVariable UUID id) {
        return referrals.history(caller, id);
    }

    @PostMapping("/api/referrals/{id}/{action:accept|decline|withdraw|close}")
    ResponseEntity<ReferralView> move(Caller caller, @PathVariable UUID id, @PathVariable String action) {
        return Versions.ok(
                referrals.move(caller, id, NeedToKnow.ReferralMove.valueOf(action.toUpperCase(java.util.Locale.ROOT))));
    }
}
