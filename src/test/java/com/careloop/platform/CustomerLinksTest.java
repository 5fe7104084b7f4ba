package com.careloop.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import com.careloop.support.ApiTestBase;
import com.careloop.support.TestMail;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextCustomizerFactories;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** The customer's personal links: one answer per link, expiry, replacement, concurrent answers, the mail. */
@ContextCustomizerFactories(TestMail.Ports.class)
@TestPropertySource(properties = {"spring.mail.host=localhost", "spring.mail.port=" + TestMail.SMTP_PORT,
        "careloop.base-url=http://localhost"})
class CustomerLinksTest extends ApiTestBase {

    private static final String PURPOSE = "link-test";

    @RegisterExtension
    static GreenMailExtension mail = TestMail.smtp();

    @Autowired
    CustomerLinks links;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    AuditTrail audit;
    @Autowired
    java.time.Clock clock;
    @Autowired
    CareLoopProperties properties;

    private static long recordId() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE);
    }

    private CustomerLinks.IssuedLink issue(long record) {
        return tx.execute(s -> links.issue(PURPOSE, record, "/public/link-test/", 30));
    }

    private static String token(CustomerLinks.IssuedLink link) {
        return link.url().substring(link.url().lastIndexOf('/') + 1);
    }

    @Test
    void aLinkIsAnsweredOnceAndThenSaysSo() {
        long record = recordId();
        CustomerLinks.IssuedLink link = issue(record);
        assertThat(link.url()).contains("/public/link-test/");
        String token = token(link);

        CustomerLinks.LinkTarget before = links.resolve(PURPOSE, token).orElseThrow();
        assertThat(before.recordId()).isEqualTo(record);
        assertThat(before.answered()).isFalse();
        assertThat(before.expired()).isFalse();
        assertThat(links.resolve("other-purpose", token)).isEmpty();
        assertThat(links.resolve(PURPOSE, token + "x")).isEmpty();

        tx.executeWithoutResult(s -> links.answer(PURPOSE, token));
        assertThat(links.resolve(PURPOSE, token).orElseThrow().answered()).isTrue();
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> links.answer(PURPOSE, token)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("link.answered"));
        assertThat(audit.history(PURPOSE, String.valueOf(record)))
                .extracting(AuditEntry::action).contains("ISSUE_CUSTOMER_LINK");
    }

    @Test
    void aNewLinkReplacesTheUnansweredOldOneAndAnExpiredLinkIsRefused() {
        long record = recordId();
        String old = token(issue(record));
        String fresh = token(issue(record));
        assertThat(links.resolve(PURPOSE, old).orElseThrow().expired()).isTrue();
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> links.answer(PURPOSE, old)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("link.expired"));

        // the last day has passed (company date): refused, and nothing answered
        jdbc.sql("update customer_link set expires_on = :d where purpose = :p and record_id = :r and revoked_at is null")
                .param("d", LocalDate.now(clock.withZone(properties.zone())).minusDays(1)).param("p", PURPOSE).param("r", record).update();
        assertThat(links.resolve(PURPOSE, fresh).orElseThrow().expired()).isTrue();
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> links.answer(PURPOSE, fresh)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("link.expired"));
        assertThat(links.resolve(PURPOSE, fresh).orElseThrow().answered()).isFalse();
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> links.answer(PURPOSE, "unknown")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void ofTwoConcurrentAnswersExactlyOneWins() throws Exception {
        String token = token(issue(recordId()));
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<String> outcomes = Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    start.await(5, TimeUnit.SECONDS);
                    try {
                        tx.executeWithoutResult(s -> links.answer(PURPOSE, token));
                        outcomes.add("won");
                    } catch (DomainException e) {
                        outcomes.add(e.code());
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(outcomes).containsExactlyInAnyOrder("won", "link.answered");
    }

    @Test
    void theLinkIsMailedInTheCustomersLanguageAfterCommit() throws Exception {
        long record = recordId();
        String address = "buyer" + record + "@customer.example";
        tx.executeWithoutResult(s -> {
            CustomerLinks.IssuedLink link = links.issue(PURPOSE, record, "/public/link-test/", 14);
            links.mail(link, address, Locale.ENGLISH, Text.literal("Please confirm order " + record),
                    Text.literal("Dear customer, please confirm."));
        });
        TestMail.MailFilter mine = m -> m.getAllRecipients()[0].toString().equals(address);
        assertThat(TestMail.await(mail, mine, 1, 5000)).isTrue();
        MimeMessage message = TestMail.received(mail, mine).get(0);
        assertThat(message.getSubject()).isEqualTo("Please confirm order " + record);
        String body = GreenMailUtil.getBody(message);
        assertThat(body).contains("/public/link-test/").contains("This link is valid until");
        assertThat(audit.history(PURPOSE, String.valueOf(record)))
                .extracting(AuditEntry::action).contains("MAIL_CUSTOMER_LINK");

        // a bad address is refused before anything is sent
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> links.mail(links.issue(PURPOSE, record,
                "/public/link-test/", 14), "not-an-address", Locale.ENGLISH, Text.literal("x"), Text.literal("y"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("email"));
    }
}
