package com.careloop.servicedesk.attachment;

import com.careloop.platform.InvalidInputException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * What a file must be to be attached: not empty, at most {@code careloop.servicedesk.attachment-max-size}
 * (default 10 MB), and one of the allowed kinds by its bytes ({@link FileTypes}); the declared type is
 * only believed when the bytes agree. Deliberately outside any transaction: a refused mail attachment
 * must not roll back the request it came with.
 */
@Component
public class AttachmentRules {

    /** A file that passed the checks: its safe name and the type its bytes prove. */
    public record Checked(String fileName, String contentType, byte[] bytes) {
    }

    private final DataSize maxSize;

    AttachmentRules(@Value("${careloop.servicedesk.attachment-max-size:10MB}") DataSize maxSize) {
        this.maxSize = maxSize;
    }

    public DataSize maxSize() {
        return maxSize;
    }

    /** Size, name and type rules; a broken rule is a 422 naming {@code file} and the rule. */
    public Checked check(Attachments.Upload upload) {
        if (upload == null || upload.bytes() == null || upload.bytes().length == 0) {
            throw new InvalidInputException("file", "required", "请选择要上传的文件 / choose a non-empty file to upload");
        }
        if (upload.bytes().length > maxSize.toBytes()) {
            throw tooLarge();
        }
        String name = safeName(upload.fileName());
        String type = FileTypes.detect(upload.bytes(), name).orElseThrow(() -> new InvalidInputException("file", "content-type",
                "不允许的文件类型（允许图片 JPEG/PNG/GIF/WebP、PDF、Office 文档、TXT）/ file type not allowed "
                        + "(images JPEG/PNG/GIF/WebP, PDF, Office documents and TXT are)"));
        if (FileTypes.contradicts(upload.declaredType(), type)) {
            throw new InvalidInputException("file", "content-type-mismatch", "文件内容与声明的类型不符 / the file's bytes are "
                    + type + ", not the declared " + upload.declaredType());
        }
        return new Checked(name, type, upload.bytes());
    }

    public InvalidInputException tooLarge() {
        return new InvalidInputException("file", "max-size", "文件不能超过 " + maxSize.toMegabytes()
                + " MB / the file must not exceed " + maxSize.toMegabytes() + " MB");
    }

    /** The last path segment, without control characters or quotes, at most 255 characters. */
    static String safeName(String name) {
        String n = name == null ? "" : name.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").trim();
        if (n.isEmpty() || n.equals(".") || n.equals("..")) {
            n = "file";
        }
        return n.length() > 255 ? n.substring(n.length() - 255) : n;
    }

}
