package com.careloop.callback.task;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.careloop.callback.AssigneeRule;
import com.careloop.callback.CallbackCommands.SavePlan;
import com.careloop.callback.CallbackMethod;
import com.careloop.callback.PlanKind;
import com.careloop.platform.Auditable;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.Text;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A callback plan (one per kind): when tasks are generated, who gets them, how the customer is called and the
 * script questions. Every save is a new revision; tasks keep the revision they were generated from.
 */
@Entity
@Table(name = "callback_plan")
public class CallbackPlan implements Auditable {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    private PlanKind kind;
    private String name;
    private boolean enabled;
    private int days;
    private String requestType;
    private Long categoryId;
    @Enumerated(EnumType.STRING)
    private AssigneeRule assigneeRule;
    private Long assigneeUserId;
    private String assigneePosition;
    @Enumerated(EnumType.STRING)
    private CallbackMethod method;
    private String questions;
    private Integer maxAttempts;
    private int revision;
    @Version
    private long version;
    private Instant updatedAt;
    private String updatedBy;

    protected CallbackPlan() {
    }

    /** Saves the settings as the next revision. */
    public void update(SavePlan p, String actor, Instant now) {
        if (p.assigneeRule() == AssigneeRule.USER && p.assigneeUserId() == null) {
            throw new InvalidInputException("assigneeUserId", "required", Text.of("error.callback.choose-user-who-calls"));
        }
        if (p.assigneeRule() == AssigneeRule.POSITION && blank(p.assigneePosition()) == null) {
            throw new InvalidInputException("assigneePosition", "required", Text.of("error.callback.choose-position"));
        }
        this.name = p.name().trim();
        this.enabled = p.enabled();
        this.days = p.days();
        this.requestType = blank(p.requestType());
        this.categoryId = p.categoryId();
        this.assigneeRule = p.assigneeRule();
        this.assigneeUserId = p.assigneeUserId();
        this.assigneePosition = blank(p.assigneePosition());
        this.method = p.method();
        this.questions = questionsText(p.questions());
        this.maxAttempts = p.maxAttempts();
        this.revision++;
        this.updatedAt = now;
        this.updatedBy = actor;
    }

    /** The script questions, one a line, in order, blank lines dropped. */
    public static List<String> questionList(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    static String questionsText(String text) {
        List<String> lines = questionList(text);
        return lines.isEmpty() ? null : String.join("\n", lines);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** Whether a closed service request of this type and category is one this plan follows up. */
    public boolean matches(String type, Long category) {
        return (requestType == null || requestType.equals(type)) && (categoryId == null || categoryId.equals(category));
    }

    @Override
    public String auditType() {
        return "callback-plan";
    }

    @Override
    public String auditId() {
        return String.valueOf(id);
    }

    @Override
    public Map<String, Object> auditState() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("enabled", enabled);
        s.put("days", days);
        s.put("requestType", requestType);
        s.put("categoryId", categoryId);
        s.put("assigneeRule", assigneeRule);
        s.put("assigneeUserId", assigneeUserId);
        s.put("assigneePosition", assigneePosition);
        s.put("method", method);
        s.put("questions", questions);
        s.put("maxAttempts", maxAttempts);
        s.put("revision", revision);
        return s;
    }

    public Long getId() { return id; }
    public PlanKind getKind() { return kind; }
    public String getName() { return name; }
    public boolean isEnabled() { return enabled; }
    public int getDays() { return days; }
    public String getRequestType() { return requestType; }
    public Long getCategoryId() { return categoryId; }
    public AssigneeRule getAssigneeRule() { return assigneeRule; }
    public Long getAssigneeUserId() { return assigneeUserId; }
    public String getAssigneePosition() { return assigneePosition; }
    public CallbackMethod getMethod() { return method; }
    public String getQuestions() { return questions; }
    public Integer getMaxAttempts() { return maxAttempts; }
    public int getRevision() { return revision; }
    public long getVersion() { return version; }
}
