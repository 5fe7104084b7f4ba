package com.careloop.survey;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Test data the campaign helper's pages would make: a campaign on a template revision and its invitations, by SQL. */
public final class SurveyFixtures {

    private final JdbcClient jdbc;

    public SurveyFixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long campaign(long templateId, LocalDate from, LocalDate to) {
        return campaign(templateId, from, to, "SENT", null);
    }

    public long campaign(long templateId, LocalDate from, LocalDate to, String status, Instant supplementaryAt) {
        var keys = new GeneratedKeyHolder();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                insert into survey_campaign (code, name, template_id, period_from, period_to, deadline, status,
                  population_filter, population_size, sample_size, supplementary_at, created_by, version, created_at,
                  updated_at)
                values (:code, :name, :t, :from, :to, :to, :status, '{}', 10, 10, :supp, 'test', 0, :now, :now)""")
                .param("code", "MYT-" + UUID.randomUUID().toString().substring(0, 8)).param("name", "测试调查")
                .param("t", templateId).param("from", from).param("to", to).param("status", status)
                .param("supp", supplementaryAt == null ? null : Timestamp.from(supplementaryAt)).param("now", now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public long invitation(long campaignId, long customerId, String name) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into survey_invitation (campaign_id, customer_id, customer_name, channel, language, sent_at, version)
                values (:c, :customer, :name, 'EMAIL', 'zh-CN', :sent, 0)""")
                .param("c", campaignId).param("customer", customerId).param("name", name)
                .param("sent", Timestamp.from(Instant.now().minusSeconds(3600))).update(keys, "id");
        return keys.getKey().longValue();
    }

    public long templateId(String code) {
        return jdbc.sql("select max(id) from survey_template where code = :c and status = 'PUBLISHED'").param("c", code)
                .query(Long.class).single();
    }
}
