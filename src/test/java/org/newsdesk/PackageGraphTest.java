package org.newsdesk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The arrows between packages point one way, read from the compiled classes (every import, field, call and
 * annotation counts). docs/ARCHITECTURE.md draws the same tiers; change both together.
 */
class PackageGraphTest {

    /**
     * From the bottom up: a package may use its own tier's package and the tiers below, never a tier above
     * nor another package of its own tier. {@code launcher} starts the server and is used by nothing.
     */
    static final List<List<String>> TIERS = List.of(
            List.of("platform"),
            List.of("audit"),
            List.of("account"),
            List.of("outlet", "media"),
            List.of("source"),
            List.of("post"),
            List.of("comment", "drift", "inbox", "newsletter"),
            List.of("site"),
            List.of("demo", "launcher"));

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.newsdesk");
    }

    @Test
    void everyPackageUsesOnlyTheTiersBelowIt() {
        List<String> backwards = new ArrayList<>();
        for (int tier = 0; tier < TIERS.size(); tier++) {
            for (String feature : TIERS.get(tier)) {
                List<String> forbidden = new ArrayList<>();
                for (int above = tier; above < TIERS.size(); above++) {
                    TIERS.get(above).stream().filter(other -> !other.equals(feature))
                            .forEach(other -> forbidden.add("org.newsdesk." + other + ".."));
                }
                if (forbidden.isEmpty()) {
                    continue;
                }
                EvaluationResult result = noClasses().that().resideInAPackage("org.newsdesk." + feature + "..")
                        .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                        .evaluate(classes);
                backwards.addAll(result.getFailureReport().getDetails());
            }
        }
        assertEquals(List.of(), backwards, "arrows pointing up or sideways (see TIERS)");
    }

    @Test
    void everyPackageIsInATier() {
        List<String> known = TIERS.stream().flatMap(List::stream).toList();
        List<String> unplaced = classes.stream().map(c -> c.getPackageName())
                .filter(p -> p.startsWith("org.newsdesk."))
                .map(p -> p.substring("org.newsdesk.".length()).split("\\.")[0])
                .distinct().filter(p -> !known.contains(p)).toList();
        assertEquals(List.of(), unplaced, "put each new package in a tier of TIERS");
    }

    @Test
    void noCyclesBetweenFeatures() {
        slices().matching("org.newsdesk.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void pagesUseTheirFeatureAndNothingUsesThePages() {
        // A feature's web package holds its pages' beans; the services below never reach up into them.
        noClasses().that().resideOutsideOfPackage("..web..")
                .should().dependOnClassesThat().resideInAPackage("org.newsdesk..web..")
                .because("services and entities never reach up into the pages").check(classes);
    }

    @Test
    void theModerationRulesDoNotKnowTheCommentsThatUseThem() {
        noClasses().that().resideInAPackage("org.newsdesk.comment.rules")
                .should().dependOnClassesThat().resideInAnyPackage(
                        Arrays.asList("org.newsdesk.comment", "org.newsdesk.comment.web").toArray(String[]::new))
                .check(classes);
    }
}
