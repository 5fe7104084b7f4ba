package com.careloop.reporting.delivery;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.careloop.platform.PageLocale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The users a schedule mails: name, address and language (their profile language, zh-CN when none is chosen). */
@Component
class Recipients {

    /** One user as delivery sees them. */
    record Person(long id, String name, String email, Locale locale, boolean active) {

        boolean reachable() {
            return active && email != null && !email.isBlank();
        }
    }

    private final JdbcClient jdbc;

    Recipients(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The users by id, in the order asked; unknown ids are left out. */
    List<Person> people(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Person> found = jdbc.sql("select id, display_name, email, locale, active from org_user where id in (:ids)")
                .param("ids", List.copyOf(ids))
                .query((rs, n) -> new Person(rs.getLong(1), rs.getString(2), rs.getString(3),
                        PageLocale.of(rs.getString(4)), rs.getBoolean(5)))
                .list().stream().collect(Collectors.toMap(Person::id, Function.identity()));
        return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    /** Active users to choose from, by name. */
    List<Person> choosable() {
        return jdbc.sql("select id, display_name, email, locale, active from org_user where active = true order by display_name")
                .query((rs, n) -> new Person(rs.getLong(1), rs.getString(2), rs.getString(3),
                        PageLocale.of(rs.getString(4)), rs.getBoolean(5)))
                .list();
    }
}
