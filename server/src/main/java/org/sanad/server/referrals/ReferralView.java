package org.sanad.server.referrals;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.sanad.server.common.identity.CaseFileId;
import org.sanad.server.common.identity.DefenderId;
import org.sanad.server.common.identity.OrganisationId;
import org.sanad.server.common.identity.ReferralId;
import org.sanad.server.web.Versions;

/**
 * A referral as one side sees it: the sender (and a supervisor through break-glass) sees its
 * reason, the receiver the shared values while it is live, everyone else who may see it only its
 * status.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ReferralView(
        ReferralId id,
        CaseFileId caseFileId,
        DefenderId defenderId,
        OrganisationId fromOrganisation,
        OrganisationId toOrganisation,
        ReferralService service,
        ReferralStatus status,
        LocalDate expiresOn,
        Instant createdAt,
        LocalDate consentGivenOn,
        ConsentMethod consentHow,
        List<String> sharedFields,
        String side,
        long version,
        String reason,
        Map<String, Object> shared)
        implements Versions.Versioned {

    static ReferralView of(Referral r, LocalDate today, String side, String reason, Map<String, Object> shared) {
        boolean sender = "sender".equals(side) || "break-glass".equals(side);
        return new ReferralView(
                r.id(),
                sender ? r.caseFileId() : null,
                "receiver".equals(side) ? null : r.defenderId(),
                r.fromOrganisation(),
                r.toOrganisation(),
                r.service(),
                r.statusOn(today),
                r.expiresOn(),
                r.createdAt(),
                r.consentGivenOn(),
                r.consentHow(),
                r.sharedFields().stream().map(SharedField::apiName).sorted().toList(),
                side,
                r.version(),
                reason,
                shared);
    }

    @Override
    public String toString() {
        return "ReferralView[" + id + "]";
    }
}
