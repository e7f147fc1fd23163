package jp.mamori.web.ledger;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jp.mamori.shared.BadInputException;
import jp.mamori.shared.OrgId;
import jp.mamori.shared.ledger.LedgerDefinition;
import jp.mamori.shared.ledger.LedgerFileWriter;
import jp.mamori.shared.ledger.LedgerStore;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Ledger exports and templates as downloads, shared by the page and the API. */
final class LedgerDownloads {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private LedgerDownloads() {
	}

	static ResponseEntity<byte[]> export(LedgerDefinition ledger, LedgerStore store, OrgId org, String format,
			String encoding) {
		var rows = store.list(ledger, org, 0, Integer.MAX_VALUE);
		return switch (format.toLowerCase(Locale.ROOT)) {
			case "xlsx" ->
				download(LedgerFileWriter.xlsx(ledger, rows), XLSX, ledger.id() + ".xlsx", ledger.title() + ".xlsx");
			case "csv" -> {
				boolean cp932 = switch (encoding.toLowerCase(Locale.ROOT)) {
					case "cp932", "shift_jis", "sjis", "windows-31j" -> true;
					case "utf-8", "utf8" -> false;
					default -> throw new BadInputException("文字コードは utf-8 か cp932 です: " + encoding);
				};
				yield download(LedgerFileWriter.csv(ledger, rows, cp932),
						new MediaType("text", "csv",
								cp932 ? java.nio.charset.Charset.forName("windows-31j") : StandardCharsets.UTF_8),
						ledger.id() + ".csv", ledger.title() + ".csv");
			}
			default -> throw new BadInputException("出力形式は xlsx か csv です: " + format);
		};
	}

	static ResponseEntity<byte[]> template(LedgerDefinition ledger) {
		return download(LedgerFileWriter.template(ledger), XLSX, ledger.id() + "-template.xlsx",
				ledger.title() + "_ひな形.xlsx");
	}

	private static ResponseEntity<byte[]> download(byte[] bytes, MediaType type, String ascii, String japanese) {
		String disposition = ContentDisposition.attachment()
			.filename(japanese, StandardCharsets.UTF_8)
			.build()
			.toString();
		// an ASCII name first for old clients, the Japanese one (RFC 5987) for the rest
		disposition = "attachment; filename=\"" + ascii + "\"; "
				+ disposition.substring(disposition.indexOf("filename*="));
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition)
			.header("X-Content-Type-Options", "nosniff")
			.body(bytes);
	}

}
