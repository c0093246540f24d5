package kyodo.wallet.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The architecture of Kyodo as tests. Only ledger-core reads the ledger's tables: no source of fund-service or
 * wallet-web (main, tests or benchmarks) names them in SQL. The modules depend one way, wallet-web → fund-service →
 * ledger-core. And no cycle runs between feature packages. The classes checked are those on this module's test
 * class path: ledger-core (with its test helpers), fund-service and wallet-web (with its tests).
 */
class ArchitectureTest {
    private static JavaClasses classes;
    private static JavaClasses mainClasses;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().importPackages("kyodo");
        mainClasses = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("kyodo");
    }

    @Test
    void noSourceOutsideLedgerCoreNamesTheLedgersTablesInSql() {
        List<Path> roots = moduleSources("fund-service", "wallet-web");
        assertThat(LedgerTableSql.sources(roots)).as("source files read").isGreaterThan(300);

        assertThat(LedgerTableSql.under(roots)).as("SQL on the ledger's tables outside ledger-core; read the books "
                + "through kyodo.ledger.Ledger (or a ledger-core test helper) instead").isEmpty();
    }

    @Test
    void theCheckCatchesSqlThatNamesALedgerTable(@TempDir Path repository) throws IOException {
        // Split so that this file itself does not name a table.
        String leg = "le" + "g";
        String fixture = "class Peek {\n    String sql = \"\"\"\n        select sum(amount)\n          FROM\n    "
                + leg + " where asset = 'PT'\"\"\";\n}\n";
        Path file = repository.resolve("fund-service/src/test/java/kyodo/fund/Peek.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, fixture);

        List<LedgerTableSql.Finding> found = LedgerTableSql.under(List.of(repository.resolve("fund-service/src")));

        assertThat(found).singleElement().satisfies(finding -> {
            assertThat(finding.line()).isEqualTo(4);
            assertThat(finding.text()).isEqualTo("FROM " + leg);
        });
        assertThat(LedgerTableSql.in(file, "insert in" + "to account_day_closed (day)")).hasSize(1);
        assertThat(LedgerTableSql.in(file, "upd" + "ate account set code = 'x'")).hasSize(1);
        assertThat(LedgerTableSql.in(file, "select * from report_fund_movement join fund_award on true"
                + " -- points from accounts, a legend, an entry")).isEmpty();
    }

    @Test
    void theBooksDependOnNeitherTheFundNorTheWallet() {
        noClasses().that().resideInAPackage("kyodo.ledger..")
                .should().dependOnClassesThat().resideInAnyPackage("kyodo.fund..", "kyodo.wallet..")
                .check(classes);
    }

    @Test
    void theFundDoesNotDependOnTheWallet() {
        noClasses().that().resideInAPackage("kyodo.fund..")
                .should().dependOnClassesThat().resideInAPackage("kyodo.wallet..")
                .check(classes);
    }

    /**
     * Between the feature packages of the applications' own code. A test may use several features (an integration
     * test of payments issues points first), so tests are left out of this rule.
     */
    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("kyodo.(*).(*)..").should().beFreeOfCycles().check(mainClasses);
    }

    /** The {@code src} folders of the named modules, found from the working directory up to the repository. */
    private static List<Path> moduleSources(String... modules) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("ledger-core"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("the repository (a folder with ledger-core) is not above "
                    + Path.of("").toAbsolutePath());
        }
        Path repository = dir;
        return java.util.Arrays.stream(modules).map(module -> repository.resolve(module).resolve("src")).toList();
    }
}
