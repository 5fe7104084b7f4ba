package com.careloop.survey.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.careloop.platform.CurrentUser;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.Figure;
import com.careloop.platform.FigureQuery;
import com.careloop.platform.FigureQuery.Purpose;
import com.careloop.platform.FigureTable;
import com.careloop.platform.ReportPeriod;
import com.careloop.platform.SignedInAs;
import com.careloop.support.ApiTestBase;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** The survey figures are the latest campaign's report (the demo company's campaigns); staff get none. */
class SurveyFiguresApiTest extends ApiTestBase {

    @Autowired
    SurveyFigures figures;
    @Autowired
    SurveyReports reports;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SignedInAs signedInAs;
    @Autowired
    CurrentUsers users;

    private final ReportPeriod year = ReportPeriod.year(LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear());

    @Test
    void theLatestCampaignsFiguresAreItsReportAndTheYearsCampaignsAreListed() {
        FigureQuery q = new FigureQuery(year, FigureQuery.company(), null, Purpose.MANAGEMENT_REVIEW);
        Map<String, Figure> f = new HashMap<>();
        figures.figures(q).forEach(x -> f.put(x.code(), x));
        long responses = jdbc.sql("select count(*) from survey_response where answered_at >= :f and answered_at < :t")
                .param("f", java.sql.Timestamp.from(year.from(ZoneId.of("Asia/Shanghai"))))
                .param("t", java.sql.Timestamp.from(year.to(ZoneId.of("Asia/Shanghai")))).query(Long.class).single();
        assertThat(f.get("survey.responses").value().longValue()).isEqualTo(responses);
        Figure index = f.get("survey.weightedIndex");
        if (index == null) {
            return; // no campaign sent yet in this database
        }
        String link = index.drillDown();
        long campaign = Long.parseLong(link.split("/")[3]);
        Response r = get("/api/v1/survey-campaigns/" + campaign + "/report", tokenFor("gm"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode report = r.json();
        if (!report.get("weightedIndex").isNull()) {
            assertThat(index.value()).isEqualByComparingTo(report.get("weightedIndex").decimalValue());
        }
        long classes = report.get("classA").asLong() + report.get("classB").asLong() + report.get("classC").asLong();
        assertThat(f.get("survey.classA").numerator()).isEqualTo(report.get("classA").asLong());
        assertThat(f.get("survey.classA").denominator()).isEqualTo(classes);
        List<FigureTable> tables = figures.tables(q);
        assertThat(tables.get(0).code()).isEqualTo("survey.campaigns");
        assertThat(tables.get(0).rows()).extracting(FigureTable.Row::key).contains("campaign:" + campaign);
    }

    @Test
    void theSummaryHasTheReportsNumbersForEveryCampaignAndIsKeptOnlyForClosedOnes() {
        List<Long> ids = jdbc.sql("select id from survey_campaign order by id").query(Long.class).list();
        for (long id : ids) {
            SurveyReport r = reports.report(id);
            for (int i = 0; i < 2; i++) { // the second time a CLOSED campaign's summary comes from the cache
                SurveySummary s = reports.summary(id);
                assertThat(s.campaignId()).isEqualTo(id);
                assertThat(s.status()).isEqualTo(r.status());
                assertThat(s.sent()).isEqualTo(r.sent());
                assertThat(s.answered()).isEqualTo(r.answered());
                assertThat(s.responseRate()).isEqualTo(r.responseRate());
                assertThat(s.overall()).isEqualTo(r.overall());
                assertThat(s.weightedIndex()).isEqualTo(r.weightedIndex());
                assertThat(List.of(s.classA(), s.classB(), s.classC()))
                        .isEqualTo(List.of(r.classA(), r.classB(), r.classC()));
                assertThat(s.items()).isEqualTo(r.items());
                assertThat(s.thresholdB()).isEqualTo(r.thresholdB());
            }
            assertThat(reports.summary(id) == reports.summary(id)).as("kept: campaign " + id)
                    .isEqualTo("CLOSED".equals(r.status()));
        }
    }

    @Test
    void aStaffMemberGetsNoCompanySatisfaction() {
        AtomicReference<CurrentUser> me = new AtomicReference<>();
        signedInAs.run("staff", () -> me.set(users.require()));
        assertThat(figures.figures(new FigureQuery(year, me.get().scope(), null, Purpose.DASHBOARD))).isEmpty();
    }
}
