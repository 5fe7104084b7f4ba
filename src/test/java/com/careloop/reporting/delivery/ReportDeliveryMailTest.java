package com.careloop.reporting.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.ReportPeriod;
import com.careloop.platform.Texts;
import com.careloop.reporting.delivery.DeliveryTiming.Rule;
import com.careloop.reporting.report.ReportFiles;
import com.careloop.support.ApiTestBase;
import com.careloop.support.TestMail;
import com.icegreen.greenmail.junit5.GreenMailExtension;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.ContextCustomizerFactories;
import org.springframework.test.context.TestPropertySource;

/**
 * Scheduled delivery end to end through a real SMTP server (GreenMail): the job at a given instant plans the
 * period and mails the report as PDF and Excel, each recipient in their language, once per period; with SMTP down
 * the delivery fails and is tried again by the back-off until it is sent; two job runs at once deliver once; run-now
 * over the API mails at once.
 */
@ContextCustomizerFactories(TestMail.Ports.class)
@TestPropertySource(properties = {"spring.mail.host=localhost", "spring.mail.port=" + TestMail.SMTP_PORT,
        "careloop.base-url=http://localhost"})
class ReportDeliveryMailTest extends ApiTestBase {

    @RegisterExtension
    static GreenMailExtension mail = TestMail.smtp();

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReportDeliveries deliveries;
    @Autowired
    ReportFiles files;
    @Autowired
    Texts texts;
    @Autowired
    JavaMailSender sender;
    @Autowired
    Clock clock;
    @Autowired
    CareLoopProperties properties;

    DeliveryTiming timing;
    /** The next Monday 08:00 company time: when the schedules of these tests run. */
    Instant run;
    ReportPeriod period;

    @BeforeEach
    void onlyThisTestsScheduleRuns() {
        jdbc.sql("update report_schedule set enabled = false").update();
        jdbc.sql("update report_delivery set status = 'DEAD' where status in ('PENDING', 'FAILED', 'SENDING')").update();
        timing = new DeliveryTiming(properties.zone());
        run = timing.nextRun(Rule.weekly(DayOfWeek.MONDAY, LocalTime.of(8, 0)), clock.instant());
        period = timing.coveredPeriod(ReportPeriod.Kind.WEEK, run);
    }

    long userId(String username) {
        return jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).single();
    }

    String email(String username) {
        return jdbc.sql("select email from app_user where username = :u").param("u", username).query(String.class).single();
    }

    long schedule(String formats, String... users) {
        String ids = String.join(",", java.util.Arrays.stream(users).map(u -> String.valueOf(userId(u))).toList());
        Response r = post("/api/v1/report-schedules", tokenFor("manager"), j("{'reportKind':'WEEKLY','dayOfWeek':'MONDAY',"
                + "'time':'08:00','formats':[" + formats + "],'recipientIds':[" + ids + "]}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    DeliveryStore.Row delivery(long scheduleId) {
        List<DeliveryStore.Row> rows = jdbc.sql("select id from report_delivery where schedule_id = :s")
                .param("s", scheduleId).query(Long.class).list().stream()
                .map(id -> store.find(id).orElseThrow()).toList();
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    @Autowired
    DeliveryStore store;

    /** The manager reads English for the duration of {@code body}. */
    void managerInEnglish(ThrowingRunnable body) throws Exception {
        long manager = userId("manager");
        String was = jdbc.sql("select locale from app_user where id = :id").param("id", manager).query(String.class)
                .optional().orElse(null);
        jdbc.sql("update app_user set locale = 'en' where id = :id").param("id", manager).update();
        try {
            body.run();
        } finally {
            jdbc.sql("update app_user set locale = :l where id = :id").param("l", was).param("id", manager).update();
        }
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** The scheduled-report mails (they carry the report as attachments; the jobs' alerts do not). */
    static boolean isReport(MimeMessage m) throws Exception {
        return m.getContent() instanceof Multipart && !attachments(m).isEmpty();
    }

    MimeMessage[] reportMails() throws Exception {
        return TestMail.received(mail, ReportDeliveryMailTest::isReport).toArray(new MimeMessage[0]);
    }

    boolean awaitReportMails(long millis, int count) throws Exception {
        return TestMail.await(mail, ReportDeliveryMailTest::isReport, count, millis);
    }

    static MimeMessage to(MimeMessage[] messages, String address) throws Exception {
        for (MimeMessage m : messages) {
            if (m.getAllRecipients()[0].toString().equals(address)) {
                return m;
            }
        }
        throw new AssertionError("no mail to " + address);
    }

    /** The attachments of a mail by file name. */
    static java.util.Map<String, byte[]> attachments(MimeMessage m) throws Exception {
        java.util.Map<String, byte[]> out = new java.util.TreeMap<>();
        Multipart multipart = (Multipart) m.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.getFileName() != null) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                part.getInputStream().transferTo(bytes);
                out.put(part.getFileName(), bytes.toByteArray());
            }
        }
        return out;
    }

    static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
        }
    }

    @Test
    void theJobMailsThePeriodOnceAsPdfAndExcelInEachRecipientsLanguage() throws Exception {
        managerInEnglish(() -> {
            long id = schedule("'PDF','XLSX'", "supervisor", "manager");
            assertThat(deliveries.runDue(run.plusSeconds(20))).isEqualTo(1);
            assertThat(awaitReportMails(15000, 2)).isTrue();
            MimeMessage[] received = reportMails();
            assertThat(received).hasSize(2);

            DeliveryStore.Row d = delivery(id);
            assertThat(d.status()).isEqualTo(DeliveryStatus.SENT);
            assertThat(d.attempts()).isEqualTo(1);
            assertThat(d.period()).isEqualTo(period);
            assertThat(d.reportId()).isNotNull();
            String number = files.number(d.reportId());
            String english = texts.render(files.title(d.reportId()), Locale.ENGLISH);
            String chinese = texts.render(files.title(d.reportId()), Locale.SIMPLIFIED_CHINESE);

            MimeMessage en = to(received, email("manager"));
            assertThat(en.getSubject()).isEqualTo("[CareLoop] Scheduled report: " + english);
            var enFiles = attachments(en);
            assertThat(enFiles.keySet()).containsExactlyInAnyOrder(Deliverer.fileName(number) + ".pdf",
                    Deliverer.fileName(number) + ".xlsx");
            assertThat(pdfText(enFiles.get(Deliverer.fileName(number) + ".pdf"))).contains(english.replaceAll("\\s+", ""));

            MimeMessage zh = to(received, email("supervisor"));
            assertThat(zh.getSubject()).isEqualTo("[CareLoop] 定时报告：" + chinese);
            assertThat(pdfText(attachments(zh).get(Deliverer.fileName(number) + ".pdf"))).contains(number);

            // the same run again, and a later minute of the same week: the period is not delivered twice
            assertThat(deliveries.runDue(run.plusSeconds(20))).isZero();
            assertThat(deliveries.runDue(run.plus(Duration.ofMinutes(5)))).isZero();
            assertThat(awaitReportMails(1500, 3)).isFalse();
        });
    }

    @Test
    void smtpDownFailsWithBackoffAndTheNextAttemptsSendItOnceSmtpIsBack() throws Exception {
        long id = schedule("'PDF'", "supervisor");
        JavaMailSenderImpl smtp = (JavaMailSenderImpl) sender;
        int port = smtp.getPort();
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        smtp.setPort(closed);
        try {
            assertThat(deliveries.runDue(run)).isZero();
            DeliveryStore.Row first = delivery(id);
            assertThat(first.status()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(first.attempts()).isEqualTo(1);
            assertThat(first.lastErrorCode()).isEqualTo("MAIL");
            assertThat(first.nextAttemptAt()).isEqualTo(run.plus(Duration.ofMinutes(1)));
            assertThat(first.leasedBy()).isNull();

            // not due before its time
            assertThat(deliveries.runDue(run.plusSeconds(59))).isZero();
            assertThat(delivery(id).attempts()).isEqualTo(1);

            Instant second = run.plusSeconds(60);
            assertThat(deliveries.runDue(second)).isZero();
            assertThat(delivery(id).attempts()).isEqualTo(2);
            assertThat(delivery(id).nextAttemptAt()).isEqualTo(second.plus(Duration.ofMinutes(2)));
        } finally {
            smtp.setPort(port);
        }
        assertThat(deliveries.runDue(run.plus(Duration.ofMinutes(3)))).isEqualTo(1);
        DeliveryStore.Row sent = delivery(id);
        assertThat(sent.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(sent.attempts()).isEqualTo(3);
        assertThat(sent.lastErrorCode()).isNull();
        assertThat(awaitReportMails(10000, 1)).isTrue();
        assertThat(reportMails()).hasSize(1);
    }

    @Test
    void twoJobRunsAtOnceDeliverThePeriodOnce() throws Exception {
        long id = schedule("'PDF'", "supervisor");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            Callable<Integer> job = () -> {
                start.await();
                return deliveries.runDue(run.plusSeconds(1));
            };
            runs.add(pool.submit(job));
            runs.add(pool.submit(job));
            start.countDown();
            int sent = 0;
            for (Future<Integer> f : runs) {
                sent += f.get(120, java.util.concurrent.TimeUnit.SECONDS);
            }
            assertThat(sent).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(delivery(id).status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(delivery(id).attempts()).isEqualTo(1);
        assertThat(awaitReportMails(10000, 1)).isTrue();
        assertThat(awaitReportMails(1500, 2)).isFalse();
    }

    @Test
    void runNowMailsTheLatestCompletePeriodAtOnceInEnglishToAnEnglishReader() throws Exception {
        managerInEnglish(() -> {
            long id = schedule("'PDF'", "manager");
            Response r = post("/api/v1/report-schedules/" + id + "/run-now", tokenFor("manager"), null);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().get("status").asString()).isEqualTo("SENT");
            ReportPeriod latest = timing.coveredPeriod(ReportPeriod.Kind.WEEK, clock.instant());
            assertThat(r.json().get("period").get("first").asString()).isEqualTo(latest.first().toString());
            assertThat(awaitReportMails(10000, 1)).isTrue();
            MimeMessage m = reportMails()[0];
            assertThat(m.getSubject()).startsWith("[CareLoop] Scheduled report: Weekly report of the CS center");
            long reportId = r.json().get("reportId").asLong();
            assertThat(pdfText(attachments(m).values().iterator().next()))
                    .contains(texts.render(files.title(reportId), Locale.ENGLISH).replaceAll("\\s+", ""));

            // run-now again sends the period again (a person asked for it)
            Response again = post("/api/v1/report-schedules/" + id + "/run-now", tokenFor("manager"), null);
            assertThat(again.json().get("status").asString()).isEqualTo("SENT");
            assertThat(again.json().get("id").asLong()).isEqualTo(r.json().get("id").asLong());
            assertThat(awaitReportMails(10000, 2)).isTrue();
        });
    }
}
