package com.careloop.fieldservice.trip;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code careloop.field-service.*}: the pre-departure checklist items (codes; the labels are the messages
 * {@code fieldservice.check.<CODE>}, an unknown code shows as itself) — personal protective equipment and the conduct
 * rules on site (000-D6: uniform, helmet, courtesy, following the leader as one team, no demands on the
 * customer). A plan takes the list as it is then.
 */
@ConfigurationProperties("careloop.field-service")
public record FieldServiceProperties(
        @DefaultValue({"PPE", "UNIFORM", "HELMET", "TOOLS_CHECKED", "DOCUMENTS", "COURTESY", "TEAMWORK",
                "NO_DEMANDS"})
        List<String> checklist) {
}
