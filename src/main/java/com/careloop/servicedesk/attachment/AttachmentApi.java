package com.careloop.servicedesk.attachment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import com.careloop.platform.InvalidInputException;
import com.careloop.platform.RequiresPermission;
import com.careloop.platform.UploadedFiles;
import com.careloop.servicedesk.ServiceDeskPermissions;
import com.careloop.servicedesk.attachment.Attachments.AttachmentView;
import com.careloop.platform.Text;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

/** A request's attachments over JSON: upload (multipart {@code file}), list, download. */
@RestController
@RequestMapping("/api/v1/service-requests/{id}/attachments")
class AttachmentApi {

    private final Attachments attachments;

    AttachmentApi(Attachments attachments) {
        this.attachments = attachments;
    }

    @RequiresPermission(ServiceDeskPermissions.REGISTER)
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    AttachmentView upload(@PathVariable long id, @RequestParam(required = false) MultipartFile file) {
        return attachments.add(id, upload(file));
    }

    @RequiresPermission(ServiceDeskPermissions.VIEW)
    @GetMapping
    List<AttachmentView> list(@PathVariable long id) {
        return attachments.list(id);
    }

    @RequiresPermission(ServiceDeskPermissions.VIEW)
    @GetMapping("/{attachmentId}")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long attachmentId) {
        return download(attachments.content(id, attachmentId));
    }

    /**
     * Over the multipart limits (spring.servlet.multipart.*): Tomcat refuses while parsing, which may
     * happen before the handler runs (the locale interceptor reads a parameter); the same 4xx as our
     * own size rule. Any other unreadable multipart body is a 400 naming {@code file}.
     */
    @ExceptionHandler({MaxUploadSizeExceededException.class, InvalidParameterException.class})
    ResponseEntity<ProblemDetail> unreadable(Exception ex) {
        boolean tooLarge = tooLarge(ex);
        var rule = tooLarge ? attachments.rules().tooLarge()
                : new InvalidInputException("file", "multipart", Text.of("error.servicedesk.multipart-body-cannot-read"));
        HttpStatus status = tooLarge ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, rule.getMessage());
        problem.setType(URI.create("urn:careloop:problem:validation"));
        problem.setProperty("errors", List.of(Map.of("field", rule.field(), "rule", rule.rule(), "message", rule.getMessage())));
        return ResponseEntity.status(status).body(problem);
    }

    static boolean tooLarge(Exception ex) {
        return ex instanceof MaxUploadSizeExceededException || ex.getCause() instanceof SizeException;
    }

    static Attachments.Upload upload(MultipartFile file) {
        if (file == null) {
            return null;
        }
        try {
            return new Attachments.Upload(file.getOriginalFilename(), file.getContentType(), file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As a download with the platform's safe headers ({@link UploadedFiles#download}). */
    static ResponseEntity<byte[]> download(Attachments.Content c) {
        return UploadedFiles.download(c.fileName(), c.contentType(), c.bytes());
    }
}
