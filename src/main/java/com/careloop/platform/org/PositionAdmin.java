package com.careloop.platform.org;

import static com.careloop.platform.Forms.reject;

import java.util.List;

import com.careloop.platform.RequiresPermission;
import com.careloop.platform.org.Positions.PositionView;
import com.careloop.platform.org.Positions.SavePosition;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Positions (岗位) over JSON ({@code /api/v1/positions}) and on the admin page {@code /admin/positions}. */
final class PositionAdmin {

    private PositionAdmin() {
    }

    @RestController
    @RequestMapping("/api/v1/positions")
    static class Api {

        private final Positions positions;

        Api(Positions positions) {
            this.positions = positions;
        }

        @RequiresPermission(PlatformPermissions.ORG_VIEW)
        @GetMapping
        List<PositionView> all() {
            return positions.all();
        }

        @RequiresPermission(PlatformPermissions.ORG_VIEW)
        @GetMapping("/{id}")
        PositionView one(@PathVariable long id) {
            return positions.position(id);
        }

        @RequiresPermission(PlatformPermissions.ORG_MANAGE)
        @PostMapping
        @ResponseStatus(HttpStatus.CREATED)
        PositionView create(@Valid @RequestBody SavePosition request) {
            return positions.create(request);
        }

        @RequiresPermission(PlatformPermissions.ORG_MANAGE)
        @PutMapping("/{id}")
        PositionView update(@PathVariable long id, @Valid @RequestBody SavePosition request) {
            return positions.update(id, request);
        }

        @RequiresPermission(PlatformPermissions.ORG_MANAGE)
        @PostMapping("/{id}/retire")
        PositionView retire(@PathVariable long id) {
            return positions.retire(id);
        }

        @RequiresPermission(PlatformPermissions.ORG_MANAGE)
        @PostMapping("/{id}/reactivate")
        PositionView reactivate(@PathVariable long id) {
            return positions.reactivate(id);
        }
    }

    @Controller
    @RequestMapping("/admin/positions")
    static class Pages {

        private final Positions positions;

        Pages(Positions positions) {
            this.positions = positions;
        }

        @RequiresPermission(PlatformPermissions.ORG_VIEW)
        @GetMapping
        String list(Model model) {
            model.addAttribute("positions", positions.all());
            return "platform/positions";
        }

        @RequiresPermission(PlatformPermissions.ORG_MANAGE)
        @PostMapping
        String create(@Valid @ModelAttribute SavePosition form, BindingResult errors, RedirectAttributes flash) {
            if (!reject(errors, flash)) {
                positions.create(form);
                flash.addFlashAttribute("success", "saved");
            }
            return "redirect:/admin/positions";
        }

        @RequiresPermission(PlatformPermissions.ORG_MANAGE)
        @PostMapping("/{id}")
        String update(@PathVariable long id, @Valid @ModelAttribute SavePosition form, BindingResult errors,
                      RedirectAttributes flash) {
            if (!reject(errors, flash)) {
                positions.update(id, form);
                flash.addFlashAttribute("success", "saved");
            }
            return "redirect:/admin/positions";
        }

        @RequiresPermission(PlatformPermissions.ORG_MANAGE)
        @PostMapping("/{id}/{action:retire|reactivate}")
        String retire(@PathVariable long id, @PathVariable String action, RedirectAttributes flash) {
            if ("retire".equals(action)) {
                positions.retire(id);
            } else {
                positions.reactivate(id);
            }
            flash.addFlashAttribute("success", "saved");
            return "redirect:/admin/positions";
        }
    }
}
