package com.careloop.platform.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.careloop.platform.ApprovalSubject;
import com.careloop.platform.Approvals;
import com.careloop.platform.AuditTrail;
import com.careloop.platform.Notifications;
import com.careloop.platform.Text;
import com.careloop.support.ApiTestBase;
import com.careloop.support.TestMail;
import com.icegreen.greenmail.junit5.GreenMailExtension;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextCustomizerFactories;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The approval mails through a real SMTP server (GreenMail): the opening notice, the 80 % reminder to the approver
 * and the escalation to the head of their department — each arrives exactly once, the deadline job driven by an
 * injected clock set just past each moment and run twice.
 */
@ContextCustomizerFactories(TestMail.Ports.class)
@TestPropertySource(properties = {"spring.mail.host=localhost", "spring.mail.port=" + TestMail.SMTP_PORT,
        "careloop.base-url=http://localhost"})
class ApprovalDeadlineMailTest extends ApiTestBase {

    @RegisterExtension
    static GreenMailExtension mail = TestMail.smtp();

    @Autowired
    Approvals approvals;
    @Autowired
    ApprovalTaskRepository tasks;
    @Autowired
    Assignees assignees;
    @Autowired
    Notifications notifications;
    @Autowired
    AuditTrail audit;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    private void runJobAt(Instant now) {
        ApprovalDeadlineJob job = new ApprovalDeadlineJob(tasks, assignees, notifications, audit,
                Clock.fixed(now, ZoneOffset.UTC));
        tx.executeWithoutResult(s -> job.run());
    }

    private List<MimeMessage> mails(String to, String subjectPart) {
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(to) && m.getSubject().contains(subjectPart);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private void awaitMails(String to, String subjectPart, int count) throws InterruptedException {
        for (int i = 0; i < 50 && mails(to, subjectPart).size() < count; i++) {
            Thread.sleep(100);
        }
    }

    @Test
    void theOpeningNoticeTheReminderAndTheEscalationEachArriveOnceByMail() throws Exception {
        jdbc.sql("update app_user set locale = null where username in ('staff', 'depthead')").update();
        String code = "test." + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("insert into approval_chain (code, name_code, stages, version, updated_at) values (:c, :c, :s, 0, :at)")
                .param("c", code).param("s", "[{\"mode\":\"ANY_OF\",\"steps\":[{\"kind\":\"USER\",\"ref\":\"staff\","
                        + "\"deadlineDays\":1}]}]").param("at", Timestamp.from(Instant.now())).update();
        long subjectId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
        String number = "T-" + subjectId;
        tx.executeWithoutResult(s -> approvals.start(new ApprovalSubject("test", subjectId, number,
                Text.literal("抽检报告 " + number), "/test/" + subjectId, null), code, null));
        String staff = "staff@demo.careloop.local";
        String head = "depthead@demo.careloop.local";

        awaitMails(staff, "待您审批：" + number, 1);
        assertThat(mails(staff, "待您审批：" + number)).singleElement().satisfies(m -> {
            assertThat(m.getSubject()).isEqualTo("[CareLoop] 待您审批：" + number);
            assertThat(m.getContent().toString()).contains("抽检报告 " + number).contains("/test/" + subjectId);
        });

        var times = jdbc.sql("""
                select t.remind_at, t.due_at from approval_task t join approval a on a.id = t.approval_id
                where a.subject_type = 'test' and a.subject_id = :s""").param("s", subjectId)
                .query((rs, n) -> new Instant[] {rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()}).single();
        Instant remindAt = times[0];
        Instant dueAt = times[1];
        assertThat(remindAt).isBefore(dueAt);

        runJobAt(remindAt.minus(Duration.ofMinutes(1)));
        Thread.sleep(300);
        assertThat(mails(staff, "审批提醒：" + number)).as("not before 80 %").isEmpty();

        runJobAt(remindAt.plus(Duration.ofMinutes(1)));
        runJobAt(remindAt.plus(Duration.ofMinutes(2)));
        awaitMails(staff, "审批提醒：" + number, 1);
        Thread.sleep(300);
        assertThat(mails(staff, "审批提醒：" + number)).as("reminded once").singleElement()
                .satisfies(m -> assertThat(m.getContent().toString()).contains("抽检报告 " + number));
        assertThat(mails(head, number)).as("no escalation before the deadline").isEmpty();

        runJobAt(dueAt.plus(Duration.ofMinutes(1)));
        runJobAt(dueAt.plus(Duration.ofHours(2)));
        awaitMails(head, "审批超期升级：" + number, 1);
        Thread.sleep(300);
        assertThat(mails(head, "审批超期升级：" + number)).as("escalated once, to the head").singleElement()
                .satisfies(m -> assertThat(m.getContent().toString()).contains("抽检报告 " + number));
        assertThat(mails(staff, "审批提醒：" + number)).as("still reminded only once").hasSize(1);
        assertThat(mails(staff, "待您审批：" + number)).as("the opening notice was not repeated").hasSize(1);
    }
}
