package org.sanad.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecretBytesTests {

    @Test
    void secretPrintsAsRedacted() {
        SecretBytes secret = SecretBytes.copyOf(new byte[] {1, 2, 3});

        assertThat(secret).hasToString("[redacted]");
        assertThat("key=" + secret).isEqualTo("key=[redacted]");
    }

    @Test
    void destroyingZeroesAndForbidsFurtherUse() {
        SecretBytes secret = SecretBytes.random(32);

        secret.destroy();

        assertThat(secret.isDestroyed()).isTrue();
        assertThatThrownBy(secret::toByteArray).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void contentsCompareOnlyThroughTheConstantTimeMethod() {
        SecretBytes one = SecretBytes.copyOf(new byte[] {1, 2, 3});
        SecretBytes same = SecretBytes.copyOf(new byte[] {1, 2, 3});
        SecretBytes other = SecretBytes.copyOf(new byte[] {1, 2, 4});

        assertThat(one).isNotEqualTo(same);
        assertThat(one.equalsConstantTime(same)).isTrue();
        assertThat(one.equalsConstantTime(other)).isFalse();
    }

    @Test
    void copiesAreIndependentOfTheSource() {
        byte[] source = {1, 2, 3};
        SecretBytes secret = SecretBytes.copyOf(source);
        source[0] = 9;

        assertThat(secret.toByteArray()).containsExactly(1, 2, 3);
    }
}
