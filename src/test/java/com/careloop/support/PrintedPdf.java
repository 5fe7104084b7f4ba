package com.careloop.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * A printed form downloaded as PDF and read back with PDFBox (docs/printing.md "Test"): the download is checked on the
 * way (200, {@code application/pdf}, an attachment named after the record number, every font embedded) and the text
 * is what {@link PDFTextStripper} extracts.
 */
public record PrintedPdf(byte[] bytes, String text, String disposition) {

    /** GET {@code path} with a bearer token (API) in {@code language} (null: the default, zh-CN). */
    public static PrintedPdf fetch(HttpClient http, int port, String path, String token, String language,
                                   String recordNumber) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token);
        if (language != null) {
            b.header("Accept-Language", language);
        }
        try {
            return of(http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray()), recordNumber);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GET {@code path} in a signed-in page session (its language as chosen with {@code ?lang=}). */
    public static PrintedPdf fetch(PageSession session, String path, String recordNumber) {
        return of(session.download(path), recordNumber);
    }

    /** A response that must be the PDF of {@code recordNumber}. */
    public static PrintedPdf of(HttpResponse<byte[]> r, String recordNumber) {
        assertThat(r.statusCode()).as(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        String disposition = r.headers().firstValue("Content-Disposition").orElseThrow();
        assertThat(disposition).startsWith("attachment").contains(recordNumber + ".pdf");
        return read(r.body(), disposition);
    }

    /** The text of a PDF; asserts that every font of every page is embedded. */
    public static PrintedPdf read(byte[] pdf, String disposition) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDPage page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as("font %s embedded", font.getName()).isTrue();
                }
            }
            return new PrintedPdf(pdf, new PDFTextStripper().getText(doc), disposition);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
