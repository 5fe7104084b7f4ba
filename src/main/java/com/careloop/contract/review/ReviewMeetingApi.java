package com.careloop.contract.review;

import java.util.List;

import com.careloop.contract.ContractPermissions;
import com.careloop.platform.RequiresPermission;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Review meetings of a contract (评审会议纪要, seed 001-A5). */
@Tag(name = "Contracts", description = "Contract and order review (合同评审) and the contract register (合同登记表)")
@RestController
@RequestMapping("/api/v1/contracts/{id}/review-meetings")
class ReviewMeetingApi {

    private final ReviewMeetings meetings;

    ReviewMeetingApi(ReviewMeetings meetings) {
        this.meetings = meetings;
    }

    @Operation(summary = "The contract's review meetings, oldest first")
    @RequiresPermission(ContractPermissions.VIEW)
    @GetMapping
    List<ReviewMeetings.View> list(@PathVariable long id) {
        return meetings.of(id);
    }

    @Operation(summary = "Record a review meeting", description = "heldOn (not in the future), place, attendees by "
            + "name, minutes; 422 naming the field, nothing saved. The minutes' scan: POST …/files with slot "
            + "MEETING_MINUTES.")
    @RequiresPermission(ContractPermissions.REGISTER)
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ReviewMeetings.View record(@PathVariable long id, @RequestBody(required = false) ReviewMeetings.Record body) {
        return meetings.record(id, body);
    }
}
