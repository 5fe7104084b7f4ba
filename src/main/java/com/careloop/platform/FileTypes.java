package com.careloop.platform;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a file really is, from its first bytes (magic numbers), not from the name or type the sender
 * declared: images (JPEG, PNG, GIF, WebP, TIFF, HEIC/HEIF from phones), PDF, Office documents (OLE2 for .doc/.xls/.ppt, a ZIP for
 * .docx/.xlsx/.pptx, told apart by the extension) and plain text (no binary control bytes).
 */
final class FileTypes {

    static final String OCTET_STREAM = "application/octet-stream";

    private static final Map<String, String> OLE2_OFFICE = Map.of(
            "doc", "application/msword", "xls", "application/vnd.ms-excel", "ppt", "application/vnd.ms-powerpoint");
    private static final Map<String, String> ZIP_OFFICE = Map.of(
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation");
    /**
     * Major brands of the ISO media file ("ftyp" box) that are still images: HEVC-coded HEIC (iPhone photos) and
     * the generic HEIF image brands. Video brands (hevc sequences, mp4) are not photos and stay refused.
     */
    private static final Set<String> HEIF_BRANDS = Set.of("heic", "heix", "heim", "heis", "mif1", "mif2");
    /** Names browsers and phones give a HEIC/HEIF photo; all stored as {@code image/heic}. */
    private static final Set<String> HEIF_DECLARED = Set.of("image/heif", "image/heic-sequence", "image/heif-sequence");

    /** Declared types that say nothing (mail clients, some browsers): only the bytes decide. */
    private static final Set<String> UNINFORMATIVE = Set.of(OCTET_STREAM, "application/zip", "application/x-zip-compressed",
            "application/x-ole-storage", "binary/octet-stream", "application/unknown");

    private FileTypes() {
    }

    /** The content type the bytes prove, if it is one of the allowed kinds. */
    static Optional<String> detect(byte[] b, String fileName) {
        String ext = extension(fileName);
        if (starts(b, 0xff, 0xd8, 0xff)) {
            return Optional.of("image/jpeg");
        }
        if (starts(b, 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a)) {
            return Optional.of("image/png");
        }
        if (ascii(b, 0, "GIF87a") || ascii(b, 0, "GIF89a")) {
            return Optional.of("image/gif");
        }
        if (ascii(b, 0, "RIFF") && ascii(b, 8, "WEBP")) {
            return Optional.of("image/webp");
        }
        if (ascii(b, 4, "ftyp") && b.length >= 12
                && HEIF_BRANDS.contains(new String(b, 8, 4, StandardCharsets.US_ASCII))) {
            return Optional.of("image/heic");
        }
        if (starts(b, 'I', 'I', 0x2a, 0x00) || starts(b, 'M', 'M', 0x00, 0x2a)) {
            return Optional.of("image/tiff");
        }
        if (ascii(b, 0, "%PDF-")) {
            return Optional.of("application/pdf");
        }
        if (starts(b, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) {
            return Optional.ofNullable(OLE2_OFFICE.get(ext));
        }
        if (starts(b, 'P', 'K', 0x03, 0x04)) {
            return Optional.ofNullable(ZIP_OFFICE.get(ext));
        }
        if ("txt".equals(ext) && isText(b)) {
            return Optional.of("text/plain");
        }
        return Optional.empty();
    }

    /** A declared type contradicts the bytes unless it is uninformative or the same type. */
    static boolean contradicts(String declared, String detected) {
        if (declared == null || declared.isBlank()) {
            return false;
        }
        String d = declared.toLowerCase(Locale.ROOT).split(";")[0].trim();
        if (d.equals("image/jpg") || d.equals("image/pjpeg")) {
            d = "image/jpeg";
        }
        if (d.equals("image/tif")) {
            d = "image/tiff";
        }
        if (HEIF_DECLARED.contains(d)) {
            d = "image/heic";
        }
        return !UNINFORMATIVE.contains(d) && !d.equals(detected);
    }

    static String extension(String fileName) {
        int dot = fileName == null ? -1 : fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** Text: no NUL or other binary control bytes in the first 8 KB (any ASCII-compatible encoding passes). */
    private static boolean isText(byte[] b) {
        int n = Math.min(b.length, 8192);
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xff;
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b) {
                return false;
            }
        }
        return true;
    }

    private static boolean starts(byte[] b, int... magic) {
        if (b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean ascii(byte[] b, int offset, String text) {
        byte[] t = text.getBytes(StandardCharsets.US_ASCII);
        return b.length >= offset + t.length && Arrays.equals(b, offset, offset + t.length, t, 0, t.length);
    }
}
