package com.careloop.platform;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import com.careloop.platform.Text;

/**
 * The checks every uploaded file passes, wherever it is attached (service-request attachments, claim
 * evidence photos): not empty, at most the caller's size limit, and one of the allowed kinds by its bytes
 * ({@link FileTypes}); the declared type is only believed when the bytes agree. A broken rule is a 422
 * naming {@code file} and the rule ({@code required}, {@code max-size}, {@code content-type},
 * {@code content-type-mismatch}).
 */
public final class UploadedFiles {

    /** A file that passed the checks: its safe name and the type its bytes prove. */
    public record Checked(String fileName, String contentType, byte[] bytes) {
    }

    private UploadedFiles() {
    }

    public static Checked check(String fileName, String declaredType, byte[] bytes, DataSize maxSize) {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidInputException("file", "required", Text.of("error.platform.choose-non-empty-file"));
        }
        if (bytes.length > maxSize.toBytes()) {
            throw tooLarge(maxSize);
        }
        String name = safeName(fileName);
        String type = FileTypes.detect(bytes, name).orElseThrow(() -> new InvalidInputException("file", "content-type",
                Text.of("error.platform.file-type-not-allowed")));
        if (FileTypes.contradicts(declaredType, type)) {
            throw new InvalidInputException("file", "content-type-mismatch", Text.of("error.platform.content-type-mismatch",
                    type, String.valueOf(declaredType)));

        }
        return new Checked(name, type, bytes);
    }

    /**
     * A stored file sent back always as a download (never rendered inline by the browser), with the stored type,
     * the name RFC 6266-encoded and sniffing off, so an uploaded file cannot run as a page of this site.
     */
    public static ResponseEntity<byte[]> download(String fileName, String contentType, byte[] bytes) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.parseMediaType(contentType));
        h.setContentDisposition(ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build());
        h.set("X-Content-Type-Options", "nosniff");
        h.setCacheControl("private, no-store");
        return new ResponseEntity<>(bytes, h, HttpStatus.OK);
    }

    public static InvalidInputException tooLarge(DataSize maxSize) {
        return new InvalidInputException("file", "max-size", "文件不能超过 " + maxSize.toMegabytes()
                + " MB / the file must not exceed " + maxSize.toMegabytes() + " MB");
    }

    /** The last path segment, without control characters or quotes, at most 255 characters. */
    public static String safeName(String name) {
        String n = name == null ? "" : name.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").trim();
        if (n.isEmpty() || n.equals(".") || n.equals("..")) {
            n = "file";
        }
        return n.length() > 255 ? n.substring(n.length() - 255) : n;
    }
}
