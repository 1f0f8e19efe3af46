package org.sanad.crypto.internal;

import java.text.Normalizer.Form;
import java.util.Locale;

/** The normalisations of {@link org.sanad.crypto.BlindIndex.Normalization}. */
public final class Normalizer {

    private static final String IRAQ = "964";

    private Normalizer() {}

    /**
     * Names in Arabic script (Arabic, Kurdish Sorani) and Latin script (Kurmanji, English…): NFKC,
     * case fold, diacritics and tatweel removed, letter variants folded, Arabic-Indic digits to
     * ASCII, apostrophes removed, other punctuation to a space, whitespace collapsed.
     */
    public static String name(String value) {
        String folded = java.text.Normalizer.normalize(value, Form.NFKC)
                .toUpperCase(Locale.ROOT)
                .toLowerCase(Locale.ROOT);
        String decomposed = java.text.Normalizer.normalize(folded, Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        boolean pendingSpace = false;
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            int mapped = foldLetter(cp);
            if (mapped == SKIP) {
                continue;
            }
            if (mapped == SPACE) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.appendCodePoint(mapped);
        }
        return java.text.Normalizer.normalize(out, Form.NFC);
    }

    private static final int SKIP = -1;
    private static final int SPACE = -2;

    private static int foldLetter(int cp) {
        switch (cp) {
            // alef variants (madda, hamza above and below arrive decomposed, their marks removed)
            case 0x0671, 0x0672, 0x0673, 0x0675:
                return 0x0627;
            // alef maksura, Farsi yeh, Kurdish yeh with small v -> yeh
            case 0x0649, 0x06CC, 0x06CE, 0x06D0:
                return 0x064A;
            // keheh, swash kaf -> kaf
            case 0x06A9, 0x06AA:
                return 0x0643;
            // teh marbuta, Kurdish ae, heh doachashmee, heh goal -> heh
            case 0x0629, 0x06C3, 0x06D5, 0x06BE, 0x06C1:
                return 0x0647;
            // Kurdish oe and waw variants -> waw
            case 0x06C6, 0x06C7, 0x06C8, 0x06CB:
                return 0x0648;
            // Kurdish reh and lam with small v -> reh, lam
            case 0x0695:
                return 0x0631;
            case 0x06B5:
                return 0x0644;
            // standalone hamza, high hamza, tatweel: removed
            case 0x0621, 0x0674, 0x0640:
                return SKIP;
            // apostrophes inside names: removed (O'Brien = OBrien)
            case 0x0027, 0x2019, 0x2018, 0x02BC, 0x0060, 0x00B4:
                return SKIP;
            default:
                break;
        }
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
            return SKIP;
        }
        if (type == Character.DECIMAL_DIGIT_NUMBER) {
            return '0' + Character.digit(cp, 10);
        }
        if (Character.isLetterOrDigit(cp) || type == Character.COMBINING_SPACING_MARK) {
            return cp;
        }
        return SPACE;
    }

    /**
     * A phone number as E.164 ({@code +} and digits). Local Iraqi forms ({@code 0770 123 4567},
     * {@code 770 123 4567}) get {@code +964}; {@code 00} and {@code +} forms keep their country
     * code; a trunk zero after {@code +964} is dropped.
     *
     * @throws IllegalArgumentException if the value is not a phone number (the value is not echoed)
     */
    public static String phone(String value) {
        String text = java.text.Normalizer.normalize(value, Form.NFKC).strip();
        StringBuilder digits = new StringBuilder();
        boolean plus = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER) {
                digits.append((char) ('0' + Character.digit(cp, 10)));
            } else if (cp == '+' && digits.isEmpty() && !plus) {
                plus = true;
            } else if (!(Character.isWhitespace(cp)
                    || Character.isSpaceChar(cp)
                    || cp == '-'
                    || cp == '.'
                    || cp == '('
                    || cp == ')'
                    || cp == '/'
                    || Character.getType(cp) == Character.FORMAT)) {
                throw new IllegalArgumentException("not a phone number");
            }
        }
        String d = digits.toString();
        String international;
        if (plus) {
            international = d;
        } else if (d.startsWith("00")) {
            international = d.substring(2);
        } else if (d.startsWith("0")) {
            international = IRAQ + d.substring(1);
        } else if (d.startsWith(IRAQ) && d.length() >= 11) {
            international = d;
        } else {
            international = IRAQ + d;
        }
        if (international.startsWith(IRAQ + "0")) {
            international = IRAQ + international.substring(4);
        }
        if (international.length() < 8 || international.length() > 15 || international.startsWith("0")) {
            throw new IllegalArgumentException("not a phone number");
        }
        return "+" + international;
    }

    /** An e-mail address: NFKC, trimmed, lower case. */
    public static String email(String value) {
        return java.text.Normalizer.normalize(value, Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }

    /** Exact values: NFC only. */
    public static String exact(String value) {
        return java.text.Normalizer.normalize(value, Form.NFC);
    }
}
