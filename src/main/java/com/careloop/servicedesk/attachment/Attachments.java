package com.careloop.servicedesk.attachment;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import com.careloop.platform.AuditTrail;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.FieldChange;
import com.careloop.platform.NotFoundException;
import com.careloop.servicedesk.ServiceDesk;
import com.careloop.servicedesk.request.ServiceRequestRepository;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files of a service request (photos of the damage, a letter, a quote), stored in the database with
 * the request so one backup holds both. Every file passes {@link AttachmentRules} first. Adding one writes its
 * audit-trail entry on the request in the same transaction. Reads apply the request's data scope.
 */
@Service
@Transactional
public class Attachments {

    public enum Source { UPLOAD, EMAIL, WEB_FORM }

    public record Upload(String fileName, String declaredType, byte[] bytes) {
    }

    public record AttachmentView(long id, long requestId, String fileName, String contentType, long size,
                                 Source source, String uploadedBy, Instant uploadedAt) {
    }

    public record Content(String fileName, String contentType, byte[] bytes) {
    }

    private final ServiceDesk desk;
    private final ServiceRequestRepository requests;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final CurrentUsers users;
    private final Clock clock;
    private final AttachmentRules rules;

    Attachments(ServiceDesk desk, ServiceRequestRepository requests, JdbcClient jdbc, AuditTrail audit, CurrentUsers users,
                Clock clock, AttachmentRules rules) {
        this.desk = desk;
        this.requests = requests;
        this.jdbc = jdbc;
        this.audit = audit;
        this.users = users;
        this.clock = clock;
        this.rules = rules;
    }

    public AttachmentRules rules() {
        return rules;
    }

    /** A signed-in user adds a file to a request within their scope that is not closed. */
    public AttachmentView add(long requestId, Upload upload) {
        desk.requireVisible(requestId);
        return store(requestId, rules.check(upload), Source.UPLOAD);
    }

    /** Intake channels (the mailbox) attach files to the request they just registered, as {@code system}. */
    public AttachmentView addToNewRequest(long requestId, AttachmentRules.Checked file, Source source) {
        return store(requestId, file, source);
    }

    @Transactional(readOnly = true)
    public List<AttachmentView> list(long requestId) {
        desk.requireVisible(requestId);
        return jdbc.sql("""
                select id, request_id, file_name, content_type, size_bytes, source, uploaded_by, uploaded_at
                from service_request_attachment where request_id = :id order by id""")
                .param("id", requestId)
                .query((rs, n) -> new AttachmentView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), Source.valueOf(rs.getString(6)), rs.getString(7), rs.getTimestamp(8).toInstant()))
                .list();
    }

    @Transactional(readOnly = true)
    public Content content(long requestId, long attachmentId) {
        desk.requireVisible(requestId);
        return jdbc.sql("select file_name, content_type, content from service_request_attachment where id = :a and request_id = :r")
                .param("a", attachmentId).param("r", requestId)
                .query((rs, n) -> new Content(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .optional().orElseThrow(() -> new NotFoundException("attachment", attachmentId));
    }

    private AttachmentView store(long requestId, AttachmentRules.Checked file, Source source) {
        requests.findById(requestId).orElseThrow(() -> new NotFoundException(ServiceDesk.RECORD_TYPE, requestId))
                .requireOpen("attach a file to");
        Instant now = Instant.now(clock);
        String actor = users.actorName();
        var key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into service_request_attachment
                  (request_id, file_name, content_type, size_bytes, sha256, source, content, uploaded_by, uploaded_at)
                values (:r, :name, :type, :size, :sha, :source, :content, :by, :at)""")
                .param("r", requestId).param("name", file.fileName()).param("type", file.contentType())
                .param("size", file.bytes().length).param("sha", sha256(file.bytes())).param("source", source.name())
                .param("content", file.bytes()).param("by", actor).param("at", Timestamp.from(now))
                .update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        audit.record(ServiceDesk.RECORD_TYPE, String.valueOf(requestId), "ATTACHMENT", List.of(new FieldChange("attachment",
                null, file.fileName() + " (" + file.contentType() + ", " + file.bytes().length + " B)")));
        return new AttachmentView(id, requestId, file.fileName(), file.contentType(), file.bytes().length, source, actor, now);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
