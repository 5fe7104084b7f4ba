package com.careloop.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import com.careloop.support.ApiTestBase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** What the complaint API tests share: a fresh customer, a department by code, a CAPA's actions done. */
abstract class ComplaintTestBase extends ApiTestBase {

    static final String CAPA = "/api/v1/capa";

    @Autowired
    JdbcClient jdbc;

    long department(String code) {
        return jdbc.sql("select id from department where code = :c").param("c", code).query(Long.class).single();
    }

    long customer() {
        String name = "客户" + UUID.randomUUID().toString().substring(0, 6);
        String phone = "139" + String.format("%08d", (long) (Math.random() * 100_000_000L));
        Response r = post("/api/v1/customers", tokenFor("manager"), j("{'name':'" + name
                + "','kind':'INDIVIDUAL','phone':'" + phone + "','project':'翠湖花园','room':'3-1202'}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    /**
     * The CAPA module's side of a corrective action, through its API: the root cause recorded (5 whys) if not yet,
     * then every current open action marked done with its evidence. Returns the CAPA afterwards.
     */
    JsonNode capaActionsDone(String user, long capaId) {
        JsonNode capa = get(CAPA + "/" + capaId, tokenFor(user)).json();
        if (capa.get("rootCause").isNull()) {
            Response r = post(CAPA + "/" + capaId + "/root-cause", tokenFor(user), j("{'whys':['为什么受潮','仓库返潮'],"
                    + "'category':'METHOD','statement':'成品仓防潮规定未执行'}"));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            capa = r.json();
        }
        for (JsonNode a : capa.get("actions")) {
            if (a.get("current").asBoolean() && !a.get("done").asBoolean()) {
                Response r = post(CAPA + "/" + capaId + "/actions/" + a.get("id").asLong() + "/done", tokenFor(user),
                        j("{'evidence':'现场复查照片已上传'}"));
                assertThat(r.status()).as(r.body()).isEqualTo(200);
                capa = r.json();
            }
        }
        return capa;
    }
}
