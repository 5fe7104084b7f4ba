package com.careloop.platform.security;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

import com.careloop.platform.PageLocale;
import com.careloop.platform.Text;
import com.careloop.platform.Texts;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;


import tools.jackson.databind.json.JsonMapper;

/** Writes RFC 9457 problem details from filters, where no controller advice runs. */
@Component
public class ProblemWriter {

    private final JsonMapper json;
    private final Texts texts;

    ProblemWriter(JsonMapper json, Texts texts) {
        this.json = json;
        this.texts = texts;
    }

    public void write(HttpServletResponse response, int status, String type, String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
        write(response, status, type, problem);
    }

    /** The detail in the caller's language (Accept-Language, zh-CN without one), as the API's own problems. */
    public void write(HttpServletResponse response, int status, String type, Text detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), texts.render(detail, callerLocale()));
        if (!detail.isLiteral()) {
            problem.setProperty("messageCode", detail.code());
        }
        write(response, status, type, problem);
    }

    private static Locale callerLocale() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                && attributes.getRequest().getHeader("Accept-Language") != null) {
            return PageLocale.of(attributes.getRequest().getLocale().toLanguageTag());
        }
        return Locale.SIMPLIFIED_CHINESE;
    }

    private void write(HttpServletResponse response, int status, String type, ProblemDetail problem) throws IOException {
        problem.setType(URI.create("urn:careloop:problem:" + type));
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(problem));
    }
}
