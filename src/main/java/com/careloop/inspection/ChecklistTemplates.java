package com.careloop.inspection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.careloop.inspection.InspectionCommands.NewItem;
import com.careloop.inspection.InspectionCommands.NewSection;
import com.careloop.inspection.InspectionCommands.NewTemplate;
import com.careloop.inspection.InspectionViews.Item;
import com.careloop.inspection.InspectionViews.Section;
import com.careloop.inspection.InspectionViews.Template;
import com.careloop.inspection.InspectionViews.TemplateRow;
import com.careloop.platform.AuditTrail;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.NotFoundException;
import com.careloop.platform.Text;
import com.careloop.platform.Versions;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checklist templates, versioned like the survey templates: a new template is revision 1 in DRAFT, edited in place;
 * publishing freezes it (audits are planned on published revisions only and keep theirs); a "new revision" copies the
 * latest revision into a draft of the next number; retiring stops new audits and new answers on it. Every change is
 * audited in its transaction.
 */
@Service
@Transactional
public class ChecklistTemplates {

    public static final String RECORD_TYPE = "checklist-template";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    ChecklistTemplates(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new template as revision 1 in DRAFT; 409 when the code is taken. */
    public Template create(NewTemplate cmd) {
        validate(cmd);
        String code = cmd.code().trim();
        if (jdbc.sql("select count(*) from checklist_template where code = :c").param("c", code)
                .query(Long.class).single() > 0) {
            throw DomainException.of("inspection.template-code-taken", code);
        }
        long id = insert(code, 1, cmd);
        audit.record(RECORD_TYPE, String.valueOf(id), "CREATE", AuditTrail.diff(Map.of(), state(id)));
        return template(id);
    }

    /**
     * An imported checklist as a new DRAFT: revision 1 of a new code, or the next revision of an existing code (409
     * while that code already has a draft).
     */
    public Template importDraft(NewTemplate cmd) {
        validate(cmd);
        String code = cmd.code().trim();
        Integer last = jdbc.sql("select max(revision) from checklist_template where code = :c").param("c", code)
                .query(Integer.class).optional().orElse(null);
        if (last == null) {
            return create(cmd);
        }
        if (jdbc.sql("select count(*) from checklist_template where code = :c and status = 'DRAFT'")
                .param("c", code).query(Long.class).single() > 0) {
            throw DomainException.of("inspection.template-draft-exists", code);
        }
        long id = insert(code, last + 1, cmd);
        audit.record(RECORD_TYPE, String.valueOf(id), "IMPORT", AuditTrail.diff(Map.of(), state(id)));
        return template(id);
    }

    /** Replaces the content of a DRAFT revision (409 on a published or retired one, or a stale version). */
    public Template edit(long id, NewTemplate cmd, Long version) {
        Template t = template(id);
        Versions.requireCurrentIfGiven(version, t.version(), RECORD_TYPE, t.code());
        requireStatus(t, TemplateStatus.DRAFT, "edit");
        validate(cmd);
        Map<String, Object> before = state(id);
        jdbc.sql("delete from checklist_item where template_id = :id").param("id", id).update();
        jdbc.sql("""
                update checklist_template set kind = :kind, title = :title, pass_score = :pass,
                  conditional_score = :cond, version = version + 1, updated_at = :now where id = :id""")
                .param("kind", cmd.kind().name()).param("title", cmd.title().trim())
                .param("pass", pass(cmd)).param("cond", conditional(cmd)).param("now", java.sql.Timestamp.from(now())).param("id", id).update();
        insertItems(id, cmd.sections());
        audit.record(RECORD_TYPE, String.valueOf(id), "EDIT", AuditTrail.diff(before, state(id)));
        return template(id);
    }

    public Template publish(long id, Long version) {
        return step(id, version, TemplateStatus.DRAFT, TemplateStatus.PUBLISHED, "PUBLISH");
    }

    public Template retire(long id, Long version) {
        return step(id, version, TemplateStatus.PUBLISHED, TemplateStatus.RETIRED, "RETIRE");
    }

    /** A DRAFT copy of this revision as the next revision number; 409 while the code already has a draft. */
    public Template newRevision(long id) {
        Template t = template(id);
        if (jdbc.sql("select count(*) from checklist_template where code = :c and status = 'DRAFT'")
                .param("c", t.code()).query(Long.class).single() > 0) {
            throw DomainException.of("inspection.template-draft-exists", t.code());
        }
        int next = jdbc.sql("select max(revision) from checklist_template where code = :c").param("c", t.code())
                .query(Integer.class).single() + 1;
        long copy = insert(t.code(), next, asCommand(t));
        jdbc.sql("update checklist_template set deliverables = (select o.deliverables from checklist_template o where o.id = :o) where id = :id")
                .param("o", id).param("id", copy).update();
        audit.record(RECORD_TYPE, String.valueOf(copy), "NEW_REVISION", AuditTrail.diff(Map.of(), state(copy)));
        return template(copy);
    }

    /**
     * The deliverables every audit of this DRAFT revision will require (Facility Profile, CFSI_CMRT …), one name each
     * (at most 200 characters); copied into the audit when it is planned. Replaces the list; 409 once published.
     */
    public List<String> setDeliverables(long id, List<String> names, Long version) {
        Template t = template(id);
        Versions.requireCurrentIfGiven(version, t.version(), RECORD_TYPE, t.code());
        requireStatus(t, TemplateStatus.DRAFT, "deliverables");
        List<String> clean = names == null ? List.of() : names.stream().filter(java.util.Objects::nonNull)
                .map(String::trim).filter(n -> !n.isEmpty()).distinct().toList();
        for (int i = 0; i < clean.size(); i++) {
            if (clean.get(i).length() > 200) {
                throw new InvalidInputException("names[" + i + "]", "length", Text.of("error.inspection.deliverable-name"));
            }
        }
        String joined = clean.isEmpty() ? null : String.join("\n", clean);
        if (joined != null && joined.length() > 4000) {
            throw new InvalidInputException("names", "length", Text.of("error.inspection.deliverable-name"));
        }
        List<String> before = deliverables(id);
        jdbc.sql("update checklist_template set deliverables = :d, version = version + 1, updated_at = :now where id = :id")
                .param("d", joined).param("now", java.sql.Timestamp.from(now())).param("id", id).update();
        audit.record(RECORD_TYPE, String.valueOf(id), "DELIVERABLES", AuditTrail.diff(
                Map.of("deliverables", String.join("; ", before)), Map.of("deliverables", String.join("; ", clean))));
        return clean;
    }

    @Transactional(readOnly = true)
    public List<String> deliverables(long id) {
        List<String> rows = jdbc.sql("select deliverables from checklist_template where id = :id").param("id", id)
                .query(String.class).list();
        if (rows.isEmpty()) {
            throw new NotFoundException(RECORD_TYPE, id);
        }
        return rows.get(0) == null ? List.of() : rows.get(0).lines().toList();
    }

    @Transactional(readOnly = true)
    public List<TemplateRow> list(AuditKind kind, TemplateStatus status) {
        return jdbc.sql("""
                select t.id, t.code, t.revision, t.kind, t.title, t.status, t.version,
                  (select count(*) from checklist_item i where i.template_id = t.id) items,
                  (select count(*) from checklist_item i where i.template_id = t.id and i.red_line) red
                from checklist_template t
                where (cast(:kind as varchar(30)) is null or t.kind = :kind)
                  and (cast(:status as varchar(20)) is null or t.status = :status)
                order by t.kind, t.code, t.revision desc""")
                .param("kind", kind == null ? null : kind.name()).param("status", status == null ? null : status.name())
                .query((rs, n) -> new TemplateRow(rs.getLong("id"), rs.getString("code"), rs.getInt("revision"),
                        AuditKind.valueOf(rs.getString("kind")), rs.getString("title"),
                        TemplateStatus.valueOf(rs.getString("status")), rs.getInt("items"), rs.getInt("red"),
                        rs.getLong("version"))).list();
    }

    /** The latest published revision of a template code, if any (the ready templates are looked up so). */
    @Transactional(readOnly = true)
    public java.util.Optional<Template> published(String code) {
        return jdbc.sql("select id from checklist_template where code = :c and status = 'PUBLISHED' order by revision desc")
                .param("c", code).query(Long.class).list().stream().findFirst().map(this::template);
    }

    @Transactional(readOnly = true)
    public Template template(long id) {
        record Head(long id, String code, int revision, AuditKind kind, String title, TemplateStatus status, int pass,
                    int cond, long version) {
        }
        Head h = jdbc.sql("select * from checklist_template where id = :id").param("id", id)
                .query((rs, n) -> new Head(rs.getLong("id"), rs.getString("code"), rs.getInt("revision"),
                        AuditKind.valueOf(rs.getString("kind")), rs.getString("title"),
                        TemplateStatus.valueOf(rs.getString("status")), rs.getInt("pass_score"),
                        rs.getInt("conditional_score"), rs.getLong("version")))
                .optional().orElseThrow(() -> new NotFoundException(RECORD_TYPE, id));
        Map<Integer, List<Item>> bySection = new LinkedHashMap<>();
        Map<Integer, String[]> titles = new LinkedHashMap<>();
        jdbc.sql("select * from checklist_item where template_id = :id order by section_no, item_no").param("id", id)
                .query((rs, n) -> {
                    titles.putIfAbsent(rs.getInt("section_no"), new String[] {rs.getString("section_zh_cn"),
                            rs.getString("section_zh_tw"), rs.getString("section_en")});
                    return item(rs);
                }).list().forEach(i -> bySection.computeIfAbsent(i.sectionNo(), k -> new ArrayList<>()).add(i));
        List<Section> sections = new ArrayList<>();
        bySection.forEach((no, items) -> sections.add(new Section(no, titles.get(no)[0], titles.get(no)[1],
                titles.get(no)[2], items)));
        return new Template(h.id(), h.code(), h.revision(), h.kind(), h.title(), h.status(), h.pass(), h.cond(),
                h.version(), sections);
    }

    static Item item(ResultSet rs) throws SQLException {
        return new Item(rs.getLong("id"), rs.getInt("section_no"), rs.getInt("item_no"), rs.getString("text_zh_cn"),
                rs.getString("text_zh_tw"), rs.getString("text_en"), ItemKind.valueOf(rs.getString("kind")),
                (Integer) rs.getObject("max_score", Integer.class), rs.getBigDecimal("min_value"),
                rs.getBigDecimal("max_value"), rs.getInt("min_photos"), rs.getInt("weight"),
                rs.getBoolean("red_line"), lines(rs.getString("evidence")), rs.getString("department_code"),
                csv(rs.getString("schemes")));
    }

    private Template step(long id, Long version, TemplateStatus from, TemplateStatus to, String action) {
        Template t = template(id);
        Versions.requireCurrentIfGiven(version, t.version(), RECORD_TYPE, t.code());
        requireStatus(t, from, action.toLowerCase());
        if (to == TemplateStatus.PUBLISHED && t.sections().stream().allMatch(s -> s.items().isEmpty())) {
            throw DomainException.of("inspection.template-empty", t.code());
        }
        if (to == TemplateStatus.PUBLISHED) {
            // one published revision per code: publishing the next one retires the previous
            for (long old : jdbc.sql("select id from checklist_template where code = :c and status = 'PUBLISHED'")
                    .param("c", t.code()).query(Long.class).list()) {
                Map<String, Object> b = state(old);
                jdbc.sql("update checklist_template set status = 'RETIRED', version = version + 1, updated_at = :now where id = :id")
                        .param("now", java.sql.Timestamp.from(now())).param("id", old).update();
                audit.record(RECORD_TYPE, String.valueOf(old), "RETIRE", AuditTrail.diff(b, state(old)));
            }
        }
        Map<String, Object> before = state(id);
        int n = jdbc.sql("""
                update checklist_template set status = :to, version = version + 1, updated_at = :now
                where id = :id and version = :v""").param("to", to.name()).param("now", java.sql.Timestamp.from(now())).param("id", id)
                .param("v", t.version()).update();
        Versions.requireCurrent(n == 1 ? t.version() : -1L, t.version(), RECORD_TYPE, t.code());
        audit.record(RECORD_TYPE, String.valueOf(id), action, AuditTrail.diff(before, state(id)));
        return template(id);
    }

    private static void requireStatus(Template t, TemplateStatus expected, String step) {
        if (t.status() != expected) {
            throw DomainException.of("inspection.template-state", t.code(), t.revision(), t.status(), step);
        }
    }

    private long insert(String code, int revision, NewTemplate cmd) {
        Instant now = now();
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into checklist_template (code, revision, kind, title, status, pass_score, conditional_score,
                  created_at, updated_at) values (:code, :rev, :kind, :title, 'DRAFT', :pass, :cond, :now, :now)""")
                .param("code", code).param("rev", revision).param("kind", cmd.kind().name())
                .param("title", cmd.title().trim()).param("pass", pass(cmd)).param("cond", conditional(cmd))
                .param("now", java.sql.Timestamp.from(now)).update(keys, "id");
        long id = keys.getKey().longValue();
        insertItems(id, cmd.sections());
        return id;
    }

    private void insertItems(long templateId, List<NewSection> sections) {
        int s = 0;
        for (NewSection section : sections) {
            s++;
            int i = 0;
            for (NewItem item : section.items()) {
                i++;
                jdbc.sql("""
                        insert into checklist_item (template_id, section_no, section_zh_cn, section_zh_tw, section_en,
                          item_no, text_zh_cn, text_zh_tw, text_en, kind, max_score, min_value, max_value, min_photos,
                          weight, red_line, evidence, department_code, schemes)
                        values (:t, :s, :s1, :s2, :s3, :i, :t1, :t2, :t3, :kind, :max, :minv, :maxv, :photos, :w, :red,
                          :ev, :dept, :schemes)""")
                        .param("t", templateId).param("s", s).param("s1", section.titleZhCn().trim())
                        .param("s2", blankToNull(section.titleZhTw())).param("s3", blankToNull(section.titleEn()))
                        .param("i", i).param("t1", item.textZhCn().trim()).param("t2", blankToNull(item.textZhTw()))
                        .param("t3", blankToNull(item.textEn())).param("kind", item.kind().name())
                        .param("max", item.kind() == ItemKind.SCORE ? (item.maxScore() == null ? 5 : item.maxScore()) : null)
                        .param("minv", item.minValue()).param("maxv", item.maxValue())
                        .param("photos", item.kind() == ItemKind.PHOTO ? Math.max(1, item.minPhotos() == null ? 1 : item.minPhotos()) : 0)
                        .param("w", item.weight() == null ? 1 : item.weight())
                        .param("red", Boolean.TRUE.equals(item.redLine())).param("ev", blankToNull(item.evidence()))
                        .param("dept", blankToNull(item.departmentCode())).param("schemes", blankToNull(item.schemes()))
                        .update();
            }
        }
    }

    private static void validate(NewTemplate cmd) {
        if (cmd == null || cmd.code() == null || cmd.code().isBlank() || cmd.code().length() > 40) {
            throw new InvalidInputException("code", "required", Text.of("error.inspection.required", "code"));
        }
        if (cmd.kind() == null) {
            throw new InvalidInputException("kind", "required", Text.of("error.inspection.required", "kind"));
        }
        if (cmd.title() == null || cmd.title().isBlank() || cmd.title().length() > 200) {
            throw new InvalidInputException("title", "required", Text.of("error.inspection.required", "title"));
        }
        if (pass(cmd) < conditional(cmd) || pass(cmd) > 100 || conditional(cmd) < 0) {
            throw new InvalidInputException("passScore", "range", Text.of("error.inspection.thresholds"));
        }
        if (cmd.sections() == null) {
            throw new InvalidInputException("sections", "required", Text.of("error.inspection.required", "sections"));
        }
        for (NewSection s : cmd.sections()) {
            if (s == null || s.titleZhCn() == null || s.titleZhCn().isBlank() || s.items() == null) {
                throw new InvalidInputException("sections", "required", Text.of("error.inspection.required", "sections.titleZhCn"));
            }
            for (NewItem i : s.items()) {
                if (i == null || i.textZhCn() == null || i.textZhCn().isBlank() || i.kind() == null) {
                    throw new InvalidInputException("items", "required", Text.of("error.inspection.required", "items.textZhCn/kind"));
                }
                if ((i.weight() != null && i.weight() < 0) || (i.maxScore() != null && i.maxScore() < 1)
                        || (i.minValue() != null && i.maxValue() != null && i.minValue().compareTo(i.maxValue()) > 0)) {
                    throw new InvalidInputException("items", "range", Text.of("error.inspection.item-limits", i.textZhCn()));
                }
            }
        }
    }

    private Map<String, Object> state(long id) {
        Template t = template(id);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", t.code());
        m.put("revision", t.revision());
        m.put("kind", t.kind());
        m.put("title", t.title());
        m.put("status", t.status());
        m.put("passScore", t.passScore());
        m.put("conditionalScore", t.conditionalScore());
        m.put("items", t.sections().stream().mapToInt(s -> s.items().size()).sum());
        return m;
    }

    private static NewTemplate asCommand(Template t) {
        return new NewTemplate(t.code(), t.kind(), t.title(), t.passScore(), t.conditionalScore(), t.sections().stream()
                .map(s -> new NewSection(s.titleZhCn(), s.titleZhTw(), s.titleEn(), s.items().stream()
                        .map(i -> new NewItem(i.textZhCn(), i.textZhTw(), i.textEn(), i.kind(), i.maxScore(),
                                i.minValue(), i.maxValue(), i.minPhotos(), i.weight(), i.redLine(),
                                String.join("\n", i.evidence()), i.departmentCode(), String.join(",", i.schemes())))
                        .toList())).toList());
    }

    private static int pass(NewTemplate cmd) {
        return cmd.passScore() == null ? 85 : cmd.passScore();
    }

    private static int conditional(NewTemplate cmd) {
        return cmd.conditionalScore() == null ? 70 : cmd.conditionalScore();
    }

    private Instant now() {
        return clock.instant();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static List<String> lines(String s) {
        return s == null ? List.of() : Arrays.stream(s.split("\n")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }

    static List<String> csv(String s) {
        return s == null ? List.of() : Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }
}
