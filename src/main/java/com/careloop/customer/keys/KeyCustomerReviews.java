package com.careloop.customer.keys;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.careloop.customer.archive.Customer;
import com.careloop.customer.archive.CustomerService;
import com.careloop.customer.keys.KeyCustomerReview.Outcome;
import com.careloop.customer.keys.KeyCustomerViews.Progress;
import com.careloop.customer.keys.KeyCustomerViews.Reminder;
import com.careloop.customer.keys.KeyCustomerViews.Review;
import com.careloop.customer.keys.KeyCustomerViews.ReviewItem;
import com.careloop.customer.keys.KeyCustomerViews.ReviewList;
import com.careloop.platform.Text;
import com.careloop.platform.AuditTrail;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The quarterly review of the key-customer list (重点客户档案每季度报客户服务中心进行变更审批): every
 * current key customer is confirmed or removed by the CS center, once per quarter; removal unflags
 * the customer. The reminder goes to the approvers once per quarter when the review falls due.
 */
@Service
@Transactional
public class KeyCustomerReviews {

    private final KeyCustomerReviewRepository reviews;
    private final CustomerService archive;
    private final KeyCustomerService keys;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final CurrentUsers users;
    private final Approvers approvers;
    private final Clock clock;

    KeyCustomerReviews(KeyCustomerReviewRepository reviews, CustomerService archive, KeyCustomerService keys,
                       JdbcClient jdbc, AuditTrail audit, CurrentUsers users, Approvers approvers, Clock clock) {
        this.reviews = reviews;
        this.archive = archive;
        this.keys = keys;
        this.jdbc = jdbc;
        this.audit = audit;
        this.users = users;
        this.approvers = approvers;
        this.clock = clock;
    }

    public Quarter currentQuarter() {
        return Quarter.of(approvers.today());
    }

    /** The quarter given, or the current one; a future quarter cannot be reviewed yet. */
    public Quarter quarter(String text) {
        if (text == null || text.isBlank()) {
            return currentQuarter();
        }
        Quarter q = Quarter.parse(text);
        if (q.firstDay().isAfter(approvers.today())) {
            throw new InvalidInputException("quarter", "not-future", Text.of("error.customer.quarter-not-begun", q.toString()));
        }
        return q;
    }

    public ReviewItem record(Review cmd) {
        CurrentUser me = users.require();
        Quarter q = quarter(cmd.quarter());
        Customer customer = archive.load(cmd.customerId());
        if (reviews.existsByQuarterAndCustomerId(q.toString(), customer.getId())) {
            throw new DomainException("key-customer.reviewed", Text.of("error.customer.quarter-reviewed", q.toString()));

        }
        if (!customer.isKeyCustomer()) {
            throw new DomainException("key-customer.not-key", Text.of("error.customer.customer-key-customer-2"));
        }
        KeyCustomerReview review = new KeyCustomerReview(q, customer.getId(), cmd.outcome(),
                KeyCustomerService.blank(cmd.comment()), me.id(), Instant.now(clock));
        reviews.saveAndFlush(review);
        audit.created(review);
        if (cmd.outcome() == Outcome.REMOVE) {
            keys.unflagInReview(customer);
        }
        return list(q).items().stream().filter(i -> i.customerId() == customer.getId()).findFirst().orElseThrow();
    }

    /**
     * The quarter's list: every current key customer in the reader's scope, plus those reviewed in
     * the quarter (a removed customer stays on the list, showing its outcome).
     */
    @Transactional(readOnly = true)
    public ReviewList list(Quarter q) {
        var scope = users.require().scope().condition("c.department_id", "c.representative_id", "c.deputy_id");
        List<ReviewItem> items = jdbc.sql("""
                select c.id, c.code, c.name, c.key_customer, coalesce(c.key_criterion, '') criterion, c.key_since,
                       r.outcome, r.comment, u.display_name reviewer, r.reviewed_at
                from customer c
                left join key_customer_review r on r.customer_id = c.id and r.quarter = :quarter
                left join org_user u on u.id = r.reviewer_id
                where (r.id is not null or (c.key_customer = true and c.active = true)) and\s""" + scope.sql() + " " + """
                order by case when r.id is null then 0 else 1 end, c.key_since, c.id""")
                .params(scope.params()).param("quarter", q.toString())
                .query((rs, n) -> new ReviewItem(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                        rs.getBoolean("key_customer"), rs.getString("criterion"),
                        rs.getObject("key_since", LocalDate.class),
                        rs.getString("outcome") == null ? null : Outcome.valueOf(rs.getString("outcome")),
                        rs.getString("comment"), rs.getString("reviewer"), KeyCustomerService.instant(rs, "reviewed_at")))
                .list();
        int reviewed = (int) items.stream().filter(ReviewItem::reviewed).count();
        return new ReviewList(q.toString(), new Progress(q.toString(), reviewed, items.size()),
                q.reviewDueOn(approvers.today()), q.reviewDueFrom(), items);
    }

    /** Progress over all key customers, whoever asks (the job has no reader). */
    @Transactional(readOnly = true)
    public Progress progress(Quarter q) {
        Map<String, Object> counts = jdbc.sql("""
                select count(r.id) reviewed, count(*) total
                from customer c left join key_customer_review r on r.customer_id = c.id and r.quarter = :quarter
                where r.id is not null or (c.key_customer = true and c.active = true)""")
                .param("quarter", q.toString()).query().singleRow();
        return new Progress(q.toString(), ((Number) counts.get("reviewed")).intValue(),
                ((Number) counts.get("total")).intValue());
    }

    /** The banner: shown while the current quarter's review is due and incomplete. */
    @Transactional(readOnly = true)
    public Optional<Reminder> reminder() {
        return reminder(approvers.today());
    }

    Optional<Reminder> reminder(LocalDate today) {
        Quarter q = Quarter.of(today);
        if (!q.reviewDueOn(today)) {
            return Optional.empty();
        }
        Progress p = progress(q);
        return p.complete() ? Optional.empty() : Optional.of(new Reminder(q.toString(), q.reviewDueFrom(), q.lastDay(), p));
    }

    /**
     * The daily job's work: notify the approvers once for the current quarter when its review is
     * due and incomplete. The reminder row is inserted first; its primary key makes a second node
     * or a second run insert nothing, so nobody is told twice. Returns how many were notified.
     */
    public int remindIfDue() {
        return remindIfDue(approvers.today());
    }

    int remindIfDue(LocalDate today) {
        Optional<Reminder> due = reminder(today);
        if (due.isEmpty()) {
            return 0;
        }
        Reminder r = due.get();
        int inserted = jdbc.sql("""
                insert into key_customer_review_reminder (quarter, sent_at, notified)
                select :quarter, :at, 0 from (values (1)) v(x)
                where not exists (select 1 from key_customer_review_reminder where quarter = :quarter)""")
                .param("quarter", r.quarter()).param("at", java.sql.Timestamp.from(Instant.now(clock))).update();
        if (inserted == 0) {
            return 0;
        }
        int sent = approvers.notifyAll(null, Text.of("texts.notify.key-review-due"),
                Text.of("texts.notify.key-review-progress", r.quarter(), r.progress().reviewed(), r.progress().total(),
                        r.dueBy()), "/key-customers/review?quarter=" + r.quarter());
        jdbc.sql("update key_customer_review_reminder set notified = :n where quarter = :quarter")
                .param("n", sent).param("quarter", r.quarter()).update();
        return sent;
    }
}
