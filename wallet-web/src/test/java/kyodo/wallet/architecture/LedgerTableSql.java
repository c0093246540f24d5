package kyodo.wallet.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds SQL that names the ledger's own tables in source files. ArchUnit reads class files, where SQL is only a
 * string constant it cannot see, so this reads the sources of every source set (main, test, benchmarks) instead.
 */
final class LedgerTableSql {
    /** The tables only ledger-core may name. */
    static final String TABLES = "entry|leg|account|account_day\\w*|asset_day\\w*|ledger_head";

    /** A keyword of SQL that names a table, then one of the ledger's tables, in any case and across lines. */
    static final Pattern NAMED = Pattern.compile("\\b(from|join|into|update|table)\\s+(" + TABLES + ")\\b",
            Pattern.CASE_INSENSITIVE);

    private static final List<String> SOURCE_SUFFIXES = List.of(".java", ".kt", ".groovy", ".sql");

    /** One place where a source names a ledger table. */
    record Finding(Path file, int line, String text) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + text;
        }
    }

    private LedgerTableSql() {
    }

    /** Every place in {@code text} that names a ledger table, as (line, what matched). */
    static List<Finding> in(Path file, String text) {
        List<Finding> found = new ArrayList<>();
        Matcher matcher = NAMED.matcher(text);
        while (matcher.find()) {
            int line = 1;
            for (int i = 0; i < matcher.start(); i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
            found.add(new Finding(file, line, matcher.group().replaceAll("\\s+", " ")));
        }
        return found;
    }

    /** Every place in the source files under {@code roots} (each a module's {@code src}) that names a table. */
    static List<Finding> under(List<Path> roots) {
        List<Finding> found = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                throw new IllegalStateException("no sources at " + root + ": the check would pass by reading nothing");
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).filter(LedgerTableSql::source).toList()) {
                    found.addAll(in(root.getParent().relativize(file), Files.readString(file, StandardCharsets.UTF_8)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return found;
    }

    /** How many source files the check reads under {@code roots}. */
    static long sources(List<Path> roots) {
        long count = 0;
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                count += files.filter(Files::isRegularFile).filter(LedgerTableSql::source).count();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return count;
    }

    private static boolean source(Path file) {
        String name = file.getFileName().toString();
        return SOURCE_SUFFIXES.stream().anyMatch(name::endsWith);
    }
}
