package com.careloop.customer.population;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.careloop.customer.CustomerKind;
import com.careloop.customer.CustomerPopulation.Filter;
import com.careloop.customer.CustomerPopulation.Member;
import com.careloop.customer.Segment;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One SQL for the whole population (100,000 customers in about a second): the archive row plus the primary
 * contact's e-mail (one grouped join, not a look-up per customer); the revenue ranking's ids, when asked,
 * filter the streamed rows in memory (no IN list of thousands of parameters).
 */
@Component
public class PopulationQuery {

    private final JdbcClient jdbc;

    PopulationQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Member> members(Filter filter, Set<Long> onlyIds) {
        StringBuilder sql = new StringBuilder("""
                select c.id, c.code, c.name, c.kind, c.region, c.segment, coalesce(c.email, pc.email) email,
                       coalesce(c.phone, pp.phone) phone
                from customer c
                left join (select customer_id, min(email) email from customer_contact
                           where is_primary = true and email is not null group by customer_id) pc on pc.customer_id = c.id
                left join (select customer_id, min(phone) phone from customer_contact
                           where is_primary = true and phone is not null group by customer_id) pp on pp.customer_id = c.id
                where 1 = 1""");
        List<Object[]> params = new ArrayList<>();
        if (!filter.kinds().isEmpty()) {
            sql.append(" and c.kind in (:kinds)");
            params.add(new Object[] {"kinds", filter.kinds().stream().map(Enum::name).sorted().toList()});
        }
        if (filter.segment() != null) {
            sql.append(" and c.segment = :segment");
            params.add(new Object[] {"segment", filter.segment().name()});
        }
        if (filter.region() != null) {
            sql.append(" and c.region = :region");
            params.add(new Object[] {"region", filter.region()});
        }
        if (filter.activeOnly()) {
            sql.append(" and c.active = true");
        }
        sql.append(" order by c.id");
        JdbcClient.StatementSpec spec = jdbc.sql(sql.toString());
        for (Object[] p : params) {
            spec = spec.param((String) p[0], p[1]);
        }
        List<Member> members = new ArrayList<>();
        spec.query(rs -> {
            long id = rs.getLong(1);
            if (onlyIds == null || onlyIds.contains(id)) {
                String segment = rs.getString(6);
                String email = rs.getString(7);
                String phone = rs.getString(8);
                members.add(new Member(id, rs.getString(2), rs.getString(3), CustomerKind.valueOf(rs.getString(4)),
                        rs.getString(5), segment == null ? null : Segment.valueOf(segment),
                        email == null || email.isBlank() ? null : email.trim(), null,
                        phone == null || phone.isBlank() ? null : phone.trim()));
            }
        });
        return members;
    }
}
