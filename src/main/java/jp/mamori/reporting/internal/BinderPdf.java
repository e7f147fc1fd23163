package jp.mamori.reporting.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.openhtmltopdf.extend.FSSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * A printable A4 document (the evidence pack's {@code binder.pdf}, the incident binder)
 * built from an HTML body, with the title and the generation date in the header and the
 * page number in the footer of EVERY page, so a single loose page still says how old it
 * is. Rendered by openhtmltopdf with the bundled IPAexGothic, as {@link ChecklistPdf}.
 *
 * <p>
 * The body is assembled in Java rather than in a Thymeleaf template because its texts are
 * the printed document itself (fixed Japanese wording of a paper binder), not UI labels.
 */
public final class BinderPdf {

	private static final String CSS = """
			@page { size: A4 portrait; margin: 18mm 14mm 16mm 14mm;
			  @top-left { content: element(running-title); }
			  @top-right { content: element(running-date); }
			  @bottom-center { font-family: IPAexGothic; font-size: 8pt; content: counter(page) " / " counter(pages); } }
			body { font-family: IPAexGothic; font-size: 9.5pt; line-height: 1.45; margin: 0; }
			.running-title { position: running(running-title); font-family: IPAexGothic; font-size: 8pt; }
			.running-date { position: running(running-date); font-family: IPAexGothic; font-size: 8pt; }
			h1 { font-size: 16pt; margin: 0 0 2mm 0; }
			h2 { font-size: 12pt; margin: 5mm 0 2mm 0; border-bottom: 0.6pt solid #000; page-break-after: avoid; }
			h3 { font-size: 10pt; margin: 3mm 0 1mm 0; }
			p { margin: 0 0 1.5mm 0; }
			table { width: 100%; border-collapse: collapse; margin-bottom: 2mm; }
			th, td { border: 0.5pt solid #000; padding: 0.8mm 1.2mm; vertical-align: top; }
			th { background-color: #e6e6e6; font-weight: bold; text-align: left; }
			tr { page-break-inside: avoid; }
			ol, ul { margin: 0 0 2mm 0; padding-left: 6mm; }
			li { margin-bottom: 1mm; }
			.first-steps li { font-size: 12pt; font-weight: bold; }
			.blank { height: 9mm; }
			.muted { color: #444; font-size: 8.5pt; }
			.page-break { page-break-before: always; }
			""";

	private BinderPdf() {
	}

	/** Escapes a value for the HTML body; null is empty. */
	public static String h(Object value) {
		return value == null ? "" : HtmlUtils.htmlEscape(value.toString());
	}

	/**
	 * The PDF of {@code bodyHtml} (already escaped) with {@code title} and
	 * {@code generated} (e.g. 作成日時 令和7年6月15日 10:00) on every page.
	 */
	public static byte[] render(String title, String generated, String bodyHtml) {
		String html = "<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"UTF-8\"/><title>" + h(title)
				+ "</title><style>" + CSS + "</style></head><body>" + "<div class=\"running-title\">" + h(title)
				+ "</div><div class=\"running-date\">" + h(generated) + "</div>" + bodyHtml + "</body></html>";
		FSSupplier<InputStream> font = () -> BinderPdf.class.getResourceAsStream(ChecklistPdf.FONT);
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

}
