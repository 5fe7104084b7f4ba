package com.careloop.survey.template;

import java.util.List;

import com.careloop.platform.RequiresPermission;
import com.careloop.survey.SurveyPermissions;

import jakarta.validation.Valid;

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
 * Questionnaire templates over JSON: the revisions (or only the latest published ones), one revision with its
 * optimistic-lock version, create, edit (a published revision yields revision+1 as DRAFT), publish and retire.
 */
@RestController
@RequestMapping("/api/v1/survey-templates")
class TemplateApi {

    /** A revision and the version to send back with the next command. */
    record Revision(long version, TemplateView template) {
    }

    record Step(Long version) {
    }

    private final SurveyTemplates templates;

    TemplateApi(SurveyTemplates templates) {
        this.templates = templates;
    }

    @RequiresPermission(SurveyPermissions.VIEW)
    @GetMapping
    List<TemplateView> list(@RequestParam(defaultValue = "false") boolean published) {
        return published ? templates.published() : templates.all();
    }

    @RequiresPermission(SurveyPermissions.VIEW)
    @GetMapping("/{id}")
    Revision get(@PathVariable long id) {
        return revision(templates.revision(id));
    }

    @RequiresPermission(SurveyPermissions.DESIGN)
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Revision create(@Valid @RequestBody TemplateDraft request) {
        return revision(templates.create(request));
    }

    @RequiresPermission(SurveyPermissions.DESIGN)
    @PutMapping("/{id}")
    Revision edit(@PathVariable long id, @Valid @RequestBody TemplateDraft request) {
        return revision(templates.edit(id, request));
    }

    @RequiresPermission(SurveyPermissions.DESIGN)
    @PostMapping("/{id}/publish")
    Revision publish(@PathVariable long id, @RequestBody(required = false) Step request) {
        return revision(templates.publish(id, request == null ? null : request.version()));
    }

    @RequiresPermission(SurveyPermissions.DESIGN)
    @PostMapping("/{id}/retire")
    Revision retire(@PathVariable long id, @RequestBody(required = false) Step request) {
        return revision(templates.retire(id, request == null ? null : request.version()));
    }

    private Revision revision(TemplateView v) {
        return new Revision(templates.version(v.id()), v);
    }
}
