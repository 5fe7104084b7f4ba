package com.careloop.contract.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.careloop.platform.DataScope;
import com.careloop.platform.Figure;
import com.careloop.platform.FigureQuery;
import com.careloop.platform.ReportPeriod;
import com.careloop.support.ApiTestBase;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboard figures of a department of its own (other tests' contracts do not count): a contract reviewed on time
 * and accepted, one signed late, one still under countersign with an overdue task → on-time rate 3 of 4 (the vice general manager signs too), one contract
 * under review, one overdue review task; nothing for a scope without them; the reports' figures (reviews, outcomes A/B/C, changes) for the weekly and the customer's report.
 */
class ContractFiguresApiTest extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ContractFigures figures;

    static String today(int plus) {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(plus).toString();
    }

    void ok(String user, String path, String body) {
        Response r = post(path, tokenFor(user), body == null ? null : j(body));
        assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(200);
    }

    long contract(String code, long salesperson, long customerId) {
        Response reg = post("/api/v1/contracts", tokenFor("sales"), j("{'customerId':" + customerId + ",'customerNumber':'"
                + code + UUID.randomUUID().toString().substring(0, 4) + "','source':'WRITTEN','contractClass':'REGULAR',"
                + "'orderDate':'" + today(0) + "','deliveryDate':'" + today(20) + "','salespersonId':" + salesperson
                + ",'lines':[{'product':'纸箱','quantity':100,'unit':'只','unitPrice':2.5}]}"));
        assertThat(reg.status()).as(reg.body()).isEqualTo(201);
        long id = reg.json().get("id").asLong();
        ok("sales", "/api/v1/contracts/" + id + "/submit", null);
        return id;
    }

    /** Moves the deadline of the contract's open countersign task of {@code aspect} into the past (test set-up only). */
    void overdue(long contractId, String aspect) {
        jdbc.sql("update approval_task set due_at = :past where status = 'OPEN' and aspect_code = :aspect and approval_id in"
                        + " (select id from approval where subject_type = 'contract-review' and subject_id = :id)")
                .param("past", java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(7200)))
                .param("aspect", "contract.aspect." + aspect).param("id", contractId).update();
    }

    @Test
    void reviewsOnTimeUnderReviewAndOverdueTasksAreCountedInTheDepartmentsScope() {
        if (jdbc.sql("select count(*) from app_user where username = 'ctrprod'").query(Long.class).single() == 0) {
            long prod = jdbc.sql("select id from department where code = 'PROD'").query(Long.class).single();
            assertThat(post("/api/v1/users", tokenFor("admin"), j("{'username':'ctrprod','displayName':'ctrprod','password':'"
                    + DEMO_PASSWORD + "','position':'STAFF','roles':['STAFF'],'departmentId':" + prod + "}")).status())
                    .isEqualTo(201);
        }
        // the sales vice general manager signs a regular contract after the departments (V163, seed 001-C5)
        if (jdbc.sql("select count(*) from app_user where username = 'ctrvp'").query(Long.class).single() == 0) {
            long gm = jdbc.sql("select id from department where code = 'GM'").query(Long.class).single();
            assertThat(post("/api/v1/users", tokenFor("admin"), j("{'username':'ctrvp','displayName':'ctrvp','password':'"
                    + DEMO_PASSWORD + "','position':'SALES_VP','roles':['STAFF'],'departmentId':" + gm + "}")).status())
                    .isEqualTo(201);
        }
        String code = "FG" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Response dept = post("/api/v1/departments", tokenFor("admin"), j("{'code':'" + code + "','name':'指标测试部" + code + "'}"));
        assertThat(dept.status()).as(dept.body()).isEqualTo(201);
        long deptId = dept.json().get("id").asLong();
        Response sp = post("/api/v1/users", tokenFor("admin"), j("{'username':'fg" + code.toLowerCase()
                + "','displayName':'指标业务员','password':'" + DEMO_PASSWORD + "','position':'STAFF','roles':['STAFF'],"
                + "'departmentId':" + deptId + "}"));
        assertThat(sp.status()).as(sp.body()).isEqualTo(201);
        long salesperson = sp.json().get("id").asLong();
        long customerId = jdbc.sql("select id from customer where active = true order by id limit 1").query(Long.class).single();

        long accepted = contract(code, salesperson, customerId);
        ok("sales", "/api/v1/contract-reviews/" + accepted + "/signatures", "{'aspect':'QUANTITY_PRICE_PAYMENT','verdict':'ACCEPT'}");
        ok("ctrprod", "/api/v1/contract-reviews/" + accepted + "/signatures", "{'aspect':'CAPACITY_DELIVERY','verdict':'ACCEPT'}");
        ok("ctrvp", "/api/v1/contract-reviews/" + accepted + "/signatures", "{'aspect':'VICE_GM_SIGNOFF','verdict':'ACCEPT'}");
        ok("gm", "/api/v1/contracts/" + accepted + "/outcome", "{'outcome':'A','comment':'同意'}");
        long waiting = contract(code, salesperson, customerId);
        overdue(waiting, "QUANTITY_PRICE_PAYMENT");
        ok("sales", "/api/v1/contract-reviews/" + waiting + "/signatures", "{'aspect':'QUANTITY_PRICE_PAYMENT','verdict':'ACCEPT'}");
        overdue(waiting, "CAPACITY_DELIVERY");

        LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        ReportPeriod period = new ReportPeriod(ReportPeriod.Kind.CUSTOM, day.minusDays(1), day.plusDays(1));
        DataScope scope = new DataScope(DataScope.Kind.DEPARTMENT, Set.of(deptId), 0L);
        List<Figure> f = figures.figures(new FigureQuery(period, scope, null, FigureQuery.Purpose.DASHBOARD));
        Figure rate = find(f, "contract.reviewsOnTimeRate");
        assertThat(rate.numerator()).isEqualTo(3);
        assertThat(rate.denominator()).isEqualTo(4);
        assertThat(rate.value()).isEqualByComparingTo("0.7500");
        assertThat(rate.drillDown()).startsWith("/contracts/statistics?from=");
        assertThat(find(f, "contract.underReview").value()).isEqualByComparingTo("1");
        assertThat(find(f, "contract.overdueReviewTasks").value()).isEqualByComparingTo("1");
        assertThat(find(f, "contract.overdueReviewTasks").drillDown()).contains("status=UNDER_REVIEW");

        DataScope nobody = new DataScope(DataScope.Kind.OWN, Set.of(), salesperson + 1_000_000L);
        List<Figure> none = figures.figures(new FigureQuery(period, nobody, null, FigureQuery.Purpose.DASHBOARD));
        assertThat(find(none, "contract.reviewsOnTimeRate").denominator()).isZero();
        assertThat(find(none, "contract.underReview").value()).isEqualByComparingTo("0");
        assertThat(f).extracting(Figure::code).as("the dashboard stays cheap").doesNotContain("contract.outcomeA");
        assertThat(figures.figures(new FigureQuery(period, scope, null, FigureQuery.Purpose.MONTHLY_ASSESSMENT))).isEmpty();

        // the weekly report and the customer's report: reviews, on time, outcomes A/B/C, changes of the period
        List<Figure> weekly = figures.figures(new FigureQuery(period, scope, null, FigureQuery.Purpose.WEEKLY));
        assertThat(find(weekly, "contract.reviewsSubmitted").value()).isEqualByComparingTo("2");
        assertThat(find(weekly, "contract.reviewsOnTimeRate").denominator()).isEqualTo(4);
        assertThat(find(weekly, "contract.outcomeA").value()).isEqualByComparingTo("1");
        assertThat(find(weekly, "contract.outcomeB").value()).isEqualByComparingTo("0");
        assertThat(find(weekly, "contract.outcomeC").value()).isEqualByComparingTo("0");
        assertThat(find(weekly, "contract.changes").value()).isEqualByComparingTo("0");
        List<Figure> customer = figures.figures(new FigureQuery(period, scope, customerId,
                FigureQuery.Purpose.CUSTOMER_MONTHLY));
        assertThat(find(customer, "contract.reviewsSubmitted").value()).isEqualByComparingTo("2");
        List<Figure> other = figures.figures(new FigureQuery(period, scope, customerId + 1_000_000L,
                FigureQuery.Purpose.CUSTOMER_MONTHLY));
        assertThat(find(other, "contract.reviewsSubmitted").value()).isEqualByComparingTo("0");
    }

    static Figure find(List<Figure> figures, String code) {
        return figures.stream().filter(x -> x.code().equals(code)).findFirst().orElseThrow();
    }
}
