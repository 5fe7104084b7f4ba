package com.careloop.complaint.stats;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A small fixed data set in 2015 (no other test or demo record is that old): 8 complaints whose figures are
 * worked out by hand in the tests, and 16 purchases sold in 2015. Deadlines: acknowledge 24 h, reply 72 h,
 * resolve 5 days after receipt; all of them are long past, so every deadline is decided.
 *
 * <pre>
 * #  received (+08:00)  category            severity cause             dept  product repeat ack  reply close(days)
 * 1  2015-01-10 10:00  PRODUCT_QUALITY     MAJOR    PROCESS           ENG   A       -      2h   30h   2
 * 2  2015-01-20 10:00  PRODUCT_QUALITY     GENERAL  PROCESS           ENG   A       of 1   30h  80h   4
 * 3  2015-02-01 00:30  PRODUCT_QUALITY     GENERAL  RAW_MATERIAL      PROD  B       -      5h   50h   6
 * 4  2015-03-10 10:00  DELIVERY_LOGISTICS  GENERAL  TRANSPORT_DAMAGE  PROD  B       -      10h  60h   1
 * 5  2015-03-20 10:00  DELIVERY_LOGISTICS  MAJOR    PROCESS           ENG   C       -      1h   100h  open
 * 6  2015-05-10 10:00  STAFF_ATTITUDE      GENERAL  OTHER             -     C       -      -    -     open
 * 7  2015-05-20 10:00  PRODUCT_QUALITY     GENERAL  PROCESS           ENG   A       of 2   3h   10h   3
 * 8  2015-12-10 10:00  PRICE_FEES          GENERAL  RAW_MATERIAL      PROD  B       -      4h   20h   10
 * </pre>
 * (#3 is received on 1 February in Shanghai, still 31 January in UTC: it counts for February.)
 */
final class StatsFixture {

    static final LocalDate FROM = LocalDate.of(2015, 1, 1);
    static final LocalDate TO = LocalDate.of(2015, 12, 31);
    static final String PREFIX = "ST2015-";

    private StatsFixture() {
    }

    static synchronized void ensure(JdbcClient jdbc) {
        if (jdbc.sql("select count(*) from complaint where code like 'ST2015-%'").query(Long.class).single() > 0) {
            return;
        }
        long customer = jdbc.sql("select min(id) from customer").query(Long.class).single();
        long c1 = insert(jdbc, 1, "2015-01-10T10:00", "PRODUCT_QUALITY", "MAJOR", "PROCESS", "ENG", "A", null, 2, 30, 2.0);
        long c2 = insert(jdbc, 2, "2015-01-20T10:00", "PRODUCT_QUALITY", "GENERAL", "PROCESS", "ENG", "A", c1, 30, 80, 4.0);
        insert(jdbc, 3, "2015-02-01T00:30", "PRODUCT_QUALITY", "GENERAL", "RAW_MATERIAL", "PROD", "B", null, 5, 50, 6.0);
        insert(jdbc, 4, "2015-03-10T10:00", "DELIVERY_LOGISTICS", "GENERAL", "TRANSPORT_DAMAGE", "PROD", "B", null, 10, 60, 1.0);
        insert(jdbc, 5, "2015-03-20T10:00", "DELIVERY_LOGISTICS", "MAJOR", "PROCESS", "ENG", "C", null, 1, 100, null);
        insert(jdbc, 6, "2015-05-10T10:00", "STAFF_ATTITUDE", "GENERAL", "OTHER", null, "C", null, null, null, null);
        insert(jdbc, 7, "2015-05-20T10:00", "PRODUCT_QUALITY", "GENERAL", "PROCESS", "ENG", "A", c2, 3, 10, 3.0);
        insert(jdbc, 8, "2015-12-10T10:00", "PRICE_FEES", "GENERAL", "RAW_MATERIAL", "PROD", "B", null, 4, 20, 10.0);
        for (int i = 0; i < 16; i++) {
            jdbc.sql("""
                    insert into purchase (customer_id, product, sale_date, source, external_ref, created_at)
                    values (:c, '统计测试纸箱', :d, 'MANUAL', :ref, :now)""")
                    .param("c", customer).param("d", LocalDate.of(2015, 1 + i % 12, 5)).param("ref", "ST2015-P" + i)
                    .param("now", Timestamp.from(Instant.now())).update();
        }
    }

    private static long insert(JdbcClient jdbc, int n, String received, String category, String severity, String cause,
                               String department, String product, Long repeatOf, Integer ackHours, Integer replyHours,
                               Double closeDays) {
        Instant r = OffsetDateTime.parse(received + ":00+08:00").toInstant();
        return insert(jdbc, new Row(PREFIX + n, r, 900_000 + n % 3, category, severity, cause, department, product,
                repeatOf, ackHours, replyHours, closeDays == null ? null : Duration.ofMinutes(Math.round(closeDays * 1440)),
                "complaints"));
    }

    /**
     * A complaint as the statistics see it: received at {@code received} by user {@code receivedBy}, acknowledged
     * and first action after the hours given, closed after {@code closeAfter} (null: open); deadlines 24 h, 72 h
     * and 5 days after receipt.
     */
    record Row(String code, Instant received, long customer, String category, String severity, String cause,
               String department, String product, Long repeatOf, Integer ackHours, Integer replyHours, Duration closeAfter,
               String receivedBy) {
    }

    static long insert(JdbcClient jdbc, Row row) {
        Instant r = row.received();
        Long dept = row.department() == null ? null : jdbc.sql("select id from department where code = :c")
                .param("c", row.department()).query(Long.class).single();
        String status = row.closeAfter() != null ? "CLOSED" : row.replyHours() != null ? "ACTION_TAKEN" : "RECEIVED";
        jdbc.sql("""
                insert into complaint (code, customer_id, customer_name, customer_code, key_customer, received_at, channel,
                    product, content, status, category, severity, department_id, acknowledged_at, cause_category,
                    first_action_at, closed_at, repeat_of_id, received_by, received_by_name, acknowledge_due_at,
                    acknowledge_warn_at, reply_due_at, reply_warn_at, resolve_due_at, resolve_warn_at, version, created_at,
                    updated_at)
                values (:code, :customer, :name, :ccode, false, :r, 'PHONE', :product, '统计测试投诉', :status, :category,
                    :severity, :dept, :ack, :cause, :reply, :closed, :repeatOf, :by, 'test', :ackDue, :ackDue, :replyDue,
                    :replyDue, :resolveDue, :resolveDue, 0, :r, :r)""")
                .param("code", row.code()).param("customer", row.customer()).param("name", "统计客户" + row.customer() % 3)
                .param("ccode", "STK" + row.customer() % 3).param("r", ts(r)).param("product", row.product())
                .param("status", status).param("category", row.category()).param("severity", row.severity())
                .param("dept", dept)
                .param("ack", row.ackHours() == null ? null : ts(r.plus(Duration.ofHours(row.ackHours()))))
                .param("cause", row.cause())
                .param("reply", row.replyHours() == null ? null : ts(r.plus(Duration.ofHours(row.replyHours()))))
                .param("closed", row.closeAfter() == null ? null : ts(r.plus(row.closeAfter())))
                .param("repeatOf", row.repeatOf()).param("by", jdbc.sql("select id from app_user where username = :u")
                        .param("u", row.receivedBy()).query(Long.class).single())
                .param("ackDue", ts(r.plus(Duration.ofHours(24))))
                .param("replyDue", ts(r.plus(Duration.ofHours(72)))).param("resolveDue", ts(r.plus(Duration.ofDays(5))))
                .update();
        return jdbc.sql("select id from complaint where code = :c").param("c", row.code()).query(Long.class).single();
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.from(i);
    }
}
