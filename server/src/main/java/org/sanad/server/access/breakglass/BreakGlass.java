package org.sanad.server.access.breakglass;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.sanad.server.access.BreakGlassGrants;
import org.sanad.server.access.Caller;
import org.sanad.server.access.NeedToKnow;
import org.sanad.server.access.NeedToKnow.Visibility;
import org.sanad.server.access.Role;
import org.sanad.server.audit.AccessEvent;
import org.sanad.server.audit.AccessLog;
import org.sanad.server.common.PageOf;
import org.sanad.server.common.identity.GrantId;
import org.sanad.server.common.identity.Ids;
import org.sanad.server.encryption.SealedField;
import org.sanad.server.encryption.SealedFields;
import org.sanad.server.web.ProblemException.Conflict;
import org.sanad.server.web.ProblemException.Forbidden;
import org.sanad.server.web.ProblemException.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Grants, checks and lists break-glass access. A grant opens content to its supervisor for one
 * record until it expires; every module's need-to-know decision asks {@link #activeGrant} (through
 * {@link BreakGlassGrants}) and passes the answer to {@link NeedToKnow}.
 */
@Service
class BreakGlass implements BreakGlassGrants {

    private static final Logger log = LoggerFactory.getLogger(BreakGlass.class);

    /** The purpose of a supervisor reading the reasons of their organisation's grants. */
    static final String OVERSIGHT = "oversight";

    private final Grants grants;
    private final BreakGlassTargets targets;
    private final SealedFields sealedFields;
    private final AccessLog accessLog;
    private final Clock clock;

    BreakGlass(Grants grants, BreakGlassTargets targets, SealedFields sealedFields, AccessLog accessLog, Clock clock) {
        this.grants = grants;
        this.targets = targets;
        this.sealedFields = sealedFields;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<GrantId> activeGrant(Caller caller, UUID recordId) {
        if (recordId == null || !caller.has(Role.SUPERVISOR)) {
            return Optional.empty();
        }
        return grants.findActive(recordId, caller.subject(), caller.organisation(), clock.instant()).stream()
                .findFirst();
    }

    /**
     * Grants the calling supervisor the content of one record of their organisation, recorded in
     * the access log in the same transaction.
     *
     * @throws NotFound if no module holds the record, or it belongs to another organisation
     * @throws Conflict if the defender the record is about was erased
     */
    @Transactional
    GrantView grant(Caller caller, UUID recordId, String reason, int minutes) {
        if (!caller.has(Role.SUPERVISOR)) {
            throw new Forbidden();
        }
        BreakGlassTargets.Found found = targets.find(recordId)
                .filter(t -> NeedToKnow.mayBreakGlass(caller, t.target().organisation()))
                .orElseThrow(NotFound::new);
        BreakGlassGrants.Target target = found.target();
        if (found.defenderErased()) {
            throw new Conflict("defender-erased", "The defender's personal data was erased");
        }
        Instant now = clock.instant();
        var grant = BreakGlassGrant.grant(
                Ids.next(GrantId::new), caller, target, reason, Duration.ofMinutes(minutes), now, sealedFields);
        grants.save(grant);
        accessLog.record(
                caller,
                new AccessEvent(
                        AccessEvent.Action.BREAK_GLASS,
                        target.recordType(),
                        target.recordId(),
                        List.of(),
                        Visibility.BREAK_GLASS_PURPOSE));
        // Ids only: the reason is personal data and stays sealed.
        log.info(
                "break-glass grant {} by {} on {} {} until {}",
                grant.id(),
                caller.subject(),
                target.recordType(),
                target.recordId(),
                grant.expiresAt());
        return GrantView.of(grant, now, null, false);
    }

    /**
     * Every grant of the caller's organisation, newest first, active and past, with its reason.
     * The reasons opened for one page are recorded as one access-log entry (fields {@code
     * reason:<grant id>}); the reason of a grant whose defender was erased is gone with the
     * defender's key.
     */
    @Transactional
    PageOf<GrantView> list(Caller caller, int page, int size) {
        if (!caller.has(Role.SUPERVISOR)) {
            throw new Forbidden();
        }
        Instant now = clock.instant();
        var request = PageRequest.of(page, size, Sort.by(Sort.Order.desc("grantedAt"), Sort.Order.asc("id")));
        var found = grants.findByOrganisation(caller.organisation(), request);
        List<SealedField> reasons = found.stream()
                .filter(grant -> !targets.defenderErased(grant.defenderId()))
                .map(grant -> new SealedField(
                        "reason:" + grant.id(),
                        grant.reasonField().value(),
                        grant.reasonField().context()))
                .toList();
        Map<String, String> opened = sealedFields.open(
                caller,
                new AccessEvent(
                        AccessEvent.Action.READ,
                        BreakGlassGrant.ENTITY,
                        null,
                        reasons.stream().map(SealedField::name).toList(),
                        OVERSIGHT),
                reasons);
        return PageOf.of(found.map(grant -> {
            String reason = opened.get("reason:" + grant.id());
            return GrantView.of(grant, now, reason, reason == null);
        }));
    }
}
