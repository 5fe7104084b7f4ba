package com.careloop.platform.web;

import java.net.URI;
import java.util.List;

import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.NotFoundException;
import com.careloop.platform.Text;
import com.careloop.platform.Texts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error as an RFC 9457 problem detail. Field errors name the field and the rule that
 * failed ({@code errors: [{field, rule, message}]}); nothing reaches the client as a bare 500.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final Texts texts;

    ApiExceptionHandler(Texts texts) {
        this.texts = texts;
    }

    record FieldProblem(String field, String rule, String message) {
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(this::toProblem).toList();
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "validation", Text.of("error.api.invalid-fields",
                String.join(", ", errors.stream().map(FieldProblem::field).distinct().toList())));
        problem.setProperty("errors", errors);
        return ResponseEntity.unprocessableContent().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = ex.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(e -> new FieldProblem(
                        r.getMethodParameter().getParameterName(), code(e.getCodes()), texts.fieldError(e))))
                .toList();
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "validation", Text.of("error.api.invalid-parameters"));
        problem.setProperty("errors", errors);
        return ResponseEntity.unprocessableContent().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (ex.getCause() instanceof InputGuards.InputRuleException rule) {
            // well-formed JSON whose value breaks an input rule (NUL in a text, an implausible year): a field error
            String field = rule.getPath().stream().map(r -> r.getPropertyName() != null ? r.getPropertyName()
                    : "[" + r.getIndex() + "]").reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("body");
            ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "validation", Text.literal(field + ": " + rule.getOriginalMessage()));
            problem.setProperty("errors", List.of(new FieldProblem(field, rule.rule(), rule.getOriginalMessage())));
            return ResponseEntity.unprocessableContent().body(problem);
        }
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "malformed-body",
                Text.of("error.api.malformed-body", rootMessage(ex))));
    }

    /** An upload above the multipart limit, as a field error on the upload ({@code file}). */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            org.springframework.web.multipart.MaxUploadSizeExceededException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        Text message = Text.of("error.api.file-too-large");
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "validation", message);
        problem.setProperty("errors", List.of(new FieldProblem("file", "max-size", texts.render(message))));
        return ResponseEntity.unprocessableContent().body(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "parameter", Text.of("error.api.parameter-format", ex.getName()));
        problem.setProperty("errors", List.of(new FieldProblem(ex.getName(), "type", String.valueOf(ex.getValue()))));
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(jakarta.validation.ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraint(jakarta.validation.ConstraintViolationException ex) {
        List<FieldProblem> errors = ex.getConstraintViolations().stream()
                .map(v -> new FieldProblem(v.getPropertyPath().toString(),
                        v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(), v.getMessage()))
                .toList();
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "validation", Text.of("error.api.invalid-parameters"));
        problem.setProperty("errors", errors);
        return ResponseEntity.unprocessableContent().body(problem);
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInputException ex) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "validation", ex.text());
        problem.setProperty("errors", List.of(new FieldProblem(ex.field(), ex.rule(), texts.render(ex.text()))));
        return ResponseEntity.unprocessableContent().body(problem);
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> conflict(DomainException ex) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "state", ex.text());
        problem.setProperty("code", ex.code());
        problem.setProperty("args", ex.text().rawArgs());
        ex.details().forEach(problem::setProperty);
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrentEdit(OptimisticLockingFailureException ex) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem(HttpStatus.CONFLICT, "concurrent-edit",
                Text.of("error.api.concurrent-edit")));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException ex) {
        log.info("Integrity violation: {}", rootMessage(ex));
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem(HttpStatus.CONFLICT, "integrity",
                Text.of("error.api.integrity")));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException ex) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem(HttpStatus.NOT_FOUND, "not-found", ex.text()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException ex) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem(HttpStatus.FORBIDDEN, "forbidden",
                Text.of("error.api.forbidden")));
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException ex) {
        Text detail = Text.of(ex instanceof LockedException ? "error.api.locked"
                : ex instanceof DisabledException ? "error.api.disabled"
                : ex instanceof BadCredentialsException ? "error.api.bad-credentials" : "error.api.unauthenticated");
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem(HttpStatus.UNAUTHORIZED, "unauthenticated", detail));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        log.error("Unexpected API error", ex);
        return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
                Text.of("error.api.internal")));
    }

    /**
     * The problem with its message rendered in the caller's language (Accept-Language) and, beside it, the message
     * code and its arguments for clients that render or match it themselves. A DomainException's own {@code code}
     * (e.g. {@code complaint.state}) is kept; its message key is then {@code messageCode}.
     */
    ProblemDetail problem(HttpStatus status, String type, Text detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, texts.render(detail));
        problem.setType(URI.create("urn:careloop:problem:" + type));
        if (!detail.isLiteral()) {
            problem.setProperty("code", detail.code());
            problem.setProperty("messageCode", detail.code());
            problem.setProperty("args", detail.rawArgs());
        }
        return problem;
    }

    private FieldProblem toProblem(FieldError e) {
        return new FieldProblem(e.getField(), code(e.getCodes()), texts.fieldError(e));
    }

    /** The constraint's short name (NotBlank, Size, Pattern ...) is the rule. */
    private static String code(String[] codes) {
        return codes == null || codes.length == 0 ? "invalid" : codes[codes.length - 1];
    }

    private static String rootMessage(Throwable ex) {
        Throwable t = ex;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m.length() > 200 ? m.substring(0, 200) : m;
    }
}
