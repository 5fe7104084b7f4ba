package com.careloop.survey.campaign;

import java.util.List;

import com.careloop.platform.RequiresPermission;
import com.careloop.survey.InvitationChannel;
import com.careloop.survey.SurveyCampaignCommands.CreateCampaign;
import com.careloop.survey.SurveyCampaignCommands.Draw;
import com.careloop.survey.SurveyCampaignCommands.Step;
import com.careloop.survey.SurveyCampaignStatus;
import com.careloop.survey.SurveyCampaignViews.Detail;
import com.careloop.survey.SurveyCampaignViews.Invitation;
import com.careloop.survey.SurveyCampaignViews.Page;
import com.careloop.survey.SurveyCampaignViews.Rates;
import com.careloop.survey.SurveyCampaigns;
import com.careloop.survey.SurveyPermissions;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Survey campaigns over JSON: plan (idempotent with {@code Idempotency-Key}), draw / redraw with the preview
 * (N, rule, n, strata, seed), send, remind, the supplementary round, close, the invitations and the live
 * response rate (before and after the supplementary round).
 */
@RestController
@RequestMapping("/api/v1/survey-campaigns")
class SurveyCampaignApi {

    private final SurveyCampaigns campaigns;

    SurveyCampaignApi(SurveyCampaigns campaigns) {
        this.campaigns = campaigns;
    }

    @RequiresPermission(SurveyPermissions.RUN)
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Detail create(@Valid @RequestBody CreateCampaign request) {
        return campaigns.create(request);
    }

    @RequiresPermission(SurveyPermissions.VIEW)
    @GetMapping
    Page search(@RequestParam(required = false) SurveyCampaignStatus status,
                @RequestParam(required = false) String cursor,
                @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return campaigns.search(status, cursor, limit);
    }

    @RequiresPermission(SurveyPermissions.VIEW)
    @GetMapping("/{id}")
    Detail get(@PathVariable long id) {
        return campaigns.detail(id);
    }

    @RequiresPermission(SurveyPermissions.RUN)
    @PostMapping("/{id}/draw")
    Detail draw(@PathVariable long id, @RequestBody(required = false) Draw request) {
        return campaigns.draw(id, request);
    }

    @RequiresPermission(SurveyPermissions.RUN)
    @PostMapping("/{id}/send")
    Detail send(@PathVariable long id, @RequestBody(required = false) Step request) {
        return campaigns.send(id, request);
    }

    @RequiresPermission(SurveyPermissions.RUN)
    @PostMapping("/{id}/remind")
    Detail remind(@PathVariable long id, @RequestBody(required = false) Step request) {
        return campaigns.remind(id, request);
    }

    @RequiresPermission(SurveyPermissions.RUN)
    @PostMapping("/{id}/supplementary-round")
    Detail supplementaryRound(@PathVariable long id, @RequestBody(required = false) Step request) {
        return campaigns.supplementaryRound(id, request);
    }

    @RequiresPermission(SurveyPermissions.RUN)
    @PostMapping("/{id}/close")
    Detail close(@PathVariable long id, @RequestBody(required = false) Step request) {
        return campaigns.close(id, request);
    }

    @RequiresPermission(SurveyPermissions.VIEW)
    @GetMapping("/{id}/response-rate")
    Rates rate(@PathVariable long id) {
        return campaigns.rates(id);
    }

    @RequiresPermission(SurveyPermissions.VIEW)
    @GetMapping("/{id}/invitations")
    List<Invitation> invitations(@PathVariable long id, @RequestParam(required = false) InvitationChannel channel) {
        return campaigns.invitations(id, channel);
    }

    @RequiresPermission(SurveyPermissions.RUN)
    @PostMapping("/{id}/invitations/{invitationId}/resend")
    Invitation resend(@PathVariable long id, @PathVariable long invitationId) {
        return campaigns.resend(id, invitationId);
    }
}
