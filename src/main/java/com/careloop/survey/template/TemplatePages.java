package com.careloop.survey.template;

import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.RequiresPermission;
import com.careloop.survey.SurveyPermissions;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The template pages: the list, a revision with its dimensions and items (in the paper form's layout), and the
 * editor. A refused save shows the editor again with what was typed and the reason.
 */
@Controller
class TemplatePages {

    private final SurveyTemplates templates;

    TemplatePages(SurveyTemplates templates) {
        this.templates = templates;
    }

    @RequiresPermission(SurveyPermissions.VIEW)
    @GetMapping("/surveys/templates")
    String list(Model model) {
        model.addAttribute("templates", templates.all());
        return "survey/templates";
    }

    @RequiresPermission(SurveyPermissions.VIEW)
    @GetMapping("/surveys/templates/{id}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("t", templates.revision(id));
        model.addAttribute("version", templates.version(id));
        return "survey/template";
    }

    @RequiresPermission(SurveyPermissions.DESIGN)
    @GetMapping("/surveys/templates/new")
    String create(Model model) {
        return editor(model, new TemplateForm().padded(), null, null);
    }

    @RequiresPermission(SurveyPermissions.DESIGN)
    @GetMapping("/surveys/templates/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        return editor(model, TemplateForm.of(templates.revision(id), templates.version(id)), id, null);
    }

    @RequiresPermission(SurveyPermissions.DESIGN)
    @PostMapping("/surveys/templates")
    String save(@ModelAttribute("form") TemplateForm form, @RequestParam(required = false) Long id, Model model,
                RedirectAttributes flash) {
        try {
            TemplateView saved = id == null ? templates.create(form.toDraft()) : templates.edit(id, form.toDraft());
            flash.addFlashAttribute("success", true);
            return "redirect:/surveys/templates/" + saved.id();
        } catch (InvalidInputException | DomainException e) {
            return editor(model, form.padded(), id, e.getMessage());
        }
    }

    @RequiresPermission(SurveyPermissions.DESIGN)
    @PostMapping("/surveys/templates/{id}/publish")
    String publish(@PathVariable long id, @RequestParam(required = false) Long version, RedirectAttributes flash) {
        templates.publish(id, version);
        flash.addFlashAttribute("success", true);
        return "redirect:/surveys/templates/" + id;
    }

    @RequiresPermission(SurveyPermissions.DESIGN)
    @PostMapping("/surveys/templates/{id}/retire")
    String retire(@PathVariable long id, @RequestParam(required = false) Long version, RedirectAttributes flash) {
        templates.retire(id, version);
        flash.addFlashAttribute("success", true);
        return "redirect:/surveys/templates/" + id;
    }

    private String editor(Model model, TemplateForm form, Long id, String error) {
        model.addAttribute("form", form);
        model.addAttribute("id", id);
        model.addAttribute("scales", Scale.values());
        model.addAttribute("methods", Method.values());
        if (error != null) {
            model.addAttribute("error", error);
        }
        return "survey/template-editor";
    }
}
