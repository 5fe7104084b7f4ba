package com.careloop.survey.template;

import java.util.LinkedHashMap;
import java.util.Map;

import com.careloop.platform.Auditable;
import com.careloop.platform.DomainException;

/** The state of one template revision: DRAFT -> PUBLISHED (immutable) -> RETIRED; each step refuses the wrong state. */
final class SurveyTemplate implements Auditable {

    static final String RECORD_TYPE = "survey-template";

    private final long id;
    private final String code;
    private final int revision;
    private TemplateStatus status;
    private final long version;
    private final String summary;

    SurveyTemplate(long id, String code, int revision, TemplateStatus status, long version, String summary) {
        this.id = id;
        this.code = code;
        this.revision = revision;
        this.status = status;
        this.version = version;
        this.summary = summary;
    }

    void publish() {
        require(TemplateStatus.DRAFT, "publish");
        status = TemplateStatus.PUBLISHED;
    }

    void retire() {
        require(TemplateStatus.PUBLISHED, "retire");
        status = TemplateStatus.RETIRED;
    }

    /** Only a draft is changed in place; a published one is edited as its next revision. */
    void requireEditableInPlace() {
        require(TemplateStatus.DRAFT, "edit");
    }

    private void require(TemplateStatus expected, String step) {
        if (status != expected) {
            throw new DomainException("survey-template-state", com.careloop.platform.Text.of("error.survey.template-state",
                    code, String.valueOf(revision), String.valueOf(status), step));

        }
    }

    long id() {
        return id;
    }

    String code() {
        return code;
    }

    int revision() {
        return revision;
    }

    TemplateStatus status() {
        return status;
    }

    long version() {
        return version;
    }

    @Override
    public String auditType() {
        return RECORD_TYPE;
    }

    @Override
    public String auditId() {
        return String.valueOf(id);
    }

    @Override
    public Map<String, Object> auditState() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("revision", revision);
        m.put("status", status);
        m.put("content", summary);
        return m;
    }
}
