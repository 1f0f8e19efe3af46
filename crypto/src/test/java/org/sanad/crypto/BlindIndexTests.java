package org.sanad.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sanad.crypto.Fixtures.ORG;
import static org.sanad.crypto.Fixtures.OTHER_ORG;

import java.time.Clock;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sanad.crypto.BlindIndex.Normalization;
import org.sanad.crypto.internal.AesGcmKeyEncryptionKey;

class BlindIndexTests {

    /** Large enough that distinct values practically never share an index in these tests. */
    private static final long MANY_ROWS = 1L << 40;

    private final WrappedKeyRepository repository = WrappedKeyRepository.inMemory();
    private final KeyEncryptionKey kek = AesGcmKeyEncryptionKey.inMemory("test-kek");
    private final Keyring keyring = Fixtures.aKeyring(repository, kek, Clock.systemUTC());
    private final BlindIndex names =
            keyring.blindIndex(ORG, "defender", "legalName", "exact", Normalization.NAME, MANY_ROWS);
    private final BlindIndex phones =
            keyring.blindIndex(ORG, "defender", "phone", "exact", Normalization.PHONE, MANY_ROWS);

    @Test
    void arabicNameSpellingVariantsShareOneIndex() {
        assertSameIndex(names, "أحمد", "احمد", "إحمد", "آحمد");
        assertSameIndex(names, "مُحَمَّد", "محمد", "محـــمد");
        assertSameIndex(names, "فاطمة", "فاطمه");
        assertSameIndex(names, "علي", "على", "علی");
        assertSameIndex(names, "عائشة", "عايشه");
        assertSameIndex(names, "هيفاء", "هيفا");
    }

    @Test
    void kurdishNameSpellingVariantsShareOneIndex() {
        assertSameIndex(names, "شیرین", "شيرين");
        assertSameIndex(names, "کاروان", "كاروان");
        assertSameIndex(names, "هێمن", "هيمن");
        assertSameIndex(names, "هۆشیار", "هوشيار");
        assertSameIndex(names, "نەسرین", "نهسرين");
        assertSameIndex(names, "ڕێبوار", "ريبوار");
        assertSameIndex(names, "Şêrko Bêkes", "serko bekes", "SERKO  BEKES");
    }

    @Test
    void latinNameVariantsShareOneIndex() {
        assertSameIndex(names, "  Layla   HASSAN ", "layla hassan", "Layla\u00A0Hassan", "Layla\tHassan");
        assertSameIndex(names, "O'Brien", "OBrien", "O’Brien");
        assertSameIndex(names, "Al-Hashimi", "al hashimi");
        assertSameIndex(names, "Zeynep Çelik", "zeynep celik");
        assertSameIndex(names, "Straße", "STRASSE");
    }

    @Test
    void invisibleCharactersAndArabicIndicDigitsAreNormalised() {
        assertSameIndex(names, "عبد\u200Cالله", "عبدالله", "\u200Fعبدالله");
        assertThat(names.normalize("فرقة ٣")).isEqualTo(names.normalize("فرقه 3"));
    }

    @Test
    void differentNamesGetDifferentIndexes() {
        String[] distinct = {
            "احمد",
            "محمد",
            "فاطمه",
            "علي",
            "زينب",
            "حسين",
            "ليلى حسن",
            "نسرين",
            "هيمن",
            "كاروان",
            "layla hassan",
            "omar"
        };
        Set<String> indexes = new HashSet<>();
        for (String name : distinct) {
            indexes.add(HexFormat.of().formatHex(names.compute(name)));
        }
        assertThat(indexes).hasSize(distinct.length);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "+964 770 123 4567",
                "+9647701234567",
                "00964 770 123 4567",
                "0770 123 4567",
                "07701234567",
                "770 123 4567",
                "964 770 123 4567",
                "+964 (0)770 123 4567",
                "0770-123-4567",
                "٠٧٧٠ ١٢٣ ٤٥٦٧",
                "۰۷۷۰۱۲۳۴۵۶۷",
                "+٩٦٤ ٧٧٠ ١٢٣ ٤٥٦٧"
            })
    void localAndInternationalFormsOfAnIraqiPhoneShareOneE164Value(String form) {
        assertThat(phones.normalize(form)).isEqualTo("+9647701234567");
        assertThat(phones.compute(form)).isEqualTo(phones.compute("+9647701234567"));
    }

    @Test
    void foreignNumbersKeepTheirCountryCode() {
        assertThat(phones.normalize("+44 20 7946 0958")).isEqualTo("+442079460958");
        assertThat(phones.normalize("0044 20 7946 0958")).isEqualTo("+442079460958");
    }

    @Test
    void somethingThatIsNotAPhoneNumberIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> phones.compute("call Layla"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a phone number");
        assertThatThrownBy(() -> phones.compute("12")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emailsAreCaseAndSpaceInsensitive() {
        BlindIndex emails = keyring.blindIndex(ORG, "defender", "email", "exact", Normalization.EMAIL);

        assertSameIndex(emails, " Layla.Hassan@Example.org ", "layla.hassan@example.org");
    }

    @Test
    void indexesDifferAcrossOrganisationsEntitiesFieldsAndIndexNames() {
        String value = "Layla Hassan";
        Set<String> indexes = new HashSet<>();
        indexes.add(hex(names.compute(value)));
        indexes.add(hex(keyring.blindIndex(OTHER_ORG, "defender", "legalName", "exact", Normalization.NAME, MANY_ROWS)
                .compute(value)));
        indexes.add(hex(keyring.blindIndex(ORG, "contact", "legalName", "exact", Normalization.NAME, MANY_ROWS)
                .compute(value)));
        indexes.add(hex(keyring.blindIndex(ORG, "defender", "otherNames", "exact", Normalization.NAME, MANY_ROWS)
                .compute(value)));
        indexes.add(hex(keyring.blindIndex(ORG, "defender", "legalName", "prefix", Normalization.NAME, MANY_ROWS)
                .compute(value)));

        assertThat(indexes).hasSize(5);
    }

    @Test
    void indexIsStableAcrossRestartsAndKeyEncryptionKeyRotation() {
        byte[] before = names.compute("Layla Hassan");

        keyring.rotateKeyEncryptionKey();
        Keyring restarted = Fixtures.aKeyring(repository, kek, Clock.systemUTC());

        assertThat(restarted
                        .blindIndex(ORG, "defender", "legalName", "exact", Normalization.NAME, MANY_ROWS)
                        .compute("Layla Hassan"))
                .isEqualTo(before);
    }

    @Test
    void indexKeysAreIndependentOfDefenderKeys() {
        byte[] before = names.compute("Layla Hassan");
        keyring.createDefenderKey(ORG, Fixtures.DEFENDER_A);

        keyring.shred(ORG, Fixtures.DEFENDER_A);

        assertThat(names.compute("Layla Hassan")).isEqualTo(before);
    }

    @Test
    void truncatedIndexHasCeilBitsOverEightBytesWithUnusedBitsZero() {
        BlindIndex small = keyring.blindIndex(ORG, "defender", "legalName", "exact", Normalization.NAME, 1_000_000);

        assertThat(small.bits()).isEqualTo(18);
        for (String name : new String[] {"a", "b", "c", "d", "e", "f", "g", "h"}) {
            byte[] index = small.compute(name);
            assertThat(index).hasSize(3);
            assertThat(index[2] & 0x3F).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {32, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 1_000_000_000, 1L << 40})
    void truncationKeepsExpectedCoincidencesWithinTheBudgetOfCryptoSection4(long projectedRows) {
        int bits = BlindIndex.bitsFor(projectedRows);
        double coincidences = projectedRows / Math.pow(2, bits);

        assertThat(coincidences).isGreaterThanOrEqualTo(2).isLessThan(Math.sqrt(projectedRows));
        assertThat(BlindIndex.withinBudget(projectedRows, bits + 1))
                .as("one more bit would leave fewer than 2 coincidences")
                .isFalse();
    }

    @Test
    void defaultConfigurationIsWithinTheBudget() {
        int bits = keyring.blindIndex(ORG, "defender", "legalName", "exact", Normalization.NAME)
                .bits();

        assertThat(BlindIndex.withinBudget(BlindIndex.DEFAULT_PROJECTED_ROWS, bits))
                .isTrue();
    }

    @Test
    void tooFewProjectedRowsForAnyTruncationAreRefused() {
        assertThatThrownBy(() -> BlindIndex.bitsFor(10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void indexPrintsWithoutItsKey() {
        assertThat(names.toString()).contains("redacted");
    }

    private static void assertSameIndex(BlindIndex index, String first, String... others) {
        for (String other : others) {
            assertThat(index.normalize(other)).as("normalised %s", other).isEqualTo(index.normalize(first));
            assertThat(index.compute(other)).isEqualTo(index.compute(first));
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
