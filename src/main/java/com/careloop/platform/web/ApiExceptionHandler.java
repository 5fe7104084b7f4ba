package com.careloop.platform.web;

import java.net.URI;
import java.util.List;

import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.NotFoundException;

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

    record FieldProblem(String field, String rule, String message) {
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(ApiExceptionHandler::toProblem).toList();
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "validation",
                "请求字段不符合规则 / invalid fields: " + errors.stream().map(FieldProblem::field).distinct().toList());
        problem.setProperty("errors", errors);
        return ResponseEntity.unprocessableContent().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = ex.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(e -> new FieldProblem(
                        r.getMethodParameter().getParameterName(), code(e.getCodes()), e.getDefaultMessage())))
                .toList();
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "validation", "请求参数不符合规则 / invalid parameters");
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
            ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "validation", field + ": " + rule.getOriginalMessage());
            problem.setProperty("errors", List.of(new FieldProblem(field, rule.rule(), rule.getOriginalMessage())));
            return ResponseEntity.unprocessableContent().body(problem);
        }
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "malformed-body",
                "请求体不是有效的 JSON 或字段类型不符 / the body is not valid JSON or a field has the wrong type: "
                        + rootMessage(ex)));
    }

    /** An upload above the multipart limit, as a field error on the upload ({@code file}). */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            org.springframework.web.multipart.MaxUploadSizeExceededException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String message = "上传的文件过大 / the uploaded file is too large";
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "validation", message);
        problem.setProperty("errors", List.of(new FieldProblem("file", "max-size", message)));
        return ResponseEntity.unprocessableContent().body(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "parameter",
                "参数 " + ex.getName() + " 格式不正确 / parameter '" + ex.getName() + "' has the wrong format");
        problem.setProperty("errors", List.of(new FieldProblem(ex.getName(), "type", String.valueOf(ex.getValue()))));
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(jakarta.validation.ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraint(jakarta.validation.ConstraintViolationException ex) {
        List<FieldProblem> errors = ex.getConstraintViolations().stream()
                .map(v -> new FieldProblem(v.getPropertyPath().toString(),
                        v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(), v.getMessage()))
                .toList();
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "validation", "请求参数不符合规则 / invalid parameters");
        problem.setProperty("errors", errors);
        return ResponseEntity.unprocessableContent().body(problem);
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInputException ex) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "validation", ex.getMessage());
        problem.setProperty("errors", List.of(new FieldProblem(ex.field(), ex.rule(), ex.getMessage())));
        return ResponseEntity.unprocessableContent().body(problem);
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> conflict(DomainException ex) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "state", ex.getMessage());
        problem.setProperty("code", ex.code());
        ex.details().forEach(problem::setProperty);
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrentEdit(OptimisticLockingFailureException ex) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem(HttpStatus.CONFLICT, "concurrent-edit",
                ex.getMessage() != null && ex.getMessage().contains("/") ? ex.getMessage()
                        : "记录已被他人修改，请刷新后重试 / the record was changed by someone else; reload and retry"));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException ex) {
        log.info("Integrity violation: {}", rootMessage(ex));
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem(HttpStatus.CONFLICT, "integrity",
                "与现有数据冲突（重复或仍被引用）/ conflicts with existing data (duplicate or still referenced)"));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException ex) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem(HttpStatus.NOT_FOUND, "not-found", ex.getMessage()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException ex) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem(HttpStatus.FORBIDDEN, "forbidden",
                "无权执行此操作 / you lack the permission for this"));
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException ex) {
        String detail = ex instanceof LockedException
                ? "账户已锁定，请稍后再试 / the account is locked after repeated failed logins; try again later"
                : ex instanceof DisabledException ? "账户已停用 / the account is deactivated"
                : ex instanceof BadCredentialsException ? "用户名或密码错误 / wrong username or password"
                : "认证失败 / authentication failed";
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem(HttpStatus.UNAUTHORIZED, "unauthenticated", detail));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        log.error("Unexpected API error", ex);
        return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
                "服务器内部错误，已记录 / internal error; it has been logged"));
    }

    static ProblemDetail problem(HttpStatus status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:careloop:problem:" + type));
        return problem;
    }

    private static FieldProblem toProblem(FieldError e) {
        return new FieldProblem(e.getField(), code(e.getCodes()), e.getDefaultMessage());
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
