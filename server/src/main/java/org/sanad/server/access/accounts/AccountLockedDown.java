package org.sanad.server.access.accounts;

import java.time.Instant;

/**
 * An account was locked down: its Keycloak user is being disabled and every token issued to it
 * until {@code at} is refused.
 *
 * @param subject the locked account's Keycloak subject
 * @param by the subject who asked for the lockdown (the same subject for a self-lockdown)
 * @param at when the lockdown took effect
 */
record AccountLockedDown(String subject, String by, Instant at) {}
