package com.careloop.survey.response;

import java.util.Map;

import com.careloop.platform.CurrentUsers;
import com.careloop.platform.RequiresPermission;
import com.careloop.survey.SurveyPermissions;

import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers over JSON: an agent records a phone, paper or on-site questionnaire for an invitation (the agent is
 * recorded as entered_by), reads a response, and a manager confirms an opinion as the company's fault.
 */
@RestController
@RequestMapping("/api/v1/survey-responses")
class ResponseApi {

    record Entry(@NotNull Long invitationId, Map<String, Integer> ratings, String opinion, @NotNull String channel) {
    }

    record FaultConfirmation(@NotNull Boolean confirmed) {
    }

    private final SurveyResponses responses;
    private final CurrentUsers users;

    ResponseApi(SurveyResponses responses, CurrentUsers users) {
        this.responses = responses;
        this.users = users;
    }

    @RequiresPermission(SurveyPermissions.ENTER)
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseDetail enter(@Validated @RequestBody Entry request) {
        ResponseView v = responses.submit(new SubmitAnswers(request.invitationId(), request.ratings(), request.opinion(),
                request.channel(), users.require().displayName()));
        return responses.detail(v.id());
    }

    @RequiresPermission(SurveyPermissions.VIEW)
    @GetMapping("/{id}")
    ResponseDetail get(@PathVariable long id) {
        return responses.detail(id);
    }

    @RequiresPermission(SurveyPermissions.REPORT)
    @PostMapping("/{id}/fault-confirmation")
    ResponseDetail confirmFault(@PathVariable long id, @Validated @RequestBody FaultConfirmation request) {
        return responses.confirmFault(id, request.confirmed());
    }
}
