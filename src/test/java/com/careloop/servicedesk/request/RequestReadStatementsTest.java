package com.careloop.servicedesk.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import com.careloop.support.ApiTestBase;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * What an authenticated {@code GET /api/v1/service-requests/{id}} sends to the database (issue 21 §2): the
 * statements the answer needs and nothing else — the bearer token and the user with its rights come from the
 * per-node cache (ADR 0016), refreshed at most once a second. Statements are counted on the server's request
 * threads through a data source that records every statement prepared.
 */
@Import(RequestReadStatementsTest.Counting.class)
class RequestReadStatementsTest extends ApiTestBase {

    /** The SQL prepared on the HTTP request threads ("http-nio-…-exec-N"). */
    static final List<String> STATEMENTS = new CopyOnWriteArrayList<>();

    @TestConfiguration
    static class Counting {
        @Bean
        static BeanPostProcessor countingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource ds && name.equals("dataSource") ? counting(ds) : bean;
                }
            };
        }

        static DataSource counting(DataSource target) {
            return new DelegatingDataSource(target) {
                @Override
                public Connection getConnection() throws java.sql.SQLException {
                    Connection c = super.getConnection();
                    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                            new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                                if ((method.getName().startsWith("prepare") || method.getName().equals("createStatement"))
                                        && Thread.currentThread().getName().contains("-exec-")) {
                                    STATEMENTS.add(args == null || args.length == 0 ? "<statement>" : String.valueOf(args[0]));
                                }
                                try {
                                    return method.invoke(c, args);
                                } catch (java.lang.reflect.InvocationTargetException e) {
                                    throw e.getCause();
                                }
                            });
                }
            };
        }
    }

    @Test
    void aRequestPageSendsOnlyTheStatementsOfItsAnswer() {
        String token = tokenFor("frontdesk");
        Response created = post("/api/v1/service-requests", token, j("{'contactName':'孙先生','contactPhone':'13900001111',"
                + "'type':'REPAIR','title':'计数读取','channel':'PHONE','priority':'NORMAL'}"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String path = "/api/v1/service-requests/" + created.json().get("id").asLong();

        get(path, token); // the first read after the intake
        long started = System.nanoTime();
        List<String> authentication = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            STATEMENTS.clear();
            assertThat(get(path, token).status()).isEqualTo(200);
            List<String> answer = new ArrayList<>();
            for (String sql : STATEMENTS) {
                (isAuthentication(sql) ? authentication : answer).add(sql.toLowerCase());
            }
            // the request, its timeline and pauses (Hibernate), category and signatures, notes, materials
            assertThat(answer).as("statements of read %d: %s", i, answer).hasSize(6);
            assertThat(answer).filteredOn(sql -> sql.contains("from service_request ")).hasSize(1);
            assertThat(answer).noneMatch(sql -> sql.startsWith("insert") || sql.startsWith("update"));
        }
        // token and user with rights: at most one look-up of each per second (TokenCache), not one per read
        long seconds = java.util.concurrent.TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        assertThat(authentication.size()).as("%s", authentication).isLessThanOrEqualTo(3 * (int) (seconds + 1));
    }

    /** The bearer token, its last use, the user with roles and permissions (ADR 0016's cache refills). */
    private static boolean isAuthentication(String sql) {
        String s = sql.toLowerCase();
        return s.contains("api_token") || s.contains("role");
    }
}
