package org.sanad.server.defenders;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.sanad.crypto.BlindIndex.Normalization;
import org.sanad.crypto.Keyring;
import org.sanad.server.access.Caller;
import org.sanad.server.access.NeedToKnow;
import org.sanad.server.access.NeedToKnow.Visibility;
import org.sanad.server.access.Role;
import org.sanad.server.audit.AccessEvent;
import org.sanad.server.audit.AccessLog;
import org.sanad.server.audit.RecordHistory;
import org.sanad.server.audit.Tombstones;
import org.sanad.server.common.identity.DefenderId;
import org.sanad.server.common.identity.Ids;
import org.sanad.server.common.identity.Subject;
import org.sanad.server.encryption.BlindIndexes;
import org.sanad.server.encryption.BlindIndexes.Indexed;
import org.sanad.server.encryption.SealedField;
import org.sanad.server.encryption.SealedFields;
import org.sanad.server.web.ProblemException.Conflict;
import org.sanad.server.web.ProblemException.Forbidden;
import org.sanad.server.web.ProblemException.NotFound;
import org.sanad.server.web.Versions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers, shows, changes, finds and erases defender profiles, each under need-to-know. */
@Service
class DefenderManagement implements DefenderDirectory {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Defenders defenders;
    private final SealedFields sealedFields;
    private final BlindIndexes blindIndexes;
    private final Keyring keyring;
    private final AccessLog accessLog;
    private final DefenderGuard guard;
    private final Clock clock;
    private final RecordHistory history;
    private final Tombstones tombstones;
    private final DefenderWork work;

    DefenderManagement(
            Defenders defenders,
            SealedFields sealedFields,
            BlindIndexes blindIndexes,
            Keyring keyring,
            AccessLog accessLog,
            DefenderGuard guard,
            Clock clock,
            RecordHistory history,
            Tombstones tombstones,
            DefenderWork work) {
        this.work = work;
        this.history = history;
        this.tombstones = tombstones;
        this.defenders = defenders;
        this.sealedFields = sealedFields;
        this.blindIndexes = blindIndexes;
        this.keyring = keyring;
        this.accessLog = accessLog;
        this.guard = guard;
        this.clock = clock;
    }

    @Transactional
    DefenderView register(Caller caller, DefenderProfile profile) {
        Subject subject = null;
        if (caller.has(Role.DEFENDER)) {
            if (defenders.findByKeycloakSubject(caller.subject()).isPresent()) {
                throw new Conflict("profile-exists", "You have a profile already");
            }
            subject = caller.subject();
        }
        DefenderId id = Ids.next(DefenderId::new);
        sealedFields.createDefenderKey(caller.organisation().value(), id.value());
        var defender = Defender.register(
                id,
                caller.organisation(),
                newPseudonym(),
                caller.subject(),
                subject,
                clock.instant(),
                profile,
                sealedFields);
        defenders.save(defender);
        index(defender, profile);
        String purpose = subject == null ? "casework" : "self";
        return DefenderView.content(defender, Visibility.CONTENT, open(caller, defender, purpose));
    }

    @Transactional
    DefenderView view(Caller caller, UUID id) {
        return render(caller, guard.visible(id, caller));
    }

    /** The caller's own profile, for a defender who has one: a read of its content, logged as such. */
    @Transactional
    Optional<DefenderView> mine(Caller caller) {
        return myProfile(caller).map(id -> view(caller, id.value()));
    }

    /** The id of the caller's own profile, without reading it. */
    @Transactional(readOnly = true)
    Optional<DefenderId> myProfile(Caller caller) {
        if (!caller.has(Role.DEFENDER)) {
            return Optional.empty();
        }
        return defenders
                .findByKeycloakSubject(caller.subject())
                .filter(d -> !d.isErased())
                .map(Defender::id);
    }

    @Transactional
    DefenderView change(Caller caller, UUID id, long expectedVersion, DefenderProfile change) {
        DefenderGuard.Guarded guarded = guard.visible(id, caller);
        if (!guarded.decision().allowsContent()) {
            throw new Forbidden();
        }
        Defender defender = guarded.defender();
        Versions.check(expectedVersion, defender.version());
        defender.change(change, sealedFields);
        defenders.saveAndFlush(defender);
        index(defender, change);
        return render(caller, guarded);
    }

    /** Exact-match search in the caller's organisation; answers ids and pseudonyms only. */
    @Transactional
    List<DefenderHit> search(Caller caller, String field, String value) {
        Normalization normalization =
                switch (field) {
                    case "legalName" -> Normalization.NAME;
                    case "phone" -> Normalization.PHONE;
                    case "email" -> Normalization.EMAIL;
                    default -> throw new IllegalArgumentException("not an indexed field");
                };
        accessLog.record(
                caller, new AccessEvent(AccessEvent.Action.SEARCH, Defender.ENTITY, null, List.of(field), "search"));
        var probe = new Indexed(field, normalization, value);
        return blindIndexes
                .find(caller.organisation().value(), Defender.ENTITY, probe, rowId -> defenders
                        .findById(rowId)
                        .filter(d -> d.organisation().equals(caller.organisation()) && !d.isErased())
                        .flatMap(d -> d.sealedFields().stream()
                                .filter(f -> f.name().equals(field))
                                .findFirst()))
                .stream()
                .map(defenders::findById)
                .flatMap(Optional::stream)
                .map(d -> new DefenderHit(d.id().value(), d.pseudonym()))
                .toList();
    }

    /**
     * Crypto-shreds a defender: destroys every version of their key, deletes their blind-index
     * rows, and marks the profile erased. Ciphertexts everywhere (history included) become noise.
     */
    @Transactional
    void erase(Caller caller, UUID id, String request) {
        Defender defender = defenders
                .findById(id)
                .filter(d -> d.organisation().equals(caller.organisation()))
                .orElseThrow(NotFound::new);
        if (defender.isErased()) {
            throw new Conflict("defender-erased", "The defender's personal data was erased");
        }
        accessLog.record(caller, new AccessEvent(AccessEvent.Action.ERASURE, Defender.ENTITY, id, List.of(), request));
        blindIndexes.deleteAllOf(id);
        defender.markErased(clock.instant());
        defenders.saveAndFlush(defender);
        Keyring.Tombstone tombstone = keyring.shred(defender.organisation().value(), id);
        tombstones.record(
                id,
                defender.organisation().value(),
                tombstone.destroyedVersions(),
                tombstone.digest(),
                tombstone.destroyedAt());
    }

    @Override
    @Transactional(readOnly = true)
    public List<SealedField> sealedFieldsOf(DefenderId defenderId, Set<String> names) {
        return defenders.findById(defenderId.value()).filter(d -> !d.isErased()).stream()
                .flatMap(d -> d.sealedFields().stream())
                .filter(f -> names.contains(f.name()))
                .toList();
    }

    /** The change history of a profile, for whoever may see it now, and its organisation's supervisors. */
    @Transactional
    List<RecordHistory.Entry> history(Caller caller, UUID id) {
        guard.find(id, caller)
                .filter(g -> NeedToKnow.mayReadProfileHistory(caller, g.facts(), g.decision()))
                .orElseThrow(NotFound::new);
        return history.of(caller, Defender.class, Defender.ENTITY, id);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ReportingDecision> reportingDecision(Caller caller, DefenderId defenderId) {
        return guard.find(defenderId.value(), caller)
                .map(g -> new ReportingDecision(
                        ref(g.defender()), NeedToKnow.mayReportAbout(caller, g.facts(), g.decision())));
    }

    long version(UUID id) {
        return defenders.findById(id).map(Defender::version).orElseThrow(NotFound::new);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<DefenderRef> find(DefenderId defenderId) {
        return defenders.findById(defenderId.value()).map(DefenderManagement::ref);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<DefenderRef> findBySubject(Subject subject) {
        return defenders.findByKeycloakSubject(subject).map(DefenderManagement::ref);
    }

    @Override
    @Transactional(readOnly = true)
    public Set<Subject> staffOn(UUID recordId) {
        return work.staffOn(recordId);
    }

    private static DefenderRef ref(Defender d) {
        return new DefenderRef(d.id(), d.organisation(), d.pseudonym(), d.keycloakSubject(), d.isErased());
    }

    private DefenderView render(Caller caller, DefenderGuard.Guarded guarded) {
        Defender defender = guarded.defender();
        if (defender.isErased() || !guarded.decision().allowsContent()) {
            return DefenderView.metadata(defender);
        }
        return DefenderView.content(
                defender, guarded.decision().visibility(), open(caller, defender, guarded.purpose(caller)));
    }

    private java.util.Map<String, String> open(Caller caller, Defender defender, String purpose) {
        return sealedFields.open(caller, Defender.ENTITY, defender.id().value(), purpose, defender.sealedFields());
    }

    private void index(Defender defender, DefenderProfile profile) {
        if (profile.legalName() != null) {
            blindIndexes.index(
                    defender.organisation().value(),
                    Defender.ENTITY,
                    defender.id().value(),
                    defender.id().value(),
                    new Indexed("legalName", Normalization.NAME, profile.legalName()));
        }
        if (profile.phone() != null) {
            blindIndexes.index(
                    defender.organisation().value(),
                    Defender.ENTITY,
                    defender.id().value(),
                    defender.id().value(),
                    new Indexed("phone", Normalization.PHONE, profile.phone()));
        }
        if (profile.email() != null) {
            blindIndexes.index(
                    defender.organisation().value(),
                    Defender.ENTITY,
                    defender.id().value(),
                    defender.id().value(),
                    new Indexed("email", Normalization.EMAIL, profile.email()));
        }
    }

    private String newPseudonym() {
        String pseudonym;
        do {
            var code = new StringBuilder("HRD-");
            for (int i = 0; i < 6; i++) {
                code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            pseudonym = code.toString();
        } while (defenders.existsByPseudonym(pseudonym));
        return pseudonym;
    }

    record DefenderHit(UUID id, String pseudonym) {}
}
