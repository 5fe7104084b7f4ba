package com.careloop.webhook.outbound;

import static com.careloop.platform.Forms.reject;

import com.careloop.platform.NavItem;
import com.careloop.platform.Navigation;
import com.careloop.platform.RequiresPermission;
import com.careloop.webhook.WebhookPermissions;

import jakarta.validation.Valid;

import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator's pages: {@code /admin/webhooks} (list, new endpoint) and one endpoint with its delivery log. */
@Controller
@RequestMapping("/admin/webhooks")
class WebhookPages {

    private final Endpoints endpoints;
    private final WebhookAdmin admin;

    WebhookPages(Endpoints endpoints, WebhookAdmin admin) {
        this.endpoints = endpoints;
        this.admin = admin;
    }

    @RequiresPermission(WebhookPermissions.MANAGE)
    @GetMapping
    String list(Model model) {
        model.addAttribute("endpoints", endpoints.all());
        model.addAttribute("eventTypes", EventType.subscribable());
        return "webhook/list";
    }

    @RequiresPermission(WebhookPermissions.MANAGE)
    @PostMapping
    String create(@Valid @ModelAttribute Endpoints.Save form, BindingResult errors, RedirectAttributes flash) {
        if (reject(errors, flash)) {
            return "redirect:/admin/webhooks";
        }
        Endpoints.View created = endpoints.create(form);
        flash.addFlashAttribute("success", "saved");
        return "redirect:/admin/webhooks/" + created.id();
    }

    @RequiresPermission(WebhookPermissions.MANAGE)
    @GetMapping("/{id}")
    String detail(@PathVariable long id, @RequestParam(required = false) Outbox.Status status,
                  @RequestParam(required = false) Long before, Model model) {
        model.addAttribute("endpoint", endpoints.find(id));
        model.addAttribute("eventTypes", EventType.subscribable());
        model.addAttribute("statuses", Outbox.Status.values());
        model.addAttribute("status", status);
        var log = admin.log(id, status, before, 50);
        model.addAttribute("deliveries", log);
        model.addAttribute("nextBefore", log.size() == 50 ? log.get(log.size() - 1).id() : null);
        return "webhook/detail";
    }

    @RequiresPermission(WebhookPermissions.MANAGE)
    @PostMapping("/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute Endpoints.Save form, BindingResult errors,
                  RedirectAttributes flash) {
        if (!reject(errors, flash)) {
            endpoints.update(id, form);
            flash.addFlashAttribute("success", "saved");
        }
        return "redirect:/admin/webhooks/" + id;
    }

    @RequiresPermission(WebhookPermissions.MANAGE)
    @PostMapping("/{id}/ping")
    String ping(@PathVariable long id, RedirectAttributes flash) {
        admin.ping(id);
        flash.addFlashAttribute("success", "webhook.pinged");
        return "redirect:/admin/webhooks/" + id;
    }

    @RequiresPermission(WebhookPermissions.MANAGE)
    @PostMapping("/deliveries/{deliveryId}/redeliver")
    String redeliver(@PathVariable long deliveryId, RedirectAttributes flash) {
        Outbox.Delivery d = admin.redeliver(deliveryId);
        flash.addFlashAttribute("success", "webhook.redelivered");
        return "redirect:/admin/webhooks/" + d.endpointId();
    }

    /** The sidebar entry under 系统管理. */
    @Component
    static class WebhookNavigation implements Navigation {

        @Override
        public java.util.List<NavItem> items() {
            return java.util.List.of(new NavItem("nav.group.admin", "nav.webhooks", "/admin/webhooks",
                    WebhookPermissions.MANAGE, 905));
        }
    }
}
