package com.careloop.platform.print;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

import javax.swing.text.StyleContext;

/**
 * The fonts of printouts and chart images (ADR 0010). Chinese: Droid Sans Fallback Full ({@code fonts/}, Apache-2.0),
 * TrueType outlines for simplified and traditional Chinese, so PDFBox can embed just the glyphs a document uses. It has
 * no Latin letters or digits: those come from Liberation Sans (SIL OFL 1.1), which PDFBox ships in its own jar as its
 * fallback font. The print CSS names the Latin family first; openhtmltopdf takes each character from the first family
 * that has it, and both are embedded as subsets, so a PDF needs no font on the reader's machine.
 * Loaded once and kept (4.4 MB) so a render does not inflate them from the jars again.
 */
public final class PrintFonts {

    /** The CSS font family of the Chinese font. */
    public static final String FAMILY = "CareLoop Print";
    /** The CSS font family of the Latin font, named before {@link #FAMILY} in the print CSS. */
    public static final String LATIN_FAMILY = "CareLoop Print Latin";

    private static final String RESOURCE = "/fonts/DroidSansFallbackFull.ttf";
    private static final String LATIN_RESOURCE = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    static {
        // charts render on servers without a display; Spring Boot sets this too, plain unit tests do not
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private static final byte[] BYTES = read(RESOURCE);
    private static final byte[] LATIN_BYTES = read(LATIN_RESOURCE);
    private static final String AWT_FAMILY = registerWithAwt();

    private PrintFonts() {
    }

    /** A fresh stream of the Chinese font file, for the PDF renderer (which parses it per document). */
    public static InputStream open() {
        return new ByteArrayInputStream(BYTES);
    }

    /** A fresh stream of the Latin font file. */
    public static InputStream openLatin() {
        return new ByteArrayInputStream(LATIN_BYTES);
    }

    /**
     * The font for Java2D drawing (charts) in the given style and point size: the Chinese font, with the JDK's
     * fallback for the characters it lacks (Latin letters and digits: the server's default sans-serif font, which
     * Java needs installed anyway — fontconfig and e.g. DejaVu or Liberation). Java2D draws a created font without
     * any fallback; Swing's style context wraps it in the same composite the JDK builds for its logical fonts.
     */
    public static Font awt(int style, float size) {
        return StyleContext.getDefaultStyleContext().getFont(AWT_FAMILY, style, Math.round(size));
    }

    private static byte[] read(String resource) {
        try (InputStream in = PrintFonts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("print font missing from the class path: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String registerWithAwt() {
        try {
            Font font = Font.createFont(Font.TRUETYPE_FONT, open());
            // registered, so it is found by its family name (the style context looks fonts up by name)
            GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(font);
            return font.getFamily(Locale.ROOT);
        } catch (FontFormatException | IOException e) {
            throw new IllegalStateException("print font unreadable: " + RESOURCE, e);
        }
    }
}
