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
import org.sanad.server.access.Caller;
import org.sanad.server.access.NeedToKnow;
import org.sanad.server.access.NeedToKnow.Decision;
import org.sanad.server.access.NeedToKnow.ReferralMove;
import org.sanad.server.access.NeedToKnow.ReferralSide;
import org.sanad.server.access.NeedToKnow.Visibility;
import org.sanad.server.audit.AccessEvent;
import org.sanad.server.audit.RecordHistory;
import org.sanad.server.cases.CaseFileDirectory;
import org.sanad.server.cases.CaseFileDirectory.CaseFileRef;
import org.sanad.server.cases.CaseStatus;
import org.sanad.server.common.identity.CaseFileId;
import org.sanad.server.common.identity.Ids;
import org.sanad.server.common.identity.OrganisationId;
import org.sanad.server.common.identity.ReferralId;
import org.sanad.server.defenders.DefenderDirectory;
import org.sanad.server.encryption.SealedField;
import org.sanad.server.encryption.SealedFields;
import org.sanad.server.incidents.IncidentDirectory;
import org.sanad.server.web.ProblemException.Conflict;
import org.sanad.server.web.ProblemException.Forbidden;
import org.sanad.server.web.ProblemException.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Makes, shows and moves referrals, with consent recorded and sharing bounded by liveness. */
@Service
class ReferralManagement {

    private final Referrals referrals;
    private final CaseFileDirectory cases;
    private final DefenderDirectory defenders;
    private final IncidentDirectory incidents;
    private final SealedFields sealedFields;
    private final Clock clock;
    private final RecordHistory history;
    private final ReferralGuard guard;

    ReferralManagement(
            Referrals referrals,
            CaseFileDirectory cases,
            DefenderDirectory defenders,
            IncidentDirectory incidents,
            SealedFields sealedFields,
            Clock clock,
            RecordHistory history,
            ReferralGuard guard) {
        this.history = history;
        this.guard = guard;
        this.referrals = referrals;
        this.cases = cases;
        this.defenders = defenders;
        this.incidents = incidents;
        this.sealedFields = sealedFields;
        this.clock = clock;
    }

    @Transactional
    ReferralView refer(
            Caller caller,
            CaseFileId caseFileId,
            OrganisationId toOrganisation,
            ReferralService service,
            Referral.Consent consent,
            Set<SharedField> shared,
            String reason,
            LocalDate expiresOn) {
        CaseFileRef file = cases.find(caseFileId).orElseThrow(NotFound::new);
        // The caller's decision on the case file, without the grant: a supervisor's break-glass
        // access to the case file does not cover disclosing the defender to another organisation.
        Decision onFile =
                NeedToKnow.caseFile(caller, new NeedToKnow.CaseFile(file.organisation(), null, file.assignees(), null));
        if (!onFile.isVisible()) {
            throw new NotFound();
        }
        if (!NeedToKnow.mayRefer(onFile)) {
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
                Ids.next(ReferralId::new),
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
        return render(caller, guard.decide(referral, caller));
    }

    /** A defender's own referrals, newest first, as the defender sees them: where to and their status. */
    @Transactional(readOnly = true)
    List<ReferralView> mine(Caller caller) {
        return defenders.findBySubject(caller.subject()).stream()
                .flatMap(self -> referrals.findByDefenderIdOrderByCreatedAtDesc(self.id()).stream())
                .map(referral -> guard.decide(referral, caller))
                .filter(guarded -> guarded.decision().isVisible())
                .map(guarded -> render(caller, guarded))
                .toList();
    }

    @Transactional
    ReferralView view(Caller caller, UUID id) {
        return render(caller, guard.visible(id, caller));
    }

    @Transactional
    ReferralView move(Caller caller, UUID id, ReferralMove move) {
        ReferralGuard.Guarded guarded = guard.visible(id, caller);
        // A side that may see the referral but not make this move gets 403.
        if (!guarded.decision().allows(move)) {
            throw new Forbidden();
        }
        Referral referral = guarded.referral();
        var at = clock.instant();
        switch (move) {
            case ACCEPT -> referral.accept(caller.subject(), at, today());
            case DECLINE -> referral.decline(caller.subject(), at, today());
            case WITHDRAW -> referral.withdraw(caller.subject(), at, today());
            case CLOSE -> referral.close(caller.subject(), at, today());
        }
        referrals.saveAndFlush(referral);
        return render(caller, guarded);
    }

    @Transactional
    List<RecordHistory.Entry> history(Caller caller, UUID id) {
        if (!guard.visible(id, caller).decision().mayReadHistory()) {
            throw new NotFound();
        }
        // The other organisation's staff are not named (as in the audit API): only that it acted.
        return history.of(caller, Referral.class, Referral.ENTITY, id).stream()
                .map(entry ->
                        entry.organisation().equals(caller.organisation().value()) ? entry : entry.withoutSubject())
                .toList();
    }

    long version(UUID id) {
        return referrals.findById(id).map(Referral::version).orElseThrow(NotFound::new);
    }

    private ReferralView render(Caller caller, ReferralGuard.Guarded guarded) {
        Referral referral = guarded.referral();
        ReferralSide side = guarded.decision().side();
        return switch (side) {
            case SENDER, BREAK_GLASS -> {
                boolean sender = side == ReferralSide.SENDER;
                String purpose = sender ? "casework" : Visibility.BREAK_GLASS_PURPOSE;
                String reason = guarded.defenderErased()
                        ? null
                        : sealedFields
                                .open(
                                        caller,
                                        Referral.ENTITY,
                                        referral.id().value(),
                                        purpose,
                                        List.of(referral.reasonField()))
                                .get("reason");
                yield ReferralView.of(referral, today(), sender ? "sender" : "break-glass", reason, null);
            }
            case RECEIVER -> {
                if (!referral.isLiveOn(today()) || guarded.defenderErased()) {
                    yield ReferralView.of(referral, today(), "receiver", null, null);
                }
                yield ReferralView.of(referral, today(), "receiver", null, shared(caller, referral));
            }
            case SENDING_SUPERVISOR -> ReferralView.of(referral, today(), "sending-supervisor", null, null);
            case DEFENDER -> ReferralView.of(referral, today(), "defender", null, null);
            case NONE -> throw new NotFound();
        };
    }

    /** Opens exactly the shared fields, recorded as one access-log entry on the referral. */
    private Map<String, Object> shared(Caller caller, Referral referral) {
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
                caller,
                new AccessEvent(
                        AccessEvent.Action.READ, Referral.ENTITY, referral.id().value(), names, "referral"),
                fields);
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
