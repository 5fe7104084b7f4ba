package com.careloop.survey.template;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.careloop.platform.AuditTrail;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.NotFoundException;
import com.careloop.platform.Versions;
import com.careloop.platform.Text;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Questionnaire templates (调查表模板): versioned revisions. A draft is edited in place; publishing makes a revision
 * immutable; editing a published one creates the next revision as a draft, so a campaign keeps the revision it was
 * sent with. Each command is one transaction with its audit entry.
 */
@Service
@Transactional
public class SurveyTemplates {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final CurrentUsers users;
    private final Clock clock;

    SurveyTemplates(JdbcClient jdbc, AuditTrail audit, CurrentUsers users, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.users = users;
        this.clock = clock;
    }

    // ---- reads -------------------------------------------------------------------------------

    /** One immutable revision with dimensions and items; 404 if there is none. */
    @Transactional(readOnly = true)
    public TemplateView revision(long templateId) {
        return views("t.id = :id", Map.of("id", templateId)).stream().findFirst()
                .orElseThrow(() -> new NotFoundException(SurveyTemplate.RECORD_TYPE, templateId));
    }

    /** The latest published revision of each template code, by code. */
    @Transactional(readOnly = true)
    public List<TemplateView> published() {
        return views("""
                t.status = 'PUBLISHED' and t.revision = (select max(p.revision) from survey_template p
                 where p.code = t.code and p.status = 'PUBLISHED')""", Map.of());
    }

    /** Every revision of every template, by code and newest revision first. */
    @Transactional(readOnly = true)
    public List<TemplateView> all() {
        return views("1 = 1", Map.of());
    }

    /** The optimistic-lock version of a revision (the editor and the API send it back). */
    @Transactional(readOnly = true)
    public long version(long templateId) {
        return load(templateId).version();
    }

    // ---- commands ----------------------------------------------------------------------------

    /** A new template code as revision 1, DRAFT. */
    public TemplateView create(TemplateDraft draft) {
        TemplateRules.check(draft);
        String code = draft.code().trim();
        if (jdbc.sql("select count(*) from survey_template where code = :c").param("c", code).query(Long.class).single() > 0) {
            throw new InvalidInputException("code", "unique", "模板代码已存在：" + code + " / template code " + code + " exists");
        }
        long id = insert(code, 1, draft, TemplateStatus.DRAFT);
        audit.created(load(id));
        return revision(id);
    }

    /**
     * Edits a revision: a DRAFT in place (version checked); a PUBLISHED or RETIRED one becomes revision+1 as DRAFT
     * (refused while a newer draft of the same code exists). Returns the revision that now holds the content.
     */
    public TemplateView edit(long templateId, TemplateDraft draft) {
        SurveyTemplate t = load(templateId);
        Versions.requireCurrentIfGiven(draft.version(), t.version(), SurveyTemplate.RECORD_TYPE, t.code());
        if (draft.code() != null && !draft.code().trim().equals(t.code())) {
            throw new InvalidInputException("code", "immutable", Text.of("error.survey.template-code-cannot-change"));
        }
        TemplateRules.check(draft);
        if (t.status() == TemplateStatus.DRAFT) {
            t.requireEditableInPlace();
            if (jdbc.sql("select count(*) from survey_campaign where template_id = :id").param("id", templateId)
                    .query(Long.class).single() > 0) {
                throw new DomainException("survey-template-in-use", Text.of("error.survey.template-in-use",
                        String.valueOf(templateId)));
            }
            Map<String, Object> before = t.auditState();
            jdbc.sql("delete from survey_item where template_id = :id").param("id", templateId).update();
            jdbc.sql("delete from survey_dimension where template_id = :id").param("id", templateId).update();
            int n = jdbc.sql("""
                    update survey_template set name = :name, name_en = :nameEn, scale = :scale, method = :method,
                      threshold_a = :a, threshold_b = :b, opinion_prompt = :prompt, version = version + 1
                    where id = :id and version = :version""")
                    .params(header(draft)).param("id", templateId).param("version", t.version()).update();
            stale(n, t);
            insertContent(templateId, draft);
            audit.changed(load(templateId), "EDIT", before);
            return revision(templateId);
        }
        int newer = jdbc.sql("select coalesce(max(revision), 0) from survey_template where code = :c and status = 'DRAFT'")
                .param("c", t.code()).query(Integer.class).single();
        if (newer > 0) {
            throw new DomainException("survey-template-draft-exists", Text.of("error.survey.template-draft-exists",
                    t.code(), String.valueOf(newer)));

        }
        int next = jdbc.sql("select max(revision) from survey_template where code = :c").param("c", t.code())
                .query(Integer.class).single() + 1;
        long id = insert(t.code(), next, draft, TemplateStatus.DRAFT);
        audit.created(load(id));
        return revision(id);
    }

    /** DRAFT -> PUBLISHED: the revision is immutable from now on. */
    public TemplateView publish(long templateId, Long version) {
        return transition(templateId, version, "PUBLISH", SurveyTemplate::publish);
    }

    /** PUBLISHED -> RETIRED: no new campaigns with it; running ones keep it. */
    public TemplateView retire(long templateId, Long version) {
        return transition(templateId, version, "RETIRE", SurveyTemplate::retire);
    }

    /** Creates and publishes a ready template unless a template with its code exists (startup seeding). */
    public boolean seedIfAbsent(TemplateDraft draft) {
        if (jdbc.sql("select count(*) from survey_template where code = :c").param("c", draft.code())
                .query(Long.class).single() > 0) {
            return false;
        }
        TemplateView v = create(draft);
        publish(v.id(), null);
        return true;
    }

    // ---- helpers -----------------------------------------------------------------------------

    private TemplateView transition(long templateId, Long version, String action,
                                    java.util.function.Consumer<SurveyTemplate> step) {
        SurveyTemplate t = load(templateId);
        Versions.requireCurrentIfGiven(version, t.version(), SurveyTemplate.RECORD_TYPE, t.code());
        Map<String, Object> before = t.auditState();
        step.accept(t);
        int n = jdbc.sql("update survey_template set status = :s, version = version + 1 where id = :id and version = :v")
                .param("s", t.status().name()).param("id", templateId).param("v", t.version()).update();
        stale(n, t);
        audit.changed(t, action, before);
        return revision(templateId);
    }

    private static void stale(int updated, SurveyTemplate t) {
        if (updated == 0) {
            throw new OptimisticLockingFailureException("记录已被他人修改，请刷新后重试 / survey-template " + t.code()
                    + " was changed by someone else");
        }
    }

    private long insert(String code, int revision, TemplateDraft d, TemplateStatus status) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into survey_template (code, revision, name, name_en, scale, method, threshold_a, threshold_b,
                  opinion_prompt, status, version, created_at, created_by)
                values (:code, :revision, :name, :nameEn, :scale, :method, :a, :b, :prompt, :status, 0, :at, :by)""")
                .params(header(d)).param("code", code).param("revision", revision).param("status", status.name())
                .param("at", Timestamp.from(Instant.now(clock))).param("by", users.actorName())
                .update(keys, "id");
        long id = keys.getKey().longValue();
        insertContent(id, d);
        return id;
    }

    private static Map<String, Object> header(TemplateDraft d) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", d.name().trim());
        p.put("nameEn", blank(d.nameEn()));
        p.put("scale", d.scale().name());
        p.put("method", d.method().name());
        p.put("a", TemplateRules.thresholdA(d));
        p.put("b", TemplateRules.thresholdB(d));
        p.put("prompt", blank(d.opinionPrompt()));
        return p;
    }

    private void insertContent(long templateId, TemplateDraft d) {
        int itemOrder = 0;
        for (int i = 0; i < d.dimensions().size(); i++) {
            TemplateDraft.Dimension dim = d.dimensions().get(i);
            var keys = new GeneratedKeyHolder();
            jdbc.sql("""
                    insert into survey_dimension (template_id, sort_order, name, name_zh_tw, name_en, weight)
                    values (:t, :o, :name, :tw, :en, :w)""")
                    .param("t", templateId).param("o", i + 1).param("name", dim.name().trim())
                    .param("tw", blank(dim.nameZhTw())).param("en", blank(dim.nameEn())).param("w", dim.weight())
                    .update(keys, "id");
            long dimensionId = keys.getKey().longValue();
            for (TemplateDraft.Item item : dim.items()) {
                jdbc.sql("""
                        insert into survey_item (template_id, dimension_id, sort_order, code, text, text_zh_tw, text_en)
                        values (:t, :d, :o, :code, :text, :tw, :en)""")
                        .param("t", templateId).param("d", dimensionId).param("o", ++itemOrder)
                        .param("code", item.code().trim()).param("text", item.text().trim())
                        .param("tw", blank(item.textZhTw())).param("en", blank(item.textEn())).update();
            }
        }
    }

    private SurveyTemplate load(long id) {
        return jdbc.sql("select id, code, revision, status, version from survey_template where id = :id").param("id", id)
                .query((rs, n) -> new SurveyTemplate(rs.getLong(1), rs.getString(2), rs.getInt(3),
                        TemplateStatus.valueOf(rs.getString(4)), rs.getLong(5), null)).optional()
                .map(t -> new SurveyTemplate(t.id(), t.code(), t.revision(), t.status(), t.version(), summary(id)))
                .orElseThrow(() -> new NotFoundException(SurveyTemplate.RECORD_TYPE, id));
    }

    /** The content in one line for the audit trail: dimension(weight): item codes. */
    private String summary(long id) {
        return views("t.id = :id", Map.of("id", id)).stream().flatMap(v -> v.dimensions().stream())
                .map(d -> d.name() + "(" + d.weight().stripTrailingZeros().toPlainString() + "%): "
                        + d.items().stream().map(ItemView::code).collect(Collectors.joining(",")))
                .collect(Collectors.joining("; "));
    }

    private record Header(long id, String code, int revision, String name, String nameEn, Scale scale, Method method,
                          BigDecimal a, BigDecimal b, String prompt, TemplateStatus status) {
    }

    private record Dim(long id, long templateId, int sortOrder, String name, String tw, String en, BigDecimal weight) {
    }

    private record Item(long dimensionId, ItemView view) {
    }

    private List<TemplateView> views(String where, Map<String, Object> params) {
        List<Header> headers = jdbc.sql("""
                select t.id, t.code, t.revision, t.name, t.name_en, t.scale, t.method, t.threshold_a, t.threshold_b,
                       t.opinion_prompt, t.status from survey_template t where """ + " " + where
                + " order by t.code, t.revision desc").params(params)
                .query((rs, n) -> new Header(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5), Scale.valueOf(rs.getString(6)), Method.valueOf(rs.getString(7)),
                        rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getString(10),
                        TemplateStatus.valueOf(rs.getString(11)))).list();
        if (headers.isEmpty()) {
            return List.of();
        }
        List<Long> ids = headers.stream().map(Header::id).toList();
        List<Dim> dims = jdbc.sql("""
                select id, template_id, sort_order, name, name_zh_tw, name_en, weight from survey_dimension
                where template_id in (:ids) order by template_id, sort_order""").param("ids", ids)
                .query((rs, n) -> new Dim(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getBigDecimal(7))).list();
        Map<Long, List<ItemView>> items = jdbc.sql("""
                select dimension_id, id, sort_order, code, text, text_zh_tw, text_en from survey_item
                where template_id in (:ids) order by template_id, sort_order""").param("ids", ids)
                .query((rs, n) -> new Item(rs.getLong(1), new ItemView(rs.getLong(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)))).list().stream()
                .collect(Collectors.groupingBy(Item::dimensionId, LinkedHashMap::new,
                        Collectors.mapping(Item::view, Collectors.toList())));
        Map<Long, List<DimensionView>> byTemplate = new LinkedHashMap<>();
        for (Dim d : dims) {
            byTemplate.computeIfAbsent(d.templateId(), k -> new ArrayList<>()).add(new DimensionView(d.id(),
                    d.sortOrder(), d.name(), d.tw(), d.en(), d.weight(), List.copyOf(items.getOrDefault(d.id(), List.of()))));
        }
        return headers.stream().map(h -> new TemplateView(h.id(), h.code(), h.revision(), h.name(), h.nameEn(),
                h.scale(), h.method(), h.a(), h.b(), h.prompt(), h.status(),
                List.copyOf(byTemplate.getOrDefault(h.id(), List.of())))).toList();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
