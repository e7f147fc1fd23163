package jp.mamori.reporting.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.openhtmltopdf.extend.FSSupplier;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import jp.mamori.assessment.AssessmentView;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The official form as an A4 landscape PDF: the template {@code templates/reporting/checklist-pdf.html}
 * (every string comes from the model) rendered by openhtmltopdf with the bundled IPAexGothic embedded,
 * the table header repeated on each page and page numbers in the footer. Nothing is fetched remotely.
 */
public final class ChecklistPdf {

	static final String FONT_FAMILY = "IPAexGothic";

	static final String FONT = "/fonts/ipaexg.ttf";

	static final String TEMPLATE = "reporting/checklist-pdf";

	static final String STYLESHEET = "/templates/reporting/checklist-pdf.css";

	// a private engine: the web application's one may be absent (command line) or configured for pages
	private static final SpringTemplateEngine ENGINE = engine();

	private static final String CSS = stylesheet();

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
			// one face for both weights: a missing bold face would fall back to a font without kanji
			builder.useFont(font, FONT_FAMILY, 400, FontStyle.NORMAL, true);
			builder.useFont(font, FONT_FAMILY, 700, FontStyle.NORMAL, true);
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

	private static String stylesheet() {
		try (InputStream in = ChecklistPdf.class.getResourceAsStream(STYLESHEET)) {
			if (in == null) {
				throw new IllegalStateException("missing " + STYLESHEET);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
