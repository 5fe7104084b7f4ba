package com.careloop.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Customer search and the filtered list with 1,000,000 customers on a real PostgreSQL server.
 * Not a test: run it with
 * {@code CARELOOP_DB_URL=jdbc:postgresql://localhost:5432/careloop_bench CARELOOP_DB_USER=careloop
 * CARELOOP_DB_PASSWORD=careloop ./mvnw test -Pbench -Dtest=CustomerSearchBench}.
 * Target (issue 3): server time p95 <= 50 ms.
 */
@Tag("bench")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"careloop.demo-data=false", "careloop.admin-password=bench-admin-pw",
                "spring.datasource.hikari.maximum-pool-size=8"})
class CustomerSearchBench {

    static final int CUSTOMERS = Integer.getInteger("bench.customers", 1_000_000);
    static final int SEARCHES = Integer.getInteger("bench.searches", 400);

    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void searchAndListWithAMillionCustomers() throws Exception {
        load();
        String token = token();
        Random random = new Random(42);
        String[] surnames = {"张", "王", "李", "赵", "陈", "刘", "杨", "黄", "周", "吴"};
        String[] given = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛"};
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < SEARCHES; i++) {
            queries.add(switch (i % 5) {
                case 0 -> surnames[random.nextInt(10)] + given[random.nextInt(15)];            // 2-character name
                case 1 -> surnames[random.nextInt(10)] + given[random.nextInt(15)] + "华纸业"; // longer name fragment
                case 2 -> String.format("%07d", random.nextInt(10_000_000));                    // 7 phone digits
                case 3 -> (1 + random.nextInt(30)) + "-" + String.format("%02d", 1 + random.nextInt(30)); // room
                default -> "KB" + String.format("%08d", 1 + random.nextInt(CUSTOMERS));        // code
            });
        }
        for (int i = 0; i < 50; i++) {
            call("/api/v1/customers?limit=50&q=" + enc(queries.get(i)), token);
        }
        long[] search = new long[queries.size()];
        for (int i = 0; i < queries.size(); i++) {
            search[i] = call("/api/v1/customers?limit=50&q=" + enc(queries.get(i)), token);
        }
        String[] filters = {"kind=DISTRIBUTOR", "kind=OEM&region=" + enc("苏州"), "keyOnly=true", "region=" + enc("上海"),
                "kind=INDIVIDUAL&q=" + enc("翠湖")};
        long[] list = new long[200];
        for (int i = 0; i < list.length; i++) {
            list[i] = call("/api/v1/customers?limit=50&" + filters[i % filters.length], token);
        }
        long total = jdbc.sql("select count(*) from customer").query(Long.class).single();
        BenchSupport.report(String.format("customer-search customers=%d searches=%d p50=%.1fms p95=%.1fms p99=%.1fms max=%.1fms",
                total, search.length, BenchSupport.percentileMs(search, 50), BenchSupport.percentileMs(search, 95),
                BenchSupport.percentileMs(search, 99), BenchSupport.percentileMs(search, 100)));
        BenchSupport.report(String.format("customer-filtered-list customers=%d requests=%d p50=%.1fms p95=%.1fms p99=%.1fms",
                total, list.length, BenchSupport.percentileMs(list, 50), BenchSupport.percentileMs(list, 95),
                BenchSupport.percentileMs(list, 99)));
        for (int k = 0; k < 5; k++) {
            long t = System.nanoTime();
            call("/api/v1/customers?limit=50&q=" + enc(queries.get(k)), token);
            BenchSupport.report(String.format("  sample q=%s %.1fms", queries.get(k), (System.nanoTime() - t) / 1e6));
        }
    }

    private long call(String path, String token) throws Exception {
        return BenchSupport.timedGet(http, port, path, token);
    }

    private String token() throws Exception {
        return BenchSupport.adminToken(http, port, "bench-admin-pw");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A million customers with realistic Chinese names, phones, rooms and a contact each, generated in SQL. */
    private void load() throws Exception {
        long have = jdbc.sql("select count(*) from customer").query(Long.class).single();
        if (have >= CUSTOMERS) {
            return;
        }
        long t = System.nanoTime();
        jdbc.sql("""
                insert into customer (code, name, kind, phone, project, room, region, key_customer, active, version,
                                      created_at, updated_at)
                select 'KB' || lpad(g::text, 8, '0'),
                       (array['张','王','李','赵','陈','刘','杨','黄','周','吴'])[1 + g % 10]
                       || (array['伟','芳','娜','敏','静','丽','强','磊','军','洋','勇','艳','杰','娟','涛'])[1 + (g / 10) % 15]
                       || (array['华','明','红','平','军','英','辉','峰','霞','林'])[1 + (g / 150) % 10]
                       || (array['', '纸业有限公司', '商贸部', '包装厂', ''])[1 + (g / 1500) % 5],
                       (array['INDIVIDUAL','ORGANISATION','DISTRIBUTOR','OEM'])[1 + g % 4],
                       '1' || (array['38','39','58','86','37'])[1 + g % 5] || lpad(((g::bigint * 7919) % 100000000)::text, 8, '0'),
                       (array['翠湖花园','金鸡湖壹号','独墅湾','星海小区'])[1 + g % 4],
                       (1 + g % 30) || '-' || lpad((1 + (g / 30) % 30)::text, 2, '0') || lpad((1 + g % 4)::text, 2, '0'),
                       (array['苏州','上海','南京','杭州','合肥','无锡'])[1 + (g / 7) % 6],
                       g % 500 = 0, true, 0, now(), now()
                from generate_series(1, :n) g""").param("n", CUSTOMERS).update();
        jdbc.sql("""
                insert into customer_contact (customer_id, name, phone, is_primary)
                select id, '联系人' || id, '13' || lpad(((id * 104729) % 1000000000)::text, 9, '0'), true
                from customer where code like 'KB%'""").update();
        jdbc.sql("analyze customer").update();
        jdbc.sql("analyze customer_contact").update();
        BenchSupport.report(String.format("loaded %d customers in %.1fs", CUSTOMERS, (System.nanoTime() - t) / 1e9));
    }
}
