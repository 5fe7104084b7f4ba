package com.careloop.survey.response;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.careloop.platform.CurrentUsers;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.RequiresPermission;
import com.careloop.survey.SurveyPermissions;
import com.careloop.survey.template.ItemView;
import com.careloop.platform.Text;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The agent's entry of a phone, paper or on-site questionnaire for an invitation: the form in the paper's layout
 * (boxes best first, numbered 1..n left to right as on R-QP-005-01), recorded with the agent as entered_by.
 */
@Controller
class AnswerPages {

    static final List<String> AGENT_CHANNELS = List.of("PHONE", "PAPER", "ONSITE");

    private final SurveyResponses responses;
    private final CurrentUsers users;

    AnswerPages(SurveyResponses responses, CurrentUsers users) {
        this.responses = responses;
        this.users = users;
    }

    @RequiresPermission(SurveyPermissions.ENTER)
    @GetMapping("/surveys/campaigns/{campaignId}/invitations/{invitationId}/answer")
    String form(@PathVariable long campaignId, @PathVariable long invitationId, Model model) {
        SurveyResponses.EntryContext ctx = responses.entryContext(campaignId, invitationId);
        model.addAttribute("ctx", ctx);
        model.addAttribute("channels", AGENT_CHANNELS);
        if (ctx.responseId() != null) {
            model.addAttribute("response", responses.detail(ctx.responseId()));
        }
        return "survey/answer";
    }

    @RequiresPermission(SurveyPermissions.ENTER)
    @PostMapping("/surveys/campaigns/{campaignId}/invitations/{invitationId}/answer")
    String submit(@PathVariable long campaignId, @PathVariable long invitationId,
                  @RequestParam Map<String, String> form, RedirectAttributes flash) {
        SurveyResponses.EntryContext ctx = responses.entryContext(campaignId, invitationId);
        Map<String, Integer> ratings = new LinkedHashMap<>();
        for (ItemView item : ctx.template().items()) {
            String value = form.get("rating_" + item.code());
            if (value != null && !value.isBlank()) {
                try {
                    ratings.put(item.code(), Integer.valueOf(value.trim()));
                } catch (NumberFormatException e) {
                    throw new InvalidInputException("ratingsByItemCode." + item.code(), "scale",
                            Text.of("error.survey.invalid-rating-0", item.code()));
                }
            }
        }
        String channel = form.getOrDefault("channel", "PHONE");
        if (!AGENT_CHANNELS.contains(channel)) {
            throw new InvalidInputException("channel", "agent-channel",
                    Text.of("error.survey.answer-typed-agent-phone"));
        }
        responses.submit(new SubmitAnswers(invitationId, ratings, form.get("opinion"), channel,
                users.require().displayName()));
        flash.addFlashAttribute("success", true);
        return "redirect:/surveys/campaigns/" + campaignId + "/invitations/" + invitationId + "/answer";
    }
}
