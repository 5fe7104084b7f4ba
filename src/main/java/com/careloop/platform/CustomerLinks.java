package com.careloop.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal links a customer answers without login: confirming an oral order, approving a sample, deciding what
 * happens to their damaged property. The owning module keeps its record and its public page; this block keeps the
 * token (only its SHA-256 is stored), its last day in company time, and the one-time answer, so every module gets
 * the same rules: a new link for a record revokes the unanswered earlier one, an expired or answered link says so,
 * and of two concurrent answers exactly one wins (a conditional update, not a read-then-write).
 *
 * <p>The {@code purpose} is also the audit record type under which issuing and mailing are recorded, so use the
 * owning record's audit type (e.g. {@code "contract"}) or a more specific one (e.g. {@code "sample"}).
 */
@Service
@Transactional
public class CustomerLinks {

    public record IssuedLink(long id, String url, LocalDate expiresOn) {
    }

    public record LinkTarget(long id, String purpose, long recordId, LocalDate expiresOn, boolean expired,
                             Instant answeredAt) {
        public boolean answered() {
            return answeredAt != null;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CareLoopProperties properties;
    private final AuditTrail audit;
    private final CurrentUsers users;
    private final Notifications notifications;
    private final Texts texts;

    CustomerLinks(JdbcClient jdbc, Clock clock, CareLoopProperties properties, AuditTrail audit, CurrentUsers users,
                  Notifications notifications, Texts texts) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.audit = audit;
        this.users = users;
        this.notifications = notifications;
        this.texts = texts;
    }

    /**
     * A fresh link for a record, valid through {@code validDays} company days from today; earlier unanswered links
     * of the same purpose and record stop working. {@code publicPath} is the owning module's public page prefix,
     * e.g. {@code "/public/order-confirmations/"}; the url is the base url + that path + the token.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public IssuedLink issue(String purpose, long recordId, String publicPath, int validDays) {
        if (validDays < 1) {
            throw new InvalidInputException("validDays", "min", Text.of("link.valid-days"));
        }
        Instant now = Instant.now(clock);
        jdbc.sql("""
                update customer_link set revoked_at = :now
                where purpose = :purpose and record_id = :record and answered_at is null and revoked_at is null""")
                .param("now", Timestamp.from(now)).param("purpose", purpose).param("record", recordId).update();
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        LocalDate expiresOn = today().plusDays(validDays);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into customer_link (purpose, record_id, token_hash, expires_on, issued_at, issued_by)
                values (:purpose, :record, :hash, :expires, :now, :by)""")
                .param("purpose", purpose).param("record", recordId).param("hash", hash(token))
                .param("expires", expiresOn).param("now", Timestamp.from(now))
                .param("by", users.current().map(CurrentUser::id).orElse(null))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        audit.record(purpose, String.valueOf(recordId), "ISSUE_CUSTOMER_LINK",
                List.of(new FieldChange("customerLinkExpiresOn", null, expiresOn.toString())));
        return new IssuedLink(id, properties.baseUrl() + publicPath + token, expiresOn);
    }

    /** What a token stands for, also when expired, revoked or answered (the page says so); empty if unknown. */
    @Transactional(readOnly = true)
    public Optional<LinkTarget> resolve(String purpose, String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        LocalDate today = today();
        return jdbc.sql("""
                select id, purpose, record_id, expires_on, answered_at, revoked_at from customer_link
                where token_hash = :hash and purpose = :purpose""")
                .param("hash", hash(token)).param("purpose", purpose)
                .query((rs, n) -> {
                    LocalDate expiresOn = rs.getObject("expires_on", LocalDate.class);
                    Timestamp answered = rs.getTimestamp("answered_at");
                    boolean revoked = rs.getTimestamp("revoked_at") != null;
                    return new LinkTarget(rs.getLong("id"), rs.getString("purpose"), rs.getLong("record_id"),
                            expiresOn, revoked || today.isAfter(expiresOn),
                            answered == null ? null : answered.toInstant());
                })
                .optional();
    }

    /**
     * Records the answer through a link in the caller's transaction: once. Unknown token → 404; expired or replaced
     * by a newer link → 409 {@code link.expired}; answered already (also by a concurrent request) → 409
     * {@code link.answered}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public LinkTarget answer(String purpose, String token) {
        LinkTarget target = resolve(purpose, token).orElseThrow(() -> new NotFoundException("customer-link", "token"));
        if (target.answered()) {
            throw answered();
        }
        if (target.expired()) {
            throw new DomainException("link.expired", Text.of("link.expired", target.expiresOn()));
        }
        Instant now = Instant.now(clock);
        int won = jdbc.sql("update customer_link set answered_at = :now where id = :id and answered_at is null")
                .param("now", Timestamp.from(now)).param("id", target.id()).update();
        if (won == 0) {
            throw answered();
        }
        return new LinkTarget(target.id(), target.purpose(), target.recordId(), target.expiresOn(), false, now);
    }

    /**
     * Mails a link to a customer's address once the transaction commits; subject and body are rendered in the
     * customer's language and the link is appended to the body. The sending (address and last day) is audited on the
     * record.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void mail(IssuedLink link, String toAddress, Locale language, Text subject, Text body) {
        if (toAddress == null || !toAddress.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new InvalidInputException("email", "email", Text.of("link.email-invalid"));
        }
        LinkTarget target = jdbc.sql("select purpose, record_id from customer_link where id = :id")
                .param("id", link.id())
                .query((rs, n) -> new LinkTarget(link.id(), rs.getString(1), rs.getLong(2), link.expiresOn(), false,
                        null))
                .optional().orElseThrow(() -> new NotFoundException("customer-link", link.id()));
        String text = texts.render(body, language) + "\n\n" + link.url() + "\n"
                + texts.render(Text.of("link.mail.valid-until", link.expiresOn()), language);
        notifications.mailAfterCommit(toAddress, texts.render(subject, language), text);
        audit.record(target.purpose(), String.valueOf(target.recordId()), "MAIL_CUSTOMER_LINK",
                List.of(new FieldChange("customerLinkMailedTo", null, toAddress)));
    }

    private static DomainException answered() {
        return new DomainException("link.answered", Text.of("link.answered"));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(properties.zone()));
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
