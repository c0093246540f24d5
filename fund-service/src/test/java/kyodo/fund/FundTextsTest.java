package kyodo.fund;

import kyodo.fund.books.Field;
import kyodo.fund.directory.GroupType;
import kyodo.fund.donation.Donation;
import kyodo.fund.grant.Application;
import kyodo.fund.grant.Disbursement;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fund's pages take every text from its bundle ({@code messages-fund.properties}, Japanese, and
 * {@code messages-fund_en.properties}): both languages have the same keys, every key a template names exists, and
 * no template chooses a text by language itself or carries a Japanese text of its own.
 */
class FundTextsTest {
    /** {@code #{fund.report.title(...)}} or {@code #{fund.audit.back}}: a key that a template names outright. */
    private static final Pattern MESSAGE = Pattern.compile("#\\{((?:fund|grant)\\.[A-Za-z0-9_.]+)");
    private static final Pattern JAPANESE = Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");

    @Test
    void bothLanguagesHaveTheSameKeysAndEveryPatternParses() throws IOException {
        Properties japanese = bundle("messages-fund.properties");
        Properties english = bundle("messages-fund_en.properties");

        assertThat(english.stringPropertyNames()).isEqualTo(japanese.stringPropertyNames());
        Properties grantJapanese = bundle("messages-grant.properties");
        Properties grantEnglish = bundle("messages-grant_en.properties");
        assertThat(grantEnglish.stringPropertyNames()).isEqualTo(grantJapanese.stringPropertyNames());
        for (Properties texts : List.of(japanese, english, grantJapanese, grantEnglish)) {
            for (String key : texts.stringPropertyNames()) {
                String text = texts.getProperty(key);
                assertThat(text).as(key).isNotBlank();
                if (text.contains("{")) {
                    new MessageFormat(text, Locale.ROOT); // throws on an unbalanced quote or brace
                }
            }
        }
    }

    @Test
    void japaneseIsWrittenAsTheWardWritesIt() throws IOException {
        Properties japanese = bundle("messages-fund.properties");
        for (String key : japanese.stringPropertyNames()) {
            assertThat(japanese.getProperty(key)).as(key).doesNotContain("寄付");
        }
        assertThat(japanese.getProperty("fund.donate.heading")).isEqualTo("基金に寄附する");
    }

    @Test
    void everyKeyThatATemplateNamesIsInTheBundle() throws Exception {
        Set<String> keys = new TreeSet<>(bundle("messages-fund.properties").stringPropertyNames());
        keys.addAll(bundle("messages-grant.properties").stringPropertyNames());
        Set<String> missing = new TreeSet<>();
        for (Path template : templates()) {
            Matcher key = MESSAGE.matcher(Files.readString(template));
            while (key.find()) {
                if (!keys.contains(key.group(1))) {
                    missing.add(template.getFileName() + ": " + key.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyNameThatATemplateBuildsFromAValueIsInTheBundle() throws IOException {
        Set<String> keys = bundle("messages-fund.properties").stringPropertyNames();
        List<String> wanted = new ArrayList<>();
        Stream.of(Field.values()).forEach(f -> wanted.add("fund.field." + f.code()));
        Stream.of(GroupType.values()).forEach(t -> wanted.add("fund.groupType." + t.name()));
        Stream.of(Donation.Status.values()).forEach(s -> wanted.add("fund.donations.status." + s.name()));
        Stream.of(Application.Status.values()).forEach(s -> wanted.add("fund.applications.status." + s.name()));
        Stream.of(Disbursement.Status.values()).forEach(s -> wanted.add("fund.program.tranche." + s.name()));

        assertThat(keys).containsAll(wanted);
    }

    @Test
    void noTemplateChoosesItsTextByLanguageOrHoldsAJapaneseText() throws Exception {
        List<String> found = new ArrayList<>();
        for (Path template : templates()) {
            String html = Files.readString(template);
            if (html.contains("${en}")) {
                found.add(template.getFileName() + ": ${en}");
            }
            Matcher japanese = JAPANESE.matcher(html);
            if (japanese.find()) {
                found.add(template.getFileName() + ": " + html.substring(japanese.start(),
                        Math.min(html.length(), japanese.start() + 20)));
            }
        }
        assertThat(found).isEmpty();
    }

    private static Properties bundle(String name) throws IOException {
        Properties texts = new Properties();
        try (InputStream in = FundTextsTest.class.getResourceAsStream("/" + name);
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            texts.load(reader);
        }
        return texts;
    }

    private static List<Path> templates() throws IOException, URISyntaxException {
        Path root = Path.of(FundTextsTest.class.getResource("/templates/fund").toURI());
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> html = files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
            assertThat(html).hasSizeGreaterThan(15);
            return html;
        }
    }
}
