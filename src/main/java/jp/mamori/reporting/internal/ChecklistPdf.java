package jp.mamori.reporting.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.openhtmltopdf.extend.FSSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import jp.mamori.assessment.AssessmentView;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The official form as an A4 landscape PDF: the template
 * {@code templates/reporting/checklist-pdf.html} (every string comes from the model)
 * rendered by openhtmltopdf with the bundled IPAexGothic embedded, the table header
 * repeated on each page and page numbers in the footer. Nothing is fetched remotely. Bold
 * text is drawn by the renderer from the one regular face.
 */
public final class ChecklistPdf {

	static final String FONT_FAMILY = "IPAexGothic";

	static final String FONT = "/fonts/ipaexg.ttf";

	static final String TEMPLATE = "reporting/checklist-pdf";

	/**
	 * The page and table style. Kept here rather than in the template, which holds markup
	 * only. Only IPAexGothic is embedded, so every rule that sets text names it: a font
	 * without kanji would print empty boxes. Headings avoid a page break after them, so
	 * none is left alone at the foot of a page.
	 */
	static final String CSS = """
			@page {
				size: A4 landscape;
				margin: 10mm 10mm 14mm 10mm;
				@bottom-center {
					content: counter(page) " / " counter(pages);
					font-family: IPAexGothic;
					font-size: 8pt;
				}
			}
			body { font-family: IPAexGothic; font-size: 8pt; line-height: 1.35; margin: 0; }
			h1 { font-size: 13pt; margin: 0 0 1mm 0; }
			p { margin: 0 0 1mm 0; }
			.form-title { font-size: 11pt; font-weight: bold; }
			.notice { font-weight: bold; }
			table { width: 100%; border-collapse: collapse; margin-top: 2mm; -fs-table-paginate: paginate; }
			thead { display: table-header-group; }
			tr { page-break-inside: avoid; }
			th, td { border: 0.5pt solid #000; padding: 0.8mm 1mm; vertical-align: top; }
			th { background-color: #e6e6e6; font-weight: bold; text-align: center; vertical-align: middle; }
			th.item { width: 34%; }
			th.number { width: 7%; }
			th.scope { width: 7%; }
			th.note { width: 13%; }
			td.text { white-space: pre-wrap; }
			td.center { text-align: center; }
			tr.heading, tr.scope { page-break-after: avoid; }
			tr.heading td { background-color: #cccccc; font-weight: bold; }
			tr.scope td { background-color: #eeeeee; font-weight: bold; }
			""";

	// a private engine: the web application's one may be absent (command line) or
	// configured for pages
	private static final SpringTemplateEngine ENGINE = engine();

	private ChecklistPdf() {
	}

	public static byte[] render(AssessmentView view, String orgName, int round) {
		return render(ChecklistLayout.of(view, orgName, round));
	}

	static byte[] render(ChecklistLayout layout) {
		return toPdf(html(layout));
	}

	static String html(ChecklistLayout layout) {
		Context context = new Context(java.util.Locale.JAPANESE, Map.of("sheet", layout, "css", CSS));
		return ENGINE.process(TEMPLATE, context);
	}

	private static byte[] toPdf(String html) {
		FSSupplier<InputStream> font = () -> ChecklistPdf.class.getResourceAsStream(FONT);
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFont(font, FONT_FAMILY);
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

	private static SpringTemplateEngine engine() {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(ChecklistPdf.class.getClassLoader());
		resolver.setPrefix("templates/");
		resolver.setSuffix(".html");
		resolver.setTemplateMode(TemplateMode.HTML);
		resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
		resolver.setCacheable(true);
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(resolver);
		return engine;
	}

}
