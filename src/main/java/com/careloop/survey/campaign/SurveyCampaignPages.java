package com.careloop.survey.campaign;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import java.util.function.Supplier;

import com.careloop.customer.CustomerKind;
import com.careloop.customer.Segment;
import com.careloop.platform.DomainException;
import com.careloop.platform.Forms;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.RequiresPermission;
import com.careloop.survey.InvitationChannel;
import com.careloop.survey.StratifyBy;
import com.careloop.survey.SurveyCampaignCommands.CreateCampaign;
import com.careloop.survey.SurveyCampaignCommands.Draw;
import com.careloop.survey.PublicTitle;
import com.careloop.survey.SurveyCampaignCommands.PopulationFilter;
import com.careloop.survey.SurveyCampaignCommands.Retitle;
import com.careloop.survey.SurveyCampaignCommands.Step;
import com.careloop.survey.SurveyCampaignViews.PersonalLink;
import com.careloop.survey.SurveyCampaignStatus;
import com.careloop.survey.SurveyCampaigns;
import com.careloop.survey.SurveyPermissions;
import com.careloop.survey.invite.QrCodes;
import com.careloop.survey.template.SurveyTemplates;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The campaign pages: the list, the new-campaign form, the campaign with its sampling preview, the steps as
 * buttons, the live response rate (an htmx poll), the invitations with mail state and resend, the agents'
 * call list and the printable questionnaire per customer. A refused step comes back as a message on the page.
 */
@Controller
class SurveyCampaignPages {

    /** The new-campaign form (dates as yyyy-MM-dd, kinds as checkboxes, activeOnly as a select). */
    record CampaignForm(@NotBlank @Size(max = 200) String name, @NotNull Long templateId,
                        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate periodFrom,
                        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate periodTo,
                        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
                        Set<CustomerKind> kinds, Segment segment, @Size(max = 100) String region, Integer revenueYear,
                        Boolean activeOnly, InvitationChannel defaultChannel, BigDecimal sampleFraction,
                        StratifyBy stratifyBy, BigDecimal responseTarget, @Size(max = 200) String publicTitle,
                        @Size(max = 200) String publicTitleZhTw, @Size(max = 200) String publicTitleEn) {
    }

    private final SurveyCampaigns campaigns;
    private final SurveyTemplates templates;

    SurveyCampaignPages(SurveyCampaigns campaigns, SurveyTemplates templates) {
        this.campaigns = campaigns;
        this.templates = templates;
    }

    @RequiresPermission(SurveyPermissions.VIEW)
    @GetMapping("/surveys/campaigns")
    String list(@RequestParam(required = false) SurveyCampaignStatus status,
                @RequestParam(required = false) String cursor, Model model) {
        model.addAttribute("page", campaigns.search(status, cursor, 50));
        model.addAttribute("statuses", SurveyCampaignStatus.values());
        return "survey/campaign/list";
    }

    @RequiresPermission(SurveyPermissions.RUN)
    @GetMapping("/surveys/campaigns/new")
    String form(Model model) {
        model.addAttribute("templates", templates.published());
        model.addAttribute("kinds", CustomerKind.values());
        model.addAttribute("segments", Segment.values());
        model.addAttribute("channels", InvitationChannel.values());
        model.addAttribute("strata", StratifyBy.values());
        return "survey/campaign/new";
    }

    @RequiresPermission(SurveyPermissions.RUN)
    @PostMapping("/surveys/campaigns")
    String create(@Valid @ModelAttribute CampaignForm form, BindingResult errors, RedirectAttributes flash) {
        if (Forms.reject(errors, flash)) {
            return "redirect:/surveys/campaigns/new";
        }
        try {
            long id = campaigns.create(new CreateCampaign(form.name(), form.templateId(), form.periodFrom(),
                    form.periodTo(), form.deadline(), new PopulationFilter(form.kinds(), form.segment(), form.region(),
                    form.revenueYear(), form.activeOnly()), form.defaultChannel(), form.sampleFraction(),
                    form.stratifyBy(), form.responseTarget(), new PublicTitle(form.publicTitle(), form.publicTitleZhTw(),
                    form.publicTitleEn()))).id();
            return "redirect:/surveys/campaigns/" + id;
        } catch (DomainException | InvalidInputException e) {
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:/surveys/campaigns/new";
        }
    }

    @RequiresPermission(SurveyPermissions.VIEW)
    @GetMapping("/surveys/campaigns/{id}")
    String detail(@PathVariable long id, Model model) {
        var c = campaigns.detail(id);
        model.addAttribute("c", c);
        model.addAttribute("rates", c.rates());
        model.addAttribute("template", templates.revision(c.templateId()));
        model.addAttribute("invitations", campaigns.invitations(id, null).stream().limit(500).toList());
        if (c.status() == SurveyCampaignStatus.SAMPLED) {
            model.addAttribute("sendCheck", campaigns.sendCheck(id));
        }
        return "survey/campaign/detail";
    }

    @RequiresPermission(SurveyPermissions.VIEW)
    @GetMapping("/surveys/campaigns/{id}/rates")
    String rates(@PathVariable long id, Model model) {
        var c = campaigns.detail(id);
        model.addAttribute("c", c);
        model.addAttribute("rates", c.rates());
        return "survey/campaign/detail :: rates";
    }

    @RequiresPermission(SurveyPermissions.RUN)
    @PostMapping("/surveys/campaigns/{id}/draw")
    String draw(@PathVariable long id, @RequestParam(required = false) Long seed,
                @RequestParam(required = false) Long version, RedirectAttributes flash) {
        return step(id, flash, () -> campaigns.draw(id, new Draw(seed, version)));
    }

    @RequiresPermission(SurveyPermissions.RUN)
    @PostMapping("/surveys/campaigns/{id}/send")
    String send(@PathVariable long id, @RequestParam(required = false) Long version, RedirectAttributes flash) {
        return step(id, flash, () -> campaigns.send(id, new Step(version)));
    }

    @RequiresPermission(SurveyPermissions.RUN)
    @PostMapping("/surveys/campaigns/{id}/remind")
    String remind(@PathVariable long id, @RequestParam(required = false) Long version, RedirectAttributes flash) {
        return step(id, flash, () -> campaigns.remind(id, new Step(version)));
    }

    @RequiresPermission(SurveyPermissions.RUN)
    @PostMapping("/surveys/campaigns/{id}/supplementary-round")
    String supplementary(@PathVariable long id, @RequestParam(required = false) Long version,
                         RedirectAttributes flash) {
        return step(id, flash, () -> campaigns.supplementaryRound(id, new Step(version)));
    }

    @RequiresPermission(SurveyPermissions.RUN)
    @PostMapping("/surveys/campaigns/{id}/close")
    String close(@PathVariable long id, @RequestParam(required = false) Long version, RedirectAttributes flash) {
        return step(id, flash, () -> campaigns.close(id, new Step(version)));
    }

    @RequiresPermission(SurveyPermissions.RUN)
    @PostMapping("/surveys/campaigns/{id}/invitations/{invitationId}/resend")
    String resend(@PathVariable long id, @PathVariable long invitationId, RedirectAttributes flash) {
        return step(id, flash, () -> campaigns.resend(id, invitationId));
    }

    /** The link panel (htmx): a new personal link with copy button and QR code; the earlier link stops working. */
    @RequiresPermission(SurveyPermissions.RUN)
    @PostMapping("/surveys/campaigns/{id}/invitations/{invitationId}/link")
    String link(@PathVariable long id, @PathVariable long invitationId, Model model) {
        try {
            PersonalLink link = campaigns.reissueLink(id, invitationId);
            model.addAttribute("link", link);
            model.addAttribute("qrPng", java.util.Base64.getEncoder().encodeToString(
                    QrCodes.png(link.link(), SurveyCampaignApi.QR_PIXELS)));
            model.addAttribute("customerName", campaigns.invitation(id, invitationId).customerName());
        } catch (DomainException e) {
            model.addAttribute("message", e.getMessage());
        }
        return "survey/campaign/link :: link";
    }

    @RequiresPermission(SurveyPermissions.RUN)
    @PostMapping("/surveys/campaigns/{id}/public-title")
    String retitle(@PathVariable long id, @RequestParam(required = false) String publicTitle,
                   @RequestParam(required = false) String publicTitleZhTw, @RequestParam(required = false) String publicTitleEn,
                   @RequestParam(required = false) Long version, RedirectAttributes flash) {
        return step(id, flash, () -> campaigns.retitle(id, new Retitle(new PublicTitle(publicTitle, publicTitleZhTw,
                publicTitleEn), version)));
    }

    @RequiresPermission(SurveyPermissions.ENTER)
    @GetMapping("/surveys/campaigns/{id}/call-list")
    String callList(@PathVariable long id, Model model) {
        model.addAttribute("c", campaigns.detail(id));
        model.addAttribute("invitations", campaigns.invitations(id, InvitationChannel.PHONE));
        return "survey/campaign/call-list";
    }

    @RequiresPermission(SurveyPermissions.ENTER)
    @GetMapping("/surveys/campaigns/{id}/invitations/{invitationId}/print")
    String print(@PathVariable long id, @PathVariable long invitationId, Model model) {
        var c = campaigns.detail(id);
        model.addAttribute("c", c);
        model.addAttribute("i", campaigns.invitation(id, invitationId));
        model.addAttribute("template", templates.revision(c.templateId()));
        return "survey/campaign/print";
    }

    private static String step(long id, RedirectAttributes flash, Supplier<?> step) {
        try {
            step.get();
            flash.addFlashAttribute("success", "saved");
        } catch (DomainException | InvalidInputException | OptimisticLockingFailureException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/surveys/campaigns/" + id;
    }
}
