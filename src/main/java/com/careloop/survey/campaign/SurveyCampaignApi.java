package com.careloop.survey.campaign;

import java.util.List;

import com.careloop.platform.RequiresPermission;
import com.careloop.survey.InvitationChannel;
import com.careloop.survey.SurveyCampaignCommands.CreateCampaign;
import com.careloop.survey.SurveyCampaignCommands.Draw;
import com.careloop.survey.SurveyCampaignCommands.Retitle;
import com.careloop.survey.SurveyCampaignCommands.Step;
import com.careloop.survey.SurveyCampaignStatus;
import com.careloop.survey.SurveyCampaignViews.Detail;
import com.careloop.survey.SurveyCampaignViews.Invitation;
import com.careloop.survey.SurveyCampaignViews.Page;
import com.careloop.survey.SurveyCampaignViews.PersonalLink;
import com.careloop.survey.SurveyCampaignViews.SendCheck;
import com.careloop.survey.SurveyCampaignViews.Rates;
import com.careloop.survey.SurveyCampaigns;
import com.careloop.survey.SurveyPermissions;
import com.careloop.survey.invite.QrCodes;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
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

    /** A QR code of a link: the link, a PNG (data URL) and an SVG, rendered on the server. */
    record LinkWithQr(long invitationId, String link, java.time.Instant expiresAt, String qrPng, String qrSvg) {

        static LinkWithQr of(PersonalLink l) {
            return new LinkWithQr(l.invitationId(), l.link(), l.expiresAt(), "data:image/png;base64,"
                    + java.util.Base64.getEncoder().encodeToString(QrCodes.png(l.link(), QR_PIXELS)), QrCodes.svg(l.link()));
        }
    }

    static final int QR_PIXELS = 300;

    /**
     * A new personal link for the invitation (the earlier one stops working), with its QR code, for an agent to
     * copy into WeChat or print; audited on the campaign.
     */
    @RequiresPermission(SurveyPermissions.RUN)
    @PostMapping("/{id}/invitations/{invitationId}/link")
    LinkWithQr link(@PathVariable long id, @PathVariable long invitationId) {
        return LinkWithQr.of(campaigns.reissueLink(id, invitationId));
    }

    @RequiresPermission(SurveyPermissions.RUN)
    @GetMapping("/{id}/send-check")
    SendCheck sendCheck(@PathVariable long id) {
        return campaigns.sendCheck(id);
    }

    @RequiresPermission(SurveyPermissions.RUN)
    @PutMapping("/{id}/public-title")
    Detail retitle(@PathVariable long id, @Valid @RequestBody Retitle request) {
        return campaigns.retitle(id, request);
    }
}
