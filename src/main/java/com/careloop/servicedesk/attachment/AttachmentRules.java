package com.careloop.servicedesk.attachment;

import com.careloop.platform.InvalidInputException;
import com.careloop.platform.UploadedFiles;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * What a file must be to be attached: not empty, at most {@code careloop.servicedesk.attachment-max-size}
 * (default 10 MB), and one of the allowed kinds by its bytes (the platform's {@link UploadedFiles} checks); the declared type is
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

    /** Size, name and type rules ({@link UploadedFiles}, shared with the other modules' uploads). */
    public Checked check(Attachments.Upload upload) {
        var c = upload == null ? UploadedFiles.check(null, null, null, maxSize)
                : UploadedFiles.check(upload.fileName(), upload.declaredType(), upload.bytes(), maxSize);
        return new Checked(c.fileName(), c.contentType(), c.bytes());
    }

    public InvalidInputException tooLarge() {
        return UploadedFiles.tooLarge(maxSize);
    }
}
