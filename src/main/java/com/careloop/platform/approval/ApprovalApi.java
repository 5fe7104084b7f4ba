package com.careloop.platform.approval;

import java.util.List;

import com.careloop.platform.AnyUser;
import com.careloop.platform.ApprovalDecision;
import com.careloop.platform.Approvals;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.RequiresPermission;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Approvals over JSON: my open tasks ({@code GET /api/v1/approvals/tasks?mine}, every user sees only their own), a
 * decision on one (with the task version seen: stale → 409; the task closed or not mine → 409; a missing comment →
 * 422 on {@code comment}), and the chains ({@code approvals:configure}: read, replace the stages with the chain
 * version: stale → 409, a chain that cannot run → 422 naming the field).
 */
@RestController
class ApprovalApi {

    record Decision(@NotNull ApprovalDecision decision, @Size(max = 2000) String comment, Long version) {
    }

    record ChainEdit(List<ChainStages.Stage> stages, Long version) {
    }

    private final ApprovalInbox inbox;
    private final Approvals approvals;
    private final ApprovalChains chains;
    private final CurrentUsers users;

    ApprovalApi(ApprovalInbox inbox, Approvals approvals, ApprovalChains chains,
                CurrentUsers users) {
        this.inbox = inbox;
        this.approvals = approvals;
        this.chains = chains;
        this.users = users;
    }

    @AnyUser
    @GetMapping("/api/v1/approvals/tasks")
    List<ApprovalInbox.Task> mine() {
        return inbox.mine(users.require().id(), LocaleContextHolder.getLocale(), 500);
    }

    @AnyUser
    @PostMapping("/api/v1/approvals/tasks/{id}/decision")
    ApprovalInbox.TaskState decide(@PathVariable long id, @Valid @RequestBody Decision request) {
        approvals.decide(id, request.version(), request.decision(), request.comment());
        return inbox.state(id);
    }

    @RequiresPermission(ApprovalPermissions.CONFIGURE)
    @GetMapping("/api/v1/approval-chains")
    List<ApprovalChains.Chain> chains() {
        return chains.all();
    }

    @RequiresPermission(ApprovalPermissions.CONFIGURE)
    @GetMapping("/api/v1/approval-chains/{code}")
    ApprovalChains.Chain chain(@PathVariable String code) {
        return chains.find(code).orElseThrow(() -> new com.careloop.platform.NotFoundException(
                ApprovalChains.RECORD_TYPE, code));
    }

    @RequiresPermission(ApprovalPermissions.CONFIGURE)
    @PutMapping("/api/v1/approval-chains/{code}")
    ApprovalChains.Chain edit(@PathVariable String code, @RequestBody ChainEdit request) {
        return chains.update(code, request.version(), request.stages());
    }

    /** {version}: the chain's stages back to the seeds' (stale → 409; no recorded default → 409). */
    @RequiresPermission(ApprovalPermissions.CONFIGURE)
    @org.springframework.web.bind.annotation.PostMapping("/api/v1/approval-chains/{code}/reset")
    ApprovalChains.Chain reset(@PathVariable String code, @RequestBody ChainEdit request) {
        return chains.reset(code, request.version());
    }
}
