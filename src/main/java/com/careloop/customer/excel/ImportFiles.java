package com.careloop.customer.excel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import com.careloop.platform.InvalidInputException;
import com.careloop.platform.excel.RowError;
import com.careloop.platform.excel.XlsxExport;
import com.careloop.platform.excel.XlsxReader.XlsxRow;
import com.careloop.platform.Text;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.ConstraintViolation;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the customer and revenue imports share: the upload checks, turning bean-validation
 * violations into row errors, the .xlsx download headers and the error report as a workbook.
 */
public final class ImportFiles {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** Well below the multipart limit (10 MB), so an oversized file gets our message naming {@code file}. */
    public static final long MAX_BYTES = 8L * 1024 * 1024;
    /** Import templates and files use the Chinese headers whatever the user's language, so a file works for everyone. */
    public static final Locale HEADERS = Locale.SIMPLIFIED_CHINESE;

    private ImportFiles() {
    }

    public static InputStream open(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", "required", Text.of("error.customer.choose-xlsx-file-import"));
        }
        if (file.getSize() > MAX_BYTES) {
            throw new InvalidInputException("file", "max-size", "文件超过 " + MAX_BYTES / 1024 / 1024
                    + " MB / the file is larger than " + MAX_BYTES / 1024 / 1024 + " MB");
        }
        try {
            return file.getInputStream();
        } catch (IOException e) {
            throw new InvalidInputException("file", "format", Text.of("error.customer.cannot-read-uploaded-file"));
        }
    }

    /** One row error per violation, the column found from the property path (e.g. contacts[0].phone). */
    public static <T> void violations(XlsxRow row, java.util.Set<ConstraintViolation<T>> violations,
                                      Function<String, String> columnOf, List<RowError> errors) {
        violations.stream()
                .sorted(java.util.Comparator.comparing(v -> v.getPropertyPath().toString()))
                .forEach(v -> errors.add(new RowError(row.number(), columnOf.apply(v.getPropertyPath().toString()),
                        v.getMessage())));
    }

    /** The headers of an .xlsx download; the file name also in UTF-8 for Chinese names. */
    public static OutputStream download(HttpServletResponse response, String filename) {
        response.setContentType(XLSX);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + filename.replaceAll("[^A-Za-z0-9._-]", "_")
                + "\"; filename*=UTF-8''" + java.net.URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20"));
        try {
            return response.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(HttpServletResponse response, String filename, byte[] bytes) {
        try {
            download(response, filename).write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Session attribute of the last import's report (customers or revenue). */
    public static final String LAST_REPORT = "customerexcel.lastReport";

    /** Runs an import for a page: the report kept in the session, a refused file as a readable message. */
    public static String keep(HttpSession session, RedirectAttributes flash, Supplier<ImportReport> run, String back) {
        try {
            session.setAttribute(LAST_REPORT, run.get());
            flash.addFlashAttribute("success", "imported");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + back;
    }

    /** The last report of this kind of import in the session, or null. */
    public static ImportReport lastReport(HttpSession session, String kind) {
        return session.getAttribute(LAST_REPORT) instanceof ImportReport r && r.kind().equals(kind) ? r : null;
    }

    /** The last import's refused rows as a workbook: row, column, reason. */
    public static void errorReport(HttpSession session, String kind, MessageSource messages,
                                   HttpServletResponse response) {
        ImportReport report = lastReport(session, kind);
        Locale locale = LocaleContextHolder.getLocale();
        List<String> headers = new ArrayList<>();
        for (String key : List.of("customerexcel.error.row", "customerexcel.error.column", "customerexcel.error.reason")) {
            headers.add(messages.getMessage(key, null, locale));
        }
        try (var xlsx = XlsxExport.open(download(response, kind + "-import-errors.xlsx"),
                messages.getMessage("customerexcel.error.sheet", null, locale), headers)) {
            if (report != null) {
                report.errors().forEach(e -> xlsx.row(e.row(), e.column(), e.reason()));
            }
        }
    }

    /** Message text in the import's header language. */
    public static String header(MessageSource messages, String key) {
        return messages.getMessage(key, null, HEADERS);
    }

    /** Label -> value for every language, so a file filled in with zh-TW or English labels still reads. */
    public static <E extends Enum<E>> Map<String, E> labels(MessageSource messages, String prefix, E[] values) {
        Map<String, E> labels = new java.util.HashMap<>();
        for (E v : values) {
            labels.put(v.name(), v);
            for (Locale l : List.of(HEADERS, Locale.TRADITIONAL_CHINESE, Locale.ENGLISH)) {
                labels.put(messages.getMessage(prefix + v.name(), null, v.name(), l), v);
            }
        }
        return labels;
    }
}
