package com.careloop.contract.review;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.careloop.contract.AttachmentSlot;
import com.careloop.contract.ContractViews;
import com.careloop.contract.Contracts;

import org.springframework.web.multipart.MultipartFile;

/** An uploaded part handed to {@link Contracts#attach} (the API and the page share it). */
final class ContractFiles {

    private ContractFiles() {
    }

    static ContractViews.Attachment attach(Contracts contracts, long id, AttachmentSlot slot, MultipartFile file) {
        try {
            return contracts.attach(id, slot, file == null ? null : file.getOriginalFilename(),
                    file == null ? null : file.getContentType(), file == null ? null : file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
