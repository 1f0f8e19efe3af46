package org.sanad.server.access.breakglass;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sanad.server.access.BreakGlassGrants.Target;
import org.sanad.server.access.BreakGlassGrants.TargetsErased;
import org.sanad.server.common.identity.DefenderId;
import org.sanad.server.common.identity.OrganisationId;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The records there are to break glass on, kept from the events the records register, in the
 * transaction that creates them or erases their defender.
 */
@Component
class BreakGlassTargets {

    /** A record to break glass on, and whether its defender's key is gone. */
    record Found(Target target, boolean defenderErased) {}

    private final JdbcClient jdbc;

    BreakGlassTargets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(Target target) {
        jdbc.sql("insert into break_glass_targets (record_id, record_type, organisation, defender_id)"
                        + " values (?, ?, ?, ?) on conflict (record_id) do nothing")
                .params(
                        target.recordId(),
                        target.recordType(),
                        target.organisation().value(),
                        target.defenderId().value())
                .update();
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(TargetsErased erased) {
        jdbc.sql("update break_glass_targets set defender_erased = true where defender_id = ?")
                .param(erased.defenderId().value())
                .update();
    }

    /** The record with this id; an unknown defender counts as erased. */
    Optional<Found> find(UUID recordId) {
        List<Found> found = jdbc.sql("select record_type, organisation, defender_id, defender_erased"
                        + " from break_glass_targets where record_id = ?")
                .param(recordId)
                .query((row, n) -> new Found(
                        new Target(
                                row.getString("record_type"),
                                recordId,
                                new OrganisationId(row.getString("organisation")),
                                new DefenderId(row.getObject("defender_id", UUID.class))),
                        row.getBoolean("defender_erased")))
                .list();
        return found.stream().findFirst();
    }

    /** Whether the defender's data (and so their key) is gone; an unknown defender counts as erased. */
    boolean defenderErased(DefenderId defender) {
        return find(defender.value()).map(Found::defenderErased).orElse(true);
    }
}
