package com.careloop.platform.web;

import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.NotFoundException;
import com.careloop.platform.Text;


import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Errors on pages become a readable message: a refused form step goes back to the page it came from
 * with the reason shown; a missing record or permission gets the error page with its status.
 */
@Order(Ordered.LOWEST_PRECEDENCE)
@ControllerAdvice(annotations = Controller.class)
class PageExceptionHandler {

    @ExceptionHandler({DomainException.class, InvalidInputException.class, OptimisticLockingFailureException.class})
    String refused(RuntimeException ex, HttpServletRequest request, RedirectAttributes flash) {
        // a concurrent edit's own message is technical (and may be the persistence provider's): the reader's sentence
        flash.addFlashAttribute("error", ex instanceof OptimisticLockingFailureException
                ? new DomainException("concurrent-edit", Text.of("error.api.concurrent-edit")).getMessage() : ex.getMessage());
        return "redirect:" + backTo(request.getHeader("Referer"));
    }

    /** Only the path of the referring page, so a forged Referer cannot send the user elsewhere. */
    static String backTo(String referer) {
        if (referer == null) {
            return "/";
        }
        try {
            java.net.URI uri = java.net.URI.create(referer);
            String path = uri.getRawPath() == null || !uri.getRawPath().startsWith("/") ? "/" : uri.getRawPath();
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException ex, HttpServletResponse response) {
        return errorPage(response, 404, "error.notFound");
    }

    /** {@code /complaints/abc}: a path that names no record is a missing page, not an error. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView mistyped(MethodArgumentTypeMismatchException ex, HttpServletResponse response) {
        boolean inPath = ex.getParameter().hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class);
        return errorPage(response, inPath ? 404 : 400, inPath ? "error.pageNotFound.hint" : "error.generic");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView forbidden(AccessDeniedException ex, HttpServletResponse response) {
        return errorPage(response, 403, "error.forbidden");
    }

    static ModelAndView errorPage(HttpServletResponse response, int status, String messageKey) {
        response.setStatus(status);
        ModelAndView mav = new ModelAndView("error");
        mav.addObject("status", status);
        mav.addObject("messageKey", messageKey);
        return mav;
    }
}
