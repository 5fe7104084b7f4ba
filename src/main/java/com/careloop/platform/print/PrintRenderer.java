package com.careloop.platform.print;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;

import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.PrintDocuments;
import com.careloop.platform.Texts;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

/**
 * {@link PrintDocuments} with the application's Thymeleaf engine and openhtmltopdf (ADR 0010). The module's template
 * supplies the fragment {@code content}; {@code platform/print/frame} wraps it in the A4 page with the header and the
 * page numbers. Rendering runs outside a request too (scheduled reports): the locale is the one given, set on the
 * thread for the time of the render so {@code #messages}, {@code @texts} and {@code Text}s all speak it.
 */
@Component
class PrintRenderer implements PrintDocuments {

    static final String FRAME = "platform/print/frame";

    private final ITemplateEngine templates;
    private final ApplicationContext context;
    private final MessageSource messages;
    private final Texts texts;
    private final CareLoopProperties properties;
    private final Clock clock;

    PrintRenderer(ITemplateEngine templates, ApplicationContext context, MessageSource messages, Texts texts,
                  CareLoopProperties properties, Clock clock) {
        this.templates = templates;
        this.context = context;
        this.messages = messages;
        this.texts = texts;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public String html(String template, Map<String, Object> model, Header header, Locale locale) {
        LocaleContext previous = LocaleContextHolder.getLocaleContext();
        LocaleContextHolder.setLocale(locale);
        try {
            Context page = new Context(locale);
            page.setVariables(model);
            // lets templates call beans (@texts, @times) without a web request
            page.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                    new ThymeleafEvaluationContext(context, null));
            page.setVariable("printTemplate", template);
            page.setVariable("print", frame(header, locale));
            return templates.process(FRAME, page);
        } finally {
            LocaleContextHolder.setLocaleContext(previous);
        }
    }

    @Override
    public byte[] pdf(String template, Map<String, Object> model, Header header, Locale locale) {
        String html = html(template, model, header, locale);
        // Thymeleaf writes HTML5 (void elements unclosed); openhtmltopdf wants a DOM, jsoup parses it as a browser would
        org.w3c.dom.Document dom = W3CDom.convert(Jsoup.parse(html));
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.useFont(PrintFonts::openLatin, PrintFonts.LATIN_FAMILY, 400, FontStyle.NORMAL, true);
        builder.useFont(PrintFonts::open, PrintFonts.FAMILY, 400, FontStyle.NORMAL, true);
        builder.withW3cDocument(dom, "/");
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private PrintFrame frame(Header header, Locale locale) {
        return new PrintFrame(properties.companyName(), header.formCode(), header.recordNumber(),
                texts.render(header.title(), locale), locale.toLanguageTag(),
                PrintFrame.cssString(messages.getMessage("print.generated",
                        new Object[] {texts.time(clock.instant())}, locale)),
                PrintFrame.counters(messages.getMessage("print.pageOf",
                        new Object[] {PrintFrame.PAGE, PrintFrame.PAGES}, locale)));
    }
}
