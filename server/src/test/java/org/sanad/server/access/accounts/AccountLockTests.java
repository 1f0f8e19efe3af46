package org.sanad.server.access.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AccountLockTests {

    static final String DEFENDER = "5b0c7a5e-3f52-4d6e-9a43-0d0a4f6b1c11";
    static final String SUPERVISOR = "9e1f2a6b-7c3d-4e5f-8a9b-0c1d2e3f4a5b";
    static final Instant T0 = Instant.parse("2026-11-22T10:00:00.250Z");

    static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    static AccountLock aLockedAccount() {
        AccountLock lock = AccountLock.of(DEFENDER);
        lock.lockDown(DEFENDER, at(T0));
        return lock;
    }

    @Test
    void lockdownLocksTheAccountFromNowAndRecordsWhoAndWhen() {
        AccountLock lock = aLockedAccount();

        assertThat(lock.locked()).isTrue();
        assertThat(lock.notBefore()).isEqualTo(T0);
        assertThat(lock.changes()).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(LockChange.Kind.LOCKDOWN);
            assertThat(change.actor()).isEqualTo(DEFENDER);
            assertThat(change.at()).isEqualTo(T0);
            assertThat(change.reason()).isNull();
        });
        assertThat(lock.events()).containsExactly(new AccountLockedDown(DEFENDER, DEFENDER, T0));
    }

    @Test
    void repeatedLockdownMovesTheCutOffForwardNeverBack() {
        AccountLock lock = aLockedAccount();

        lock.lockDown(SUPERVISOR, at(T0.plusSeconds(30)));
        assertThat(lock.notBefore()).isEqualTo(T0.plusSeconds(30));

        lock.lockDown(SUPERVISOR, at(T0.minusSeconds(5)));
        assertThat(lock.notBefore()).isEqualTo(T0.plusSeconds(30));
        assertThat(lock.changes()).hasSize(3);
    }

    @Test
    void unlockKeepsTheCutOffSoOldTokensStayRefused() {
        AccountLock lock = aLockedAccount();

        lock.unlock(SUPERVISOR, "Confirmed safe by phone with the defender", at(T0.plusSeconds(600)));

        assertThat(lock.locked()).isFalse();
        assertThat(lock.notBefore()).isEqualTo(T0);
        assertThat(lock.changes().getLast().kind()).isEqualTo(LockChange.Kind.UNLOCK);
        assertThat(lock.changes().getLast().actor()).isEqualTo(SUPERVISOR);
        assertThat(lock.events().getLast()).isInstanceOf(AccountUnlocked.class);
    }

    @Test
    void unlockOfAnAccountThatIsNotLockedIsRefused() {
        AccountLock lock = aLockedAccount();
        lock.unlock(SUPERVISOR, "Confirmed safe by phone with the defender", at(T0.plusSeconds(1)));

        assertThatThrownBy(() -> lock.unlock(SUPERVISOR, "Confirmed safe by phone again, twice", at(T0)))
                .isInstanceOf(NotLocked.class);
        assertThatThrownBy(() -> AccountLock.of(DEFENDER).unlock(SUPERVISOR, "Never locked in the first place", at(T0)))
                .isInstanceOf(NotLocked.class);
    }

    @Test
    void lockedAccountRefusesEveryTokenAndUnlockedOneOnlyTokensFromBeforeTheLockdown() {
        var locked = new TokenCutoff(T0, true);
        var unlocked = new TokenCutoff(T0, false);

        assertThat(locked.refuses(T0.minusSeconds(1))).isTrue();
        assertThat(locked.refuses(T0.plusSeconds(3600))).isTrue();
        assertThat(unlocked.refuses(T0.minusSeconds(1))).isTrue();
        // iat has whole seconds: a token issued in the lockdown's second, before it, is refused.
        assertThat(unlocked.refuses(Instant.parse("2026-11-22T10:00:00Z"))).isTrue();
        assertThat(unlocked.refuses(T0.plusSeconds(1))).isFalse();
    }

    @Test
    void unlockReasonNeverShowsInTextOutput() {
        var event = new AccountUnlocked(DEFENDER, SUPERVISOR, T0, "Spoke with Layla at the safe house");

        assertThat(event.toString()).doesNotContain("Layla").contains("redacted");
        assertThat(new LockdownController.UnlockRequest("Spoke with Layla at the safe house").toString())
                .doesNotContain("Layla");
    }
}
