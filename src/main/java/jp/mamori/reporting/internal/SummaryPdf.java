package jp.mamori.reporting.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import com.openhtmltopdf.extend.FSSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.springframework.context.MessageSource;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The management one-pager as a one-page A4 portrait PDF: the template
 * {@code templates/reporting/summary-pdf.html} (labels from the message bundles, the rest
 * from the model) rendered by openhtmltopdf with the bundled IPAexGothic embedded, as
 * {@link ChecklistPdf} does for the official form.
 */
public final class SummaryPdf {

	static final String TEMPLATE = "reporting/summary-pdf";

	/**
	 * Compact enough for five risks, the overdue items and both trends on one page. Every
	 * rule that sets text names IPAexGothic, the only font embedded.
	 */
	static final String CSS = """
			@page { size: A4 portrait; margin: 12mm 12mm 12mm 12mm; }
			body { font-family: IPAexGothic; font-size: 8.5pt; line-height: 1.35; margin: 0; }
			h1 { font-size: 14pt; margin: 0 0 1mm 0; }
			h2 { font-size: 10pt; margin: 3mm 0 1mm 0; border-bottom: 0.5pt solid #000; }
			p { margin: 0 0 1mm 0; }
			.meta { font-size: 9pt; }
			table { width: 100%; border-collapse: collapse; }
			th, td { border: 0.5pt solid #000; padding: 0.6mm 1mm; vertical-align: top; }
			th { background-color: #e6e6e6; font-weight: bold; text-align: center; }
			td.num { text-align: right; width: 12%; }
			ol { margin: 0; padding-left: 6mm; }
			li { margin-bottom: 1mm; }
			.risk { font-weight: bold; }
			.reason { font-size: 8pt; }
			.empty { font-size: 8pt; }
			.signature { margin-top: 6mm; font-size: 10pt; }
			.signature span { margin-right: 10mm; }
			""";

	private final SpringTemplateEngine engine;

	public SummaryPdf(MessageSource messages) {
		this.engine = engine(messages);
	}

	/** {@code summary} is the model read by the template as {@code s}. */
	public byte[] render(Object summary, Locale locale) {
		Context context = new Context(locale, Map.of("s", summary, "css", CSS));
		return toPdf(engine.process(TEMPLATE, context));
	}

	private static byte[] toPdf(String html) {
		FSSupplier<InputStream> font = () -> SummaryPdf.class.getResourceAsStream(ChecklistPdf.FONT);
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFont(font, ChecklistPdf.FONT_FAMILY);
			builder.withHtmlContent(html, null);
			builder.withProducer("Mamori");
			builder.toStream(out);
			builder.run();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// a private engine like ChecklistPdf's, reading labels from the application's bundles
	private static SpringTemplateEngine engine(MessageSource messages) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(SummaryPdf.class.getClassLoader());
		resolver.setPrefix("templates/");
		resolver.setSuffix(".html");
		resolver.setTemplateMode(TemplateMode.HTML);
		resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
		resolver.setCacheable(true);
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(resolver);
		engine.setTemplateEngineMessageSource(messages);
		return engine;
	}

}
