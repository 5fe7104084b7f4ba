package com.careloop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The data half of the module boundaries that {@link ModularityTest} checks for types: a table is named in the SQL
 * of one module only, its owner. Another module reads it through the owner's Java API or, where SQL must join it
 * (lists, filters, sorts, figures), through a view the owner publishes (the platform's {@code org_user} and
 * {@code org_department}, ADR 0043). Tables are the ones the migrations create; views are not tables.
 */
class TableOwnershipTest {

    private static final Path SOURCES = Path.of("src/main/java/com/careloop");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Pattern CREATED = Pattern.compile("(?i)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?(\\w+)");
    private static final Pattern NAMED = Pattern.compile("(?i)\\b(?:from|join|into|update)\\s+(\\w+)");
    private static final Pattern COMMENTS = Pattern.compile("(?s)/\\*.*?\\*/|//[^\\n]*");

    @Test
    void everyTableIsNamedInTheSqlOfOneModuleOnly() throws IOException {
        Set<String> tables = tables();
        Map<String, Set<String>> modulesByTable = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = SOURCES.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue;
                }
                String module = relative.getName(0).toString();
                String code = COMMENTS.matcher(Files.readString(file, StandardCharsets.UTF_8)).replaceAll(" ");
                Matcher m = NAMED.matcher(code);
                while (m.find()) {
                    String name = m.group(1).toLowerCase();
                    if (tables.contains(name)) {
                        modulesByTable.computeIfAbsent(name, t -> new TreeSet<>()).add(module + " (" + file.getFileName() + ")");
                    }
                }
            }
        }
        Map<String, Set<String>> shared = new TreeMap<>();
        modulesByTable.forEach((table, uses) -> {
            Set<String> modules = new TreeSet<>();
            uses.forEach(u -> modules.add(u.substring(0, u.indexOf(' '))));
            if (modules.size() > 1) {
                shared.put(table, uses);
            }
        });
        assertThat(tables).as("the migrations were found").hasSizeGreaterThan(100).contains("app_user", "complaint");
        assertThat(modulesByTable).as("SQL was found").containsKeys("app_user", "service_request");
        assertThat(shared).as("tables named by more than one module").isEmpty();
    }

    private static Set<String> tables() throws IOException {
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MIGRATIONS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                Matcher m = CREATED.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    tables.add(m.group(1).toLowerCase());
                }
            }
        }
        return tables;
    }
}
