package com.careloop.platform.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import tools.jackson.databind.json.JsonMapper;

/**
 * An address no handler serves (a mistyped URL): under {@code /api/} the 404 problem details every other API error
 * has, elsewhere the 404 page in the reader's language. It reaches no controller, so neither the API's nor the
 * pages' advice (both bound to controllers) sees it.
 */
@Order(Ordered.LOWEST_PRECEDENCE)
@ControllerAdvice
class NotFoundHandler {

    private final JsonMapper json;
    private final ApiExceptionHandler api;

    NotFoundHandler(JsonMapper json, ApiExceptionHandler api) {
        this.json = json;
        this.api = api;
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ModelAndView noSuchAddress(NoResourceFoundException ex, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), api.problem(HttpStatus.NOT_FOUND, "not-found",
                    com.careloop.platform.Text.of("error.api.no-such-resource", request.getMethod() + " " + request.getRequestURI())));
            return null; // written: no view
        }
        return PageExceptionHandler.errorPage(response, 404, "error.pageNotFound.hint");
    }
}
