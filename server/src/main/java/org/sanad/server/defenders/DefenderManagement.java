package org.sanad.server.defenders;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sanad.crypto.BlindIndex.Normalization;
import org.sanad.crypto.Keyring;
import org.sanad.server.access.BreakGlassGrants;
import org.sanad.server.access.BreakGlassTarget;
import org.sanad.server.access.BreakGlassTargets;
import org.sanad.server.access.Callers;
import org.sanad.server.access.CurrentUser;
import org.sanad.server.access.NeedToKnow;
import org.sanad.server.access.Role;
import org.sanad.server.access.Visibility;
import org.sanad.server.audit.AccessEvent;
import org.sanad.server.audit.AccessLog;
import org.sanad.server.audit.RecordHistory;
import org.sanad.server.audit.Tombstones;
import org.sanad.server.common.Ids;
import org.sanad.server.encryption.BlindIndexes;
import org.sanad.server.encryption.BlindIndexes.Indexed;
import org.sanad.server.encryption.SealedField;
import org.sanad.server.encryption.SealedFields;
import org.sanad.server.web.Conflict;
import org.sanad.server.web.Forbidden;
import org.sanad.server.web.NotFound;
import org.sanad.server.web.Versions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers, shows, changes, finds and erases defender profiles, each under need-to-know. */
@Service
public class DefenderManagement implements DefenderDirectory, BreakGlassTargets {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Defenders defenders;
    private final SealedFields sealedFields;
    private final BlindIndexes blindIndexes;
    private final Keyring keyring;
    private final AccessLog accessLog;
    private final ObjectProvider<DefenderWork> work;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final RecordHistory history;
    private final Tombstones tombstones;
    private final BreakGlassGrants breakGlass;

    DefenderManagement(
            Defenders defenders,
            SealedFields sealedFields,
            BlindIndexes blindIndexes,
            Keyring keyring,
            AccessLog accessLog,
            ObjectProvider<DefenderWork> work,
            ApplicationEventPublisher events,
            Clock clock,
            RecordHistory history,
            Tombstones tombstones,
            BreakGlassGrants breakGlass) {
        this.history = history;
        this.tombstones = tombstones;
        this.breakGlass = breakGlass;
        this.defenders = defenders;
        this.sealedFields = sealedFields;
        this.blindIndexes = blindIndexes;
        this.keyring = keyring;
        this.accessLog = accessLog;
        this.work = work;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    DefenderView register(DefenderProfile profile) {
        CurrentUser caller = Callers.current();
        String subject = null;
        if (caller.has(Role.DEFENDER)) {
            if (defenders.findByKeycloakSubject(caller.subject()).isPresent()) {
                throw new Conflict("profile-exists", "You have a profile already");
            }
            subject = caller.subject();
        }
        UUID id = Ids.newId();
        sealedFields.createDefenderKey(caller.organisation(), id);
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
        events.publishEvent(new DefenderRegistered(id, defender.organisation(), clock.instant()));
        return DefenderView.content(defender, Visibility.CONTENT, open(defender, purpose(caller, defender)));
    }

    @Transactional
    DefenderView view(UUID id) {
        CurrentUser caller = Callers.current();
        Defender defender = visible(id, caller);
        return render(defender, caller);
    }

    @Transactional
    DefenderView change(UUID id, long expectedVersion, DefenderProfile change) {
        CurrentUser caller = Callers.current();
        Defender defender = visible(id, caller);
        if (!visibility(defender, caller).allowsContent()) {
            throw new Forbidden();
        }
        Versions.check(expectedVersion, defender.version());
        defender.change(change, sealedFields);
        defenders.saveAndFlush(defender);
        index(defender, change);
        return render(defender, caller);
    }

    /** Exact-match search in the caller's organisation; answers ids and pseudonyms only. */
    @Transactional
    List<DefenderHit> search(String field, String value) {
        CurrentUser caller = Callers.current();
        Normalization normalization =
                switch (field) {
                    case "legalName" -> Normalization.NAME;
                    case "phone" -> Normalization.PHONE;
                    case "email" -> Normalization.EMAIL;
                    default -> throw new IllegalArgumentException("not an indexed field");
                };
        accessLog.record(new AccessEvent(AccessEvent.Action.SEARCH, Defender.ENTITY, null, List.of(field), "search"));
        var probe = new Indexed(field, normalization, value);
        return blindIndexes
                .find(caller.organisation(), Defender.ENTITY, probe, rowId -> defenders
                        .findById(rowId)
                        .filter(d -> d.organisation().equals(caller.organisation()) && !d.isErased())
                        .flatMap(d -> d.sealedFields().stream()
                                .filter(f -> f.name().equals(field))
                                .findFirst()))
                .stream()
                .map(defenders::findById)
                .flatMap(Optional::stream)
                .map(d -> new DefenderHit(d.id(), d.pseudonym()))
                .toList();
    }

    /**
     * Crypto-shreds a defender: destroys every version of their key, deletes their blind-index
     * rows, and marks the profile erased. Ciphertexts everywhere (history included) become noise.
     */
    @Transactional
    void erase(UUID id, String request) {
        CurrentUser caller = Callers.current();
        Defender defender = defenders
                .findById(id)
                .filter(d -> d.organisation().equals(caller.organisation()))
                .orElseThrow(NotFound::new);
        if (defender.isErased()) {
            throw new Conflict("defender-erased", "The defender's personal data was erased");
        }
        accessLog.record(new AccessEvent(AccessEvent.Action.ERASURE, Defender.ENTITY, id, List.of(), request));
        blindIndexes.deleteAllOf(id);
        defender.markErased(clock.instant());
        defenders.saveAndFlush(defender);
        Keyring.Tombstone tombstone = keyring.shred(defender.organisation(), id);
        tombstones.record(
                id,
                defender.organisation(),
                tombstone.destroyedVersions(),
                tombstone.digest(),
                tombstone.destroyedAt());
        events.publishEvent(new DefenderPersonalDataErased(
                id,
                defender.organisation(),
                tombstone.destroyedVersions(),
                tombstone.digest(),
                tombstone.destroyedAt()));
    }

    /**
     * The sealed (still encrypted) fields of a defender, by name, for a module that discloses them
     * under its own need-to-know decision and access-log entry (a live referral).
     */
    @Transactional(readOnly = true)
    public List<SealedField> sealedFieldsOf(UUID defenderId, java.util.Set<String> names) {
        return defenders.findById(defenderId).filter(d -> !d.isErased()).stream()
                .flatMap(d -> d.sealedFields().stream())
                .filter(f -> names.contains(f.name()))
                .toList();
    }

    /** The change history of a profile, for whoever may see it now, and its organisation's supervisors. */
    @Transactional
    List<RecordHistory.Entry> history(UUID id) {
        CurrentUser caller = Callers.current();
        defenders
                .findById(id)
                .filter(d -> visibility(d, caller).isVisible() || NeedToKnow.isSupervisorOf(caller, d.organisation()))
                .orElseThrow(NotFound::new);
        return history.of(Defender.class, Defender.ENTITY, id);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean callerSeesContentOf(UUID defenderId) {
        CurrentUser caller = Callers.current();
        return defenders
                .findById(defenderId)
                .map(d -> visibility(d, caller).allowsContent())
                .orElse(false);
    }

    long version(UUID id) {
        return defenders.findById(id).map(Defender::version).orElseThrow(NotFound::new);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<DefenderRef> find(UUID defenderId) {
        return defenders.findById(defenderId).map(DefenderManagement::ref);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<DefenderRef> findBySubject(String subject) {
        return defenders.findByKeycloakSubject(subject).map(DefenderManagement::ref);
    }

    private static DefenderRef ref(Defender d) {
        return new DefenderRef(d.id(), d.organisation(), d.pseudonym(), d.keycloakSubject(), d.isErased());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<BreakGlassTarget> breakGlassTarget(UUID recordId) {
        return defenders
                .findById(recordId)
                .map(d -> new BreakGlassTarget(Defender.ENTITY, d.id(), d.organisation(), d.id(), d.isErased()));
    }

    private DefenderView render(Defender defender, CurrentUser caller) {
        Visibility visibility = visibility(defender, caller);
        if (defender.isErased() || !visibility.allowsContent()) {
            return DefenderView.metadata(defender);
        }
        return DefenderView.content(
                defender, visibility, open(defender, visibility.purpose(purpose(caller, defender))));
    }

    private java.util.Map<String, String> open(Defender defender, String purpose) {
        List<SealedField> fields = defender.sealedFields();
        return sealedFields.open(Defender.ENTITY, defender.id(), purpose, fields);
    }

    private Defender visible(UUID id, CurrentUser caller) {
        return defenders
                .findById(id)
                .filter(d -> visibility(d, caller).isVisible())
                .orElseThrow(NotFound::new);
    }

    Visibility visibility(Defender defender, CurrentUser caller) {
        boolean works = caller.subject().equals(defender.registeredBy())
                || work.orderedStream().anyMatch(w -> w.worksWith(caller.subject(), defender.id()));
        return NeedToKnow.defenderProfile(
                caller,
                defender.organisation(),
                defender.keycloakSubject(),
                works,
                breakGlass.holds(caller, defender.id()));
    }

    private static String purpose(CurrentUser caller, Defender defender) {
        return caller.subject().equals(defender.keycloakSubject()) ? "self" : "casework";
    }

    private void index(Defender defender, DefenderProfile profile) {
        if (profile.legalName() != null) {
            blindIndexes.index(
                    defender.organisation(),
                    Defender.ENTITY,
                    defender.id(),
                    defender.id(),
                    new Indexed("legalName", Normalization.NAME, profile.legalName()));
        }
        if (profile.phone() != null) {
            blindIndexes.index(
                    defender.organisation(),
                    Defender.ENTITY,
                    defender.id(),
                    defender.id(),
                    new Indexed("phone", Normalization.PHONE, profile.phone()));
        }
        if (profile.email() != null) {
            blindIndexes.index(
                    defender.organisation(),
                    Defender.ENTITY,
                    defender.id(),
                    defender.id(),
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
