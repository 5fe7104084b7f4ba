package com.careloop.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.careloop.platform.SignedInAs;
import com.careloop.support.ApiTestBase;
import com.careloop.support.StatementCounting;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * The SQL cost of accepting a contract (outcome A of a repeat order: the register row, the production task notice,
 * the notices to production and the salesperson) as a deterministic count of executed JDBC statements on the
 * deciding thread — the figure docs/BENCHMARKS.md reports instead of a timing on the loaded build machine.
 */
class ContractAcceptanceStatementsTest extends ApiTestBase {

    @Autowired
    Contracts contracts;
    @Autowired
    SignedInAs signedIn;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    com.careloop.platform.OrgDirectory org;

    @Test
    void acceptingARepeatOrderCostsAFixedSmallNumberOfStatements() {
        long customer = jdbc.sql("select id from customer where active = true order by id limit 1").query(Long.class).single();
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        List<Integer> counts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Response r = post("/api/v1/contracts", tokenFor("sales"), j("{'customerId':" + customer + ",'customerNumber':'ACC-"
                    + UUID.randomUUID().toString().substring(0, 8) + "','source':'REPEAT','contractClass':'REPEAT_UNCHANGED',"
                    + "'orderDate':'" + today + "','deliveryDate':'" + today + "','lines':[{'product':'纸箱','quantity':100,"
                    + "'unit':'只','unitPrice':2.5}]}"));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            long id = r.json().get("id").asLong();
            Response submitted = post("/api/v1/contracts/" + id + "/submit", tokenFor("sales"), "{}");
            assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);

            List<String> executed = new ArrayList<>();
            // counted from the command on: signing in (2 reads) stands for the API's token check
            signedIn.run("gm", () -> executed.addAll(StatementCounting.executedBy(
                    () -> contracts.decide(id, new ContractCommands.Decide(ReviewOutcome.A, null, null)))));
            JsonNode d = get("/api/v1/contracts/" + id, tokenFor("gm")).json();
            assertThat(d.get("status").asString()).isEqualTo("ACCEPTED");
            assertThat(get("/api/v1/contracts/" + id + "/production-notices", tokenFor("gm")).json().size()).isEqualTo(1);
            System.out.println("ACCEPTANCE-STATEMENTS " + executed.size() + "\n  " + String.join("\n  ", executed));
            counts.add(executed.size());
        }
        // the first acceptance also fills the webhook endpoints' cache (one read); after that every acceptance costs the same
        assertThat(counts.subList(1, counts.size())).as("deterministic").containsOnly(counts.get(1));
        // 18 before (two empty approval trails read back; the production department and its members in two reads):
        // the register row (update + audit), the notice (number: rule, lock, update; insert + audit), the members of
        // production and one notification each (insert, recipient, channel choice), the answer's detail
        // each member of production gets one notification (3 statements); the database is shared with other test classes
        int production = org.activeMembers("PROD").size();
        System.out.println("ACCEPTANCE-STATEMENTS without production's notifications: " + (counts.get(1) - 3 * production)
                + " (" + production + " members in production)");
        assertThat(counts.get(1) - 3 * production).as("statements per acceptance").isEqualTo(16);
    }
}
