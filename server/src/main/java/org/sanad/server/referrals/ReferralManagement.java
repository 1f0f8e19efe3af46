package org.sanad.server.referrals;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.sanad.server.access.BreakGlassGrants;
import org.sanad.server.access.BreakGlassTarget;
import org.sanad.server.access.BreakGlassTargets;
import org.sanad.server.access.Callers;
import org.sanad.server.access.CurrentUser;
import org.sanad.server.access.NeedToKnow;
import org.sanad.server.access.NeedToKnow.ReferralSide;
import org.sanad.server.access.Visibility;
import org.sanad.server.audit.AccessEvent;
import org.sanad.server.audit.RecordHistory;
import org.sanad.server.cases.CaseFileManagement;
import org.sanad.server.cases.CaseFileManagement.CaseFileRef;
import org.sanad.server.cases.CaseStatus;
import org.sanad.server.common.Ids;
import org.sanad.server.defenders.DefenderDirectory.DefenderRef;
import org.sanad.server.defenders.DefenderManagement;
import org.sanad.server.encryption.SealedField;
import org.sanad.server.encryption.SealedFields;
import org.sanad.server.incidents.IncidentManagement;
import org.sanad.server.web.Conflict;
import org.sanad.server.web.Forbidden;
import org.sanad.server.web.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Makes, shows and moves referrals, with consent recorded and sharing bounded by liveness. */
@Service
public class ReferralManagement implements BreakGlassTargets {

    private final Referrals referrals;
    private final CaseFileManagement cases;
    private final DefenderManagement defenders;
    private final IncidentManagement incidents;
    private final SealedFields sealedFields;
    private final Clock clock;
    private final RecordHistory history;
    private final BreakGlassGrants breakGlass;

    ReferralManagement(
            Referrals referrals,
            CaseFileManagement cases,
            DefenderManagement defenders,
            IncidentManagement incidents,
            SealedFields sealedFields,
            Clock clock,
            RecordHistory history,
            BreakGlassGrants breakGlass) {
        this.history = history;
        this.breakGlass = breakGlass;
        this.referrals = referrals;
        this.cases = cases;
        this.defenders = defenders;
        this.incidents = incidents;
        this.sealedFields = sealedFields;
        this.clock = clock;
    }

    @Transactional
    ReferralView refer(
            UUID caseFileId,
            String toOrganisation,
            ReferralService service,
            Referral.Consent consent,
            Set<SharedField> shared,
            String reason,
            LocalDate expiresOn) {
        CurrentUser caller = Callers.current();
        // Only the case file's assignees refer: a referral discloses the defender to another
        // organisation, which a supervisor's break-glass access to the case file does not cover.
        CaseFileRef file = cases.find(caseFileId)
                .filter(f -> NeedToKnow.caseFile(caller, f.organisation(), null, f.assignees(), false)
                        .isVisible())
                .orElseThrow(NotFound::new);
        if (!NeedToKnow.caseFile(caller, file.organisation(), null, file.assignees(), false)
                .allowsContent()) {
            throw new Forbidden();
        }
        if (file.status() == CaseStatus.CLOSED) {
            throw new Conflict("case-closed", "The case file is closed");
        }
        if (consent.givenOn().isAfter(today())) {
            throw new Conflict("consent-in-future", "Consent cannot be dated in the future");
        }
        if (!expiresOn.isAfter(today())) {
            throw new Conflict("expiry-in-past", "The expiry date must be in the future");
        }
        var referral = Referral.refer(
                Ids.newId(),
                file.id(),
                file.defenderId(),
                file.organisation(),
                toOrganisation,
                service,
                consent,
                shared,
                reason,
                expiresOn,
                caller.subject(),
                clock.instant(),
                sealedFields);
        referrals.save(referral);
        return render(referral, caller);
    }

    @Transactional
    ReferralView view(UUID id) {
        CurrentUser caller = Callers.current();
        return render(visible(id, caller), caller);
    }

    @Transactional
    ReferralView move(UUID id, String action) {
        CurrentUser caller = Callers.current();
        Referral referral = visible(id, caller);
        ReferralSide side = side(referral, caller);
        var at = clock.instant();
        switch (action) {
            case "accept" -> {
                requireSide(side, ReferralSide.RECEIVER);
                referral.accept(caller.subject(), at, today());
            }
            case "decline" -> {
                requireSide(side, ReferralSide.RECEIVER);
                referral.decline(caller.subject(), at, today());
            }
            case "withdraw" -> {
                requireSide(side, ReferralSide.SENDER, ReferralSide.SENDING_SUPERVISOR, ReferralSide.BREAK_GLASS);
                referral.withdraw(caller.subject(), at, today());
            }
            case "close" -> {
                requireSide(
                        side,
                        ReferralSide.SENDER,
                        ReferralSide.SENDING_SUPERVISOR,
                        ReferralSide.BREAK_GLASS,
                        ReferralSide.RECEIVER);
                referral.close(caller.subject(), at, today());
            }
            default -> throw new NotFound();
        }
        referrals.saveAndFlush(referral);
        return render(referral, caller);
    }

    /** A side that may see the referral but not make this move gets 403. */
    private static void requireSide(ReferralSide side, ReferralSide... allowed) {
        if (!Set.of(allowed).contains(side)) {
            throw new Forbidden();
        }
    }

    @Transactional
    List<RecordHistory.Entry> history(UUID id) {
        CurrentUser caller = Callers.current();
        Referral referral = visible(id, caller);
        if (side(referral, caller) == ReferralSide.DEFENDER) {
            throw new NotFound();
        }
        // The other organisation's staff are not named (as in the audit API): only that it acted.
        return history.of(Referral.class, Referral.ENTITY, id).stream()
                .map(entry -> entry.organisation().equals(caller.organisation()) ? entry : entry.withoutSubject())
                .toList();
    }

    long version(UUID id) {
        return referrals.findById(id).map(Referral::version).orElseThrow(NotFound::new);
    }

    private Referral visible(UUID id, CurrentUser caller) {
        return referrals
                .findById(id)
                .filter(r -> side(r, caller) != ReferralSide.NONE)
                .orElseThrow(NotFound::new);
    }

    private ReferralSide side(Referral referral, CurrentUser caller) {
        Set<String> assignees =
                cases.find(referral.caseFileId()).map(CaseFileRef::assignees).orElse(Set.of());
        String defenderSubject =
                defenders.find(referral.defenderId()).map(DefenderRef::subject).orElse(null);
        return NeedToKnow.referral(
                caller,
                referral.fromOrganisation(),
                referral.toOrganisation(),
                assignees,
                defenderSubject,
                breakGlass.holds(caller, referral.id()));
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.Optional<BreakGlassTarget> breakGlassTarget(UUID recordId) {
        return referrals
                .findById(recordId)
                .map(r -> new BreakGlassTarget(
                        Referral.ENTITY,
                        r.id(),
                        r.fromOrganisation(),
                        r.defenderId(),
                        defenders.find(r.defenderId()).map(DefenderRef::erased).orElse(true)));
    }

    private ReferralView render(Referral referral, CurrentUser caller) {
        ReferralSide side = side(referral, caller);
        boolean erased =
                defenders.find(referral.defenderId()).map(DefenderRef::erased).orElse(true);
        return switch (side) {
            case SENDER, BREAK_GLASS -> {
                boolean sender = side == ReferralSide.SENDER;
                String purpose = sender ? "casework" : Visibility.BREAK_GLASS_PURPOSE;
                String reason = erased
                        ? null
                        : sealedFields
                                .open(Referral.ENTITY, referral.id(), purpose, List.of(referral.reasonField()))
                                .get("reason");
                yield ReferralView.of(referral, today(), sender ? "sender" : "break-glass", reason, null);
            }
            case RECEIVER -> {
                if (!referral.isLiveOn(today()) || erased) {
                    yield ReferralView.of(referral, today(), "receiver", null, null);
                }
                yield ReferralView.of(referral, today(), "receiver", null, shared(referral));
            }
            case SENDING_SUPERVISOR -> ReferralView.of(referral, today(), "sending-supervisor", null, null);
            case DEFENDER -> ReferralView.of(referral, today(), "defender", null, null);
            case NONE -> throw new NotFound();
        };
    }

    /** Opens exactly the shared fields, recorded as one access-log entry on the referral. */
    private Map<String, Object> shared(Referral referral) {
        Set<SharedField> shared = referral.sharedFields();
        Set<String> defenderFields = shared.stream()
                .filter(SharedField::isDefenderField)
                .map(SharedField::apiName)
                .collect(Collectors.toSet());
        Set<String> incidentFields = shared.stream()
                .filter(f -> f.apiName().startsWith("incident."))
                .map(f -> f.apiName().substring("incident.".length()))
                .collect(Collectors.toSet());
        List<SealedField> fields = new ArrayList<>(defenders.sealedFieldsOf(referral.defenderId(), defenderFields));
        fields.addAll(incidents.sealedFieldsOfCaseFile(referral.caseFileId(), incidentFields));
        if (shared.contains(SharedField.CASE_LEGAL_SUMMARY)) {
            cases.legalSummaryOf(referral.caseFileId())
                    .map(f -> new SealedField("case.legalSummary", f.value(), f.context()))
                    .ifPresent(fields::add);
        }
        List<String> names = fields.stream()
                .filter(f -> f.value() != null)
                .map(SealedField::name)
                .toList();
        Map<String, String> opened = sealedFields.open(
                new AccessEvent(AccessEvent.Action.READ, Referral.ENTITY, referral.id(), names, "referral"), fields);
        Map<String, Object> result = new LinkedHashMap<>();
        opened.forEach((name, value) -> {
            if (value != null) {
                result.put(name, "otherNames".equals(name) ? List.of(value.split("\n")) : value);
            }
        });
        return result;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
