package com.careloop.inspection;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;

import com.careloop.platform.AuditTrail;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.NotFoundException;
import com.careloop.platform.Text;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links into the company's outside document system (PDMC, 000-A5 "PDMC系统中归档的客户CSR稽查checklist"): an audit's
 * folder and a checklist template may carry a document reference — a path below the configured base URL
 * ({@code careloop.inspection.document-system-url}) or a full http(s) address — shown as a link. Nothing else is
 * exchanged with that system. A reference that does not make an http(s) link is a 422 naming {@code documentRef}.
 */
@Service
@Transactional
public class DocumentLinks {

    static final int MAX = 500;

    /** The reference and the link it makes (null when none or when the base URL is no longer configured). */
    public record DocumentLink(String documentRef, String link) {
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Audits audits;
    private final String base;

    DocumentLinks(JdbcClient jdbc, AuditTrail audit, Audits audits,
                  @Value("${careloop.inspection.document-system-url:}") String base) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.audits = audits;
        this.base = base == null ? "" : base.trim();
    }

    @Transactional(readOnly = true)
    public DocumentLink ofAudit(long auditId) {
        audits.access(auditId, false);
        return link(jdbc.sql("select document_ref from audit where id = :id").param("id", auditId).query(String.class)
                .optional().orElse(null));
    }

    @Transactional(readOnly = true)
    public DocumentLink ofTemplate(long templateId) {
        return link(jdbc.sql("select document_ref from checklist_template where id = :id").param("id", templateId)
                .query(String.class).optional().orElse(null));
    }

    /** The audit team (or a manager) files the audit's folder in the document system; blank clears it. */
    public DocumentLink setForAudit(long auditId, String ref) {
        audits.access(auditId, true);
        String clean = check(ref);
        DocumentLink before = ofAudit(auditId);
        jdbc.sql("update audit set document_ref = :r where id = :id").param("r", clean).param("id", auditId).update();
        audit.record(Audits.RECORD_TYPE, String.valueOf(auditId), "DOCUMENT_REF",
                AuditTrail.diff(map(before.documentRef()), map(clean)));
        return link(clean);
    }

    /** Where a template (a customer's CSR checklist) is archived in the document system; any status (not content). */
    public DocumentLink setForTemplate(long templateId, String ref) {
        String clean = check(ref);
        if (jdbc.sql("select count(*) from checklist_template where id = :id").param("id", templateId)
                .query(Long.class).single() == 0) {
            throw new NotFoundException(ChecklistTemplates.RECORD_TYPE, templateId);
        }
        DocumentLink before = ofTemplate(templateId);
        jdbc.sql("update checklist_template set document_ref = :r where id = :id").param("r", clean)
                .param("id", templateId).update();
        audit.record(ChecklistTemplates.RECORD_TYPE, String.valueOf(templateId), "DOCUMENT_REF",
                AuditTrail.diff(map(before.documentRef()), map(clean)));
        return link(clean);
    }

    private String check(String ref) {
        if (ref == null || ref.isBlank()) {
            return null;
        }
        String clean = ref.trim();
        if (clean.length() > MAX) {
            throw new InvalidInputException("documentRef", "length", Text.of("error.inspection.document-ref-length", MAX));
        }
        resolve(base, clean);
        return clean;
    }

    private DocumentLink link(String ref) {
        if (ref == null) {
            return new DocumentLink(null, null);
        }
        try {
            return new DocumentLink(ref, resolve(base, ref));
        } catch (InvalidInputException e) { // the base URL was removed since: the reference stays, without a link
            return new DocumentLink(ref, null);
        }
    }

    /**
     * The link of a reference: a full http(s) address as it is; otherwise the base URL (http(s)) and the reference as
     * the path below it. Anything else (another scheme such as javascript:, spaces, a relative reference without a
     * base URL) is refused naming {@code documentRef}.
     */
    public static String resolve(String base, String ref) {
        if (ref.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw bad("spaces");
        }
        URI uri = parse(ref);
        if (uri.getScheme() != null) {
            return web(uri) ? uri.toASCIIString() : fail("scheme");
        }
        if (base == null || base.isBlank()) {
            throw bad("no-base");
        }
        URI root = parse(base.endsWith("/") ? base : base + "/");
        if (!web(root)) {
            throw bad("no-base");
        }
        String path = ref.startsWith("/") ? ref.substring(1) : ref;
        URI link = parse(root + path);
        return web(link) ? link.toASCIIString() : fail("scheme");
    }

    private static boolean web(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
    }

    private static URI parse(String s) {
        try {
            return new URI(s);
        } catch (URISyntaxException e) {
            throw bad("syntax");
        }
    }

    private static String fail(String rule) {
        throw bad(rule);
    }

    private static InvalidInputException bad(String rule) {
        return new InvalidInputException("documentRef", rule, Text.of("error.inspection.document-ref." + rule));
    }

    private static Map<String, Object> map(String ref) {
        return ref == null ? Map.of() : Map.of("documentRef", ref);
    }
}
