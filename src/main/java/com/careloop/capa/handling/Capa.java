package com.careloop.capa.handling;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.careloop.capa.CapaSources;
import com.careloop.capa.CapaStatus;
import com.careloop.capa.FishboneCategory;
import com.careloop.platform.Text;
import com.careloop.platform.Auditable;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import static com.careloop.capa.CapaStatus.ACTIONS_DONE;
import static com.careloop.capa.CapaStatus.ACTIONS_PLANNED;
import static com.careloop.capa.CapaStatus.CLOSED;
import static com.careloop.capa.CapaStatus.CONTAINED;
import static com.careloop.capa.CapaStatus.OPEN;
import static com.careloop.capa.CapaStatus.ROOT_CAUSE_FOUND;
import static com.careloop.capa.CapaStatus.VERIFICATION_PENDING;
import static com.careloop.capa.CapaStatus.VERIFIED_EFFECTIVE;

/**
 * A corrective and preventive action (纠正和预防措施) as the named steps of the procedure: containment
 * (optional), root cause, actions, actions done, verification, closure. Each step checks the current state
 * and refuses what the procedure forbids (409 naming the state). A failed effectiveness check re-opens the
 * CAPA to a new round: the earlier whys, actions and checks stay as history, new actions are needed.
 */
@Entity
@Table(name = "capa")
public class Capa implements Auditable {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    @Enumerated(EnumType.STRING)
    private CapaStatus status;
    private String problem;
    private Long customerId;
    private Long departmentId;
    @Column(name = "eight_d")
    private boolean eightD;
    private String sourceKey;
    private String containment;
    private Instant containedAt;
    private String containedBy;
    @Enumerated(EnumType.STRING)
    private FishboneCategory fishbone;
    private String rootCause;
    private Instant rootCauseAt;
    private String rootCauseBy;
    @Column(name = "round_no")
    private int round;
    private Instant actionsDoneAt;
    private LocalDate effectivenessCheckDue;
    private Instant verificationStartedAt;
    private Boolean effective;
    private int reopenCount;
    private String recurrencePrevention;
    private Instant closedAt;
    private String closedBy;
    private Long openedBy;
    private String openedByName;
    private Instant openedAt;
    @Version
    private long version;
    private Instant createdAt;
    private Instant updatedAt;
    @OneToMany(mappedBy = "capa", cascade = CascadeType.ALL)
    @OrderBy("id")
    private List<CapaSource> sources = new ArrayList<>();
    @OneToMany(mappedBy = "capa", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<CapaWhy> whys = new ArrayList<>();
    @OneToMany(mappedBy = "capa", cascade = CascadeType.ALL)
    @OrderBy("id")
    private List<CapaAction> actions = new ArrayList<>();
    @OneToMany(mappedBy = "capa", cascade = CascadeType.ALL)
    @OrderBy("id")
    private List<CapaCheck> checks = new ArrayList<>();
    @OneToMany(mappedBy = "capa", cascade = CascadeType.ALL)
    @OrderBy("id")
    private List<CapaEvent> events = new ArrayList<>();
    @OneToMany(mappedBy = "capa", cascade = CascadeType.ALL)
    @OrderBy("id")
    private List<CapaTeamMember> team = new ArrayList<>();

    protected Capa() {
    }

    /** What a CAPA is opened with: its first source and the problem. */
    public record Opening(String sourceType, long sourceId, String sourceKey, String sourceCode, String problem,
                          Long customerId, Long departmentId, boolean eightD) {
    }

    public static Capa open(String code, Opening in, Long byId, String byName, Instant now) {
        if (!CapaSources.known(in.sourceType())) {
            throw new InvalidInputException("sourceType", "one-of", Text.of("error.capa.source-type-one-of",
                    String.valueOf(CapaSources.ALL)));
        }
        requireText("problem", in.problem(), Text.of("error.capa.problem-description-required"));
        requireLength("problem", in.problem(), 4000);
        requireLength("sourceKey", in.sourceKey(), 200);
        requireLength("sourceCode", in.sourceCode(), 60);
        Capa c = new Capa();
        c.code = code;
        c.status = OPEN;
        c.problem = in.problem().trim();
        c.customerId = in.customerId();
        c.departmentId = in.departmentId();
        c.eightD = in.eightD();
        c.sourceKey = blank(in.sourceKey());
        c.openedBy = byId;
        c.openedByName = byName;
        c.openedAt = now;
        c.createdAt = now;
        c.updatedAt = now;
        c.sources.add(new CapaSource(c, in.sourceType(), in.sourceId(), blank(in.sourceCode()), now));
        c.event("OPENED", byName, now, source(in.sourceType(), in.sourceCode()));
        return c;
    }

    // ---- steps -------------------------------------------------------------------------------

    /** Links one more source; false when it was already linked (a redelivered event changes nothing). */
    public boolean attach(String sourceType, long sourceId, String sourceCode, String actor, Instant now) {
        requireState("attach a source", OPEN, CONTAINED, ROOT_CAUSE_FOUND, ACTIONS_PLANNED, ACTIONS_DONE,
                VERIFICATION_PENDING, VERIFIED_EFFECTIVE);
        if (!CapaSources.known(sourceType)) {
            throw new InvalidInputException("sourceType", "one-of", Text.of("error.capa.source-type-one-of",
                    String.valueOf(CapaSources.ALL)));
        }
        if (sources.stream().anyMatch(s -> s.is(sourceType, sourceId))) {
            return false;
        }
        sources.add(new CapaSource(this, sourceType, sourceId, blank(sourceCode), now));
        event("SOURCE_ATTACHED", actor, now, source(sourceType, sourceCode));
        return true;
    }

    /** 临时措施 (8D D3): what contains the problem until the root cause is removed. */
    public void contain(String text, String actor, Instant now) {
        requireState("record containment", OPEN);
        requireText("containment", text, Text.of("error.capa.containment-required"));
        this.containment = text.trim();
        this.containedAt = now;
        this.containedBy = actor;
        status = CONTAINED;
        event("CONTAINED", actor, now, Text.literal(containment));
    }

    /**
     * 根本原因 (8D D4): the 5-why answers in order, the fishbone category and the root-cause statement. It may be
     * revised until actions are planned; after a failed check the new round analyses again.
     */
    public void recordRootCause(List<String> answers, FishboneCategory category, String statement, String actor,
                                Instant now) {
        requireState("record the root cause", OPEN, CONTAINED, ROOT_CAUSE_FOUND);
        if (answers == null || answers.isEmpty() || answers.stream().allMatch(a -> a == null || a.isBlank())) {
            throw new InvalidInputException("whys", "required", Text.of("error.capa.least-one-why-required"));
        }
        List<String> given = answers.stream().filter(a -> a != null && !a.isBlank()).map(String::trim).toList();
        if (given.size() > 5) {
            throw new InvalidInputException("whys", "max-5", Text.of("error.capa.most-five-whys"));
        }
        for (String a : given) {
            requireLength("whys", a, 1000);
        }
        require("category", category, Text.of("error.capa.fishbone-category-required"));
        requireText("statement", statement, Text.of("error.capa.root-cause-statement-required"));
        requireLength("statement", statement, 4000);
        whys.removeIf(w -> w.getRound() == round);
        for (int i = 0; i < given.size(); i++) {
            whys.add(new CapaWhy(this, round, i + 1, given.get(i)));
        }
        this.fishbone = category;
        this.rootCause = statement.trim();
        this.rootCauseAt = now;
        this.rootCauseBy = actor;
        status = currentActions().isEmpty() ? ROOT_CAUSE_FOUND : ACTIONS_PLANNED;
        event("ROOT_CAUSE_FOUND", actor, now, Text.of("texts.labelled", Text.label("capa.enum.FishboneCategory", category), rootCause));
    }

    /** An action proposed with the source while the CAPA is OPEN; it is worked on once the root cause is found. */
    public CapaAction proposeAction(String description, long ownerId, String ownerName, LocalDate dueDate,
                                    LocalDate today, String actor, Instant now) {
        requireState("propose an action", OPEN);
        return newAction(description, ownerId, ownerName, dueDate, today, actor, now);
    }

    /** 纠正措施 (8D D5): one action with its owner and due date; more may be added until they are all done. */
    public CapaAction planAction(String description, long ownerId, String ownerName, LocalDate dueDate,
                                 LocalDate today, String actor, Instant now) {
        requireState("plan an action", ROOT_CAUSE_FOUND, ACTIONS_PLANNED);
        CapaAction a = newAction(description, ownerId, ownerName, dueDate, today, actor, now);
        status = ACTIONS_PLANNED;
        return a;
    }

    private CapaAction newAction(String description, long ownerId, String ownerName, LocalDate dueDate,
                                 LocalDate today, String actor, Instant now) {
        requireText("description", description, Text.of("error.capa.action-description-required"));
        requireLength("description", description, 4000);
        require("dueDate", dueDate, Text.of("error.complaint.due-date-required"));
        if (dueDate.isBefore(today)) {
            throw new InvalidInputException("dueDate", "not-past", Text.of("error.capa.due-date-cannot-past"));
        }
        CapaAction a = new CapaAction(this, round, description.trim(), ownerId, ownerName, dueDate, actor, now);
        actions.add(a);
        event("ACTION_PLANNED", actor, now, Text.of("texts.action", a.getDescription(), ownerName, dueDate));
        return a;
    }

    /**
     * 措施完成 (8D D6): done by whom, when, with what evidence. The last open action of the round moves the
     * CAPA to ACTIONS_DONE and sets the effectiveness check's due date; returns true then.
     */
    public boolean markActionDone(CapaAction action, String evidence, String actor, Instant now, EffectivenessRule rule) {
        requireState("mark an action done", ACTIONS_PLANNED);
        if (!actions.contains(action)) {
            throw new InvalidInputException("actionId", "exists", Text.of("error.capa.action-capa"));
        }
        if (action.getRound() != round) {
            throw new DomainException("capa.action-round", Text.of("error.capa.action-belongs-earlier-round"));
        }
        if (action.isDone()) {
            throw new DomainException("capa.action-done", Text.of("error.complaint.action-already-done"));
        }
        requireText("evidence", evidence, Text.of("error.capa.evidence-completion-required"));
        requireLength("evidence", evidence, 4000);
        action.markDone(actor, evidence.trim(), now);
        event("ACTION_DONE", actor, now, Text.of("texts.labelled", action.getDescription(), evidence.trim()));
        if (currentActions().stream().allMatch(CapaAction::isDone)) {
            actionsDoneAt = now;
            effectivenessCheckDue = rule.due(now);
            status = ACTIONS_DONE;
            event("ACTIONS_DONE", actor, now, Text.of("texts.capa.check-due", effectivenessCheckDue));
            return true;
        }
        return false;
    }

    /** 效果验证待定: the actions are done; the effectiveness is watched until the check's due date. */
    public void startVerification(String actor, Instant now) {
        requireState("start the verification", ACTIONS_DONE);
        this.verificationStartedAt = now;
        status = VERIFICATION_PENDING;
        event("VERIFICATION_PENDING", actor, now, Text.of("texts.capa.check-due", effectivenessCheckDue));
    }

    /**
     * 效果验证: effective moves on to closure; not effective (with evidence) re-opens the CAPA to a new round
     * at ROOT_CAUSE_FOUND — new actions are needed — and counts the re-open.
     */
    public void checkEffectiveness(Boolean result, String evidence, String actor, Instant now) {
        requireState("check the effectiveness", VERIFICATION_PENDING);
        require("effective", result, Text.of("error.capa.result-effective-required"));
        requireText("evidence", evidence, Text.of("error.capa.evidence-check-required"));
        requireLength("evidence", evidence, 4000);
        checks.add(new CapaCheck(this, round, result, evidence.trim(), effectivenessCheckDue, actor, now));
        this.effective = result;
        if (result) {
            status = VERIFIED_EFFECTIVE;
            event("VERIFIED_EFFECTIVE", actor, now, Text.literal(evidence.trim()));
            return;
        }
        event("VERIFIED_NOT_EFFECTIVE", actor, now, Text.literal(evidence.trim()));
        reopenCount++;
        round++;
        actionsDoneAt = null;
        effectivenessCheckDue = null;
        verificationStartedAt = null;
        status = ROOT_CAUSE_FOUND;
        event("REOPENED", actor, now, Text.of("texts.capa.round", round + 1, evidence.trim()));
    }

    /** 结案 (8D D8) by the quality manager (the permission is checked by the caller), with the recurrence prevention. */
    public void close(String recurrencePreventionNote, String actor, Instant now) {
        requireState("close", VERIFIED_EFFECTIVE);
        requireText("recurrencePrevention", recurrencePreventionNote,
                Text.of("error.capa.recurrence-prevention-note-required"));
        requireLength("recurrencePrevention", recurrencePreventionNote, 4000);
        this.recurrencePrevention = recurrencePreventionNote.trim();
        this.closedAt = now;
        this.closedBy = actor;
        status = CLOSED;
        event("CLOSED", actor, now, Text.literal(recurrencePrevention));
    }

    /** 8D D1: one more team member, until the CAPA is closed. */
    public void addTeamMember(String name, String role, String actor, Instant now) {
        requireState("add a team member", OPEN, CONTAINED, ROOT_CAUSE_FOUND, ACTIONS_PLANNED, ACTIONS_DONE,
                VERIFICATION_PENDING, VERIFIED_EFFECTIVE);
        requireText("name", name, Text.of("error.capa.member-s-name-required"));
        requireLength("name", name, 100);
        requireLength("role", role, 100);
        team.add(new CapaTeamMember(this, name.trim(), blank(role), now));
        event("TEAM_MEMBER", actor, now, blank(role) == null ? Text.literal(name.trim())
                : Text.of("texts.member", name.trim(), role.trim()));
    }

    // ---- reads -------------------------------------------------------------------------------

    /** The actions of the current round (earlier rounds' actions are history). */
    public List<CapaAction> currentActions() {
        return actions.stream().filter(a -> a.getRound() == round).toList();
    }

    public boolean allActionsDone() {
        List<CapaAction> current = currentActions();
        return !current.isEmpty() && current.stream().allMatch(CapaAction::isDone);
    }

    public boolean hasOverdueAction(LocalDate today) {
        return status != CLOSED && currentActions().stream().anyMatch(a -> a.overdue(today));
    }

    public CapaAction action(long actionId) {
        return actions.stream().filter(a -> a.getId() != null && a.getId() == actionId).findFirst()
                .orElseThrow(() -> new com.careloop.platform.NotFoundException("capa-action", actionId));
    }

    // ---- helpers -----------------------------------------------------------------------------

    private void requireState(String step, CapaStatus... allowed) {
        if (!Arrays.asList(allowed).contains(status)) {
            throw new DomainException("capa.state", Text.of("error.capa.state",
                    Text.label("capa.enum.CapaStatus", status)), Map.of("status", status.name(), "step", step));
        }
    }

    private static void require(String field, Object value, Text message) {
        if (value == null) {
            throw new InvalidInputException(field, "required", message);
        }
    }

    private static void requireText(String field, String value, Text message) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "required", message);
        }
    }

    private static void requireLength(String field, String value, int max) {
        if (value != null && value.trim().length() > max) {
            throw new InvalidInputException(field, "max-" + max, Text.of("error.capa.at-most-characters", String.valueOf(max)));

        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static Text source(String type, String code) {
        return Text.of("texts.capa.source", Text.label("capa.enum.source", type), code == null ? "" : code);
    }

    private void event(String kind, String actor, Instant at, Text note) {
        events.add(new CapaEvent(this, kind, at, actor, note));
        updatedAt = at;
    }

    public static String label(CapaStatus s) {
        return switch (s) {
            case OPEN -> "已立项";
            case CONTAINED -> "已遏制";
            case ROOT_CAUSE_FOUND -> "已找到根本原因";
            case ACTIONS_PLANNED -> "措施已计划";
            case ACTIONS_DONE -> "措施已完成";
            case VERIFICATION_PENDING -> "待效果验证";
            case VERIFIED_EFFECTIVE -> "验证有效";
            case CLOSED -> "已结案";
        };
    }

    @Override
    public String auditType() {
        return "capa";
    }

    @Override
    public String auditId() {
        return String.valueOf(id);
    }

    @Override
    public Map<String, Object> auditState() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("code", code);
        s.put("status", status);
        s.put("problem", problem);
        s.put("customerId", customerId);
        s.put("departmentId", departmentId);
        s.put("eightD", eightD);
        s.put("sources", sources.size());
        s.put("containment", containment);
        s.put("fishbone", fishbone);
        s.put("rootCause", rootCause);
        s.put("actions", actions.size());
        s.put("openActions", actions.stream().filter(a -> !a.isDone() && a.getRound() == round).count());
        s.put("effectivenessCheckDue", effectivenessCheckDue);
        s.put("effective", effective);
        s.put("reopenCount", reopenCount);
        s.put("team", team.size());
        s.put("recurrencePrevention", recurrencePrevention);
        s.put("closedAt", closedAt);
        return s;
    }

    public Long getId() { return id; }
    public String getCode() { return code; }
    public CapaStatus getStatus() { return status; }
    public String getProblem() { return problem; }
    public Long getCustomerId() { return customerId; }
    public Long getDepartmentId() { return departmentId; }
    public boolean isEightD() { return eightD; }
    public String getSourceKey() { return sourceKey; }
    public String getContainment() { return containment; }
    public Instant getContainedAt() { return containedAt; }
    public String getContainedBy() { return containedBy; }
    public FishboneCategory getFishbone() { return fishbone; }
    public String getRootCause() { return rootCause; }
    public Instant getRootCauseAt() { return rootCauseAt; }
    public String getRootCauseBy() { return rootCauseBy; }
    public int getRound() { return round; }
    public Instant getActionsDoneAt() { return actionsDoneAt; }
    public LocalDate getEffectivenessCheckDue() { return effectivenessCheckDue; }
    public Instant getVerificationStartedAt() { return verificationStartedAt; }
    public Boolean getEffective() { return effective; }
    public int getReopenCount() { return reopenCount; }
    public String getRecurrencePrevention() { return recurrencePrevention; }
    public Instant getClosedAt() { return closedAt; }
    public String getClosedBy() { return closedBy; }
    public Long getOpenedBy() { return openedBy; }
    public String getOpenedByName() { return openedByName; }
    public Instant getOpenedAt() { return openedAt; }
    public long getVersion() { return version; }
    public List<CapaSource> getSources() { return sources; }
    public List<CapaWhy> getWhys() { return whys; }
    public List<CapaAction> getActions() { return actions; }
    public List<CapaCheck> getChecks() { return checks; }
    public List<CapaEvent> getEvents() { return events; }
    public List<CapaTeamMember> getTeam() { return team; }
}
