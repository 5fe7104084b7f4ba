package com.careloop.servicedesk.attachment;

import com.careloop.platform.InvalidInputException;
import com.careloop.platform.RequiresPermission;
import com.careloop.platform.Text;
import com.careloop.platform.Texts;

import com.careloop.servicedesk.ServiceDeskPermissions;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The attachments panel of the request page: {@code templates/servicedesk/attachments.html :: panel(requestId)}
 * loads its content from here with htmx, and the upload form posts back here and gets the panel again,
 * with the broken rule shown in it.
 */
@Controller
class AttachmentPages {

    private static final String CONTENT = "servicedesk/attachments :: content";

    private final Attachments attachments;
    private final Texts texts;

    AttachmentPages(Attachments attachments, Texts texts) {
        this.attachments = attachments;
        this.texts = texts;
    }

    @RequiresPermission(ServiceDeskPermissions.VIEW)
    @GetMapping("/service-requests/{id}/attachments")
    String panel(@PathVariable long id, Model model) {
        return content(id, null, model);
    }

    @RequiresPermission(ServiceDeskPermissions.REGISTER)
    @PostMapping("/service-requests/{id}/attachments")
    String upload(@PathVariable long id, @RequestParam(required = false) MultipartFile file, Model model) {
        String error = null;
        try {
            attachments.add(id, AttachmentApi.upload(file));
        } catch (InvalidInputException | com.careloop.platform.DomainException e) {
            error = e.getMessage();
        }
        return content(id, error, model);
    }

    @RequiresPermission(ServiceDeskPermissions.VIEW)
    @GetMapping("/service-requests/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long attachmentId) {
        return AttachmentApi.download(attachments.content(id, attachmentId));
    }

    @ExceptionHandler({MaxUploadSizeExceededException.class, InvalidParameterException.class})
    String unreadable(Exception ex, HttpServletRequest request, Model model) {
        var path = (java.util.Map<?, ?>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        long id = Long.parseLong(String.valueOf(path.get("id")));
        return content(id, AttachmentApi.tooLarge(ex) ? attachments.rules().tooLarge().getMessage()
                : texts.render(Text.of("error.servicedesk.upload-unreadable")), model);
    }

    private String content(long id, String error, Model model) {
        model.addAttribute("requestId", id);
        model.addAttribute("attachments", attachments.list(id));
        model.addAttribute("maxMegabytes", attachments.rules().maxSize().toMegabytes());
        model.addAttribute("uploadError", error);
        return CONTENT;
    }
}
