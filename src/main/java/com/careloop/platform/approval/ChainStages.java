package com.careloop.platform.approval;

import java.util.ArrayList;
import java.util.List;

import com.careloop.platform.InvalidInputException;
import com.careloop.platform.Text;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stages of a chain, as configured (JSON in {@code approval_chain.stages}, copied into each approval): stages run
 * one after the other; the steps of a stage run in parallel; a stage is done when every step decided (ALL_OF, 会签) or
 * the first one did (ANY_OF, 或签). A step names who decides ({@link Kind}, {@code ref}), its deadline in working
 * days and the aspect it signs (a message code).
 */
public final class ChainStages {

    /** 会签: every step of the stage must approve; 或签: the first approval completes the stage. */
    public enum Mode { ALL_OF, ANY_OF }

    /**
     * Who decides a step: holders of a permission ({@code ref} the permission) whose data scope covers the subject's
     * department; any active member of a department (ref its code) — any one of them (或签); the head(s) of a
     * department (ref its code; empty: the subject's department); holders of a position (ref its code); a named user
     * (ref the username).
     */
    public enum Kind { PERMISSION, DEPARTMENT, DEPARTMENT_HEAD, POSITION, USER }

    public record Step(Kind kind, String ref, int deadlineDays, String aspect) {
    }

    public record Stage(Mode mode, List<Step> steps) {
        public Stage {
            steps = steps == null ? List.of() : List.copyOf(steps);
        }
    }

    static final int MAX_DEADLINE_DAYS = 60;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Stage>> STAGES = new TypeReference<>() { };

    private ChainStages() {
    }

    public static List<Stage> parse(String json) {
        return List.copyOf(JSON.readValue(json, STAGES));
    }

    public static String write(List<Stage> stages) {
        return JSON.writeValueAsString(stages);
    }

    /**
     * Refuses a chain that cannot run, naming the field ({@code stages[0].steps[1].ref}): no stage, a stage without
     * mode or steps, a step without kind, without the ref its kind needs, or a deadline outside 1..60 working days.
     * {@code known} answers whether a ref of a kind exists (permission, department, position, user).
     */
    static void validate(List<Stage> stages, RefCheck known) {
        if (stages == null || stages.isEmpty()) {
            throw new InvalidInputException("stages", "required", Text.of("error.approvals.stages-required"));
        }
        for (int s = 0; s < stages.size(); s++) {
            Stage stage = stages.get(s);
            String at = "stages[" + s + "]";
            if (stage == null || stage.mode() == null) {
                throw new InvalidInputException(at + ".mode", "required", Text.of("error.approvals.mode-required"));
            }
            if (stage.steps().isEmpty()) {
                throw new InvalidInputException(at + ".steps", "required", Text.of("error.approvals.steps-required"));
            }
            for (int i = 0; i < stage.steps().size(); i++) {
                Step step = stage.steps().get(i);
                String field = at + ".steps[" + i + "]";
                if (step == null || step.kind() == null) {
                    throw new InvalidInputException(field + ".kind", "required", Text.of("error.approvals.kind-required"));
                }
                boolean refOptional = step.kind() == Kind.DEPARTMENT_HEAD;
                if (!refOptional && (step.ref() == null || step.ref().isBlank())) {
                    throw new InvalidInputException(field + ".ref", "required", Text.of("error.approvals.ref-required",
                            Text.label("approvals.kind", step.kind())));
                }
                if (step.ref() != null && !step.ref().isBlank() && !known.exists(step.kind(), step.ref().strip())) {
                    throw new InvalidInputException(field + ".ref", "unknown", Text.of("error.approvals.ref-unknown",
                            Text.label("approvals.kind", step.kind()), step.ref()));
                }
                if (step.deadlineDays() < 1 || step.deadlineDays() > MAX_DEADLINE_DAYS) {
                    throw new InvalidInputException(field + ".deadlineDays", "range", Text.of(
                            "error.approvals.deadline-range", String.valueOf(MAX_DEADLINE_DAYS)));
                }
                if (step.aspect() != null && step.aspect().length() > 120) {
                    throw new InvalidInputException(field + ".aspect", "max-length", Text.of("error.approvals.aspect-length"));
                }
            }
        }
    }

    /** Normalised copy: refs and aspects stripped, blank → null. */
    static List<Stage> normalised(List<Stage> stages) {
        List<Stage> out = new ArrayList<>();
        for (Stage s : stages) {
            out.add(new Stage(s.mode(), s.steps().stream().map(p -> new Step(p.kind(), blankToNull(p.ref()),
                    p.deadlineDays(), blankToNull(p.aspect()))).toList()));
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Whether a ref of a kind exists. */
    interface RefCheck {
        boolean exists(Kind kind, String ref);

        RefCheck ANY = (k, r) -> true;
    }

}
