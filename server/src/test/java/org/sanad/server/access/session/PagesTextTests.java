package org.sanad.server.access.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The pages' words and letters: every message in both languages, and a font for Arabic and Sorani. */
class PagesTextTests {

    private static Properties bundle(String name) throws IOException {
        var properties = new Properties();
        try (InputStream in = PagesTextTests.class.getResourceAsStream("/i18n/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void everyMessageKeyExistsInArabicAndInEnglish() throws IOException {
        Set<String> english = new TreeSet<>(bundle("messages.properties").stringPropertyNames());
        Set<String> arabic = new TreeSet<>(bundle("messages_ar.properties").stringPropertyNames());
        assertThat(arabic).isEqualTo(english);
        assertThat(bundle("messages_ar.properties").values())
                .allSatisfy(value -> assertThat((String) value).isNotBlank());
    }

    /** Literal keys in the templates ({@code #{key}}) all exist; computed ones are checked by the browser tests. */
    @Test
    void everyKeyATemplateNamesExists() throws IOException {
        Set<String> keys = bundle("messages.properties").stringPropertyNames();
        Pattern literal = Pattern.compile("#\\{([a-z][a-zA-Z0-9.\\-]*)[}(]");
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path template :
                    templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = literal.matcher(Files.readString(template));
                while (m.find()) {
                    assertThat(keys).as(template + " names " + m.group(1)).contains(m.group(1));
                }
            }
        }
    }

    @Test
    void theServedArabicFontCoversArabicAndSoraniLetters() throws Exception {
        Font font;
        try (InputStream in = PagesTextTests.class.getResourceAsStream("/static/fonts/NotoNaskhArabic-Regular.ttf")) {
            font = Font.createFont(Font.TRUETYPE_FONT, in);
        }
        // Arabic, and the letters Sorani Kurdish adds: ڕ ڵ ۆ ێ ە ڤ پ چ ژ گ
        String letters = "سندحقوق" + "\u0695\u06B5\u06C6\u06CE\u06D5\u06A4\u067E\u0686\u0698\u06AF";
        assertThat(font.canDisplayUpTo(letters)).isEqualTo(-1);
        assertThat(PagesTextTests.class.getResource("/static/fonts/OFL.txt")).isNotNull();
    }
}
