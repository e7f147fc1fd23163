package jp.mamori.shared.ledger;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jp.mamori.shared.BadInputException;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading ledger files as Excel and Windows write them. */
class LedgerFileTests {

	static final LedgerDefinition LEDGER = new LedgerDefinition("things", "test_thing", "機器台帳", "Things",
			List.of("2-①"), "", "",
			List.of(LedgerColumn.text("name", "機器名", "Name").required().aliases("名称").build(),
					LedgerColumn.list("ips", "IPアドレス", "IP addresses").aliases("IP", "ip address").build(),
					LedgerColumn.date("since", "導入日", "Since").build()),
			"name", 1);

	static final String CSV = "機器名,IP,導入日\r\n電子カルテサーバ,192.168.1.10,令和7年4月1日\r\n受付PC,\"192.168.1.20\n192.168.1.21\",2025/4/2\r\n";

	@Test
	void detectsCp932AsExcelOnWindowsWritesIt() {
		var parsed = LedgerFile.read(LEDGER, "devices.csv", CSV.getBytes(LedgerFile.CP932), "auto");

		assertThat(parsed.encoding()).isEqualTo("CP932");
		assertThat(parsed.rows()).extracting(r -> r.values().get("name")).containsExactly("電子カルテサーバ", "受付PC");
		assertThat(parsed.rows().get(1).values().get("ips")).isEqualTo("192.168.1.20\n192.168.1.21");
		assertThat(parsed.rows()).extracting(LedgerFile.RawRow::row).containsExactly(2, 3);
	}

	@Test
	void readsUtf8WithAndWithoutBom() {
		byte[] plain = CSV.getBytes(StandardCharsets.UTF_8);
		ByteArrayOutputStream bom = new ByteArrayOutputStream();
		bom.writeBytes(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
		bom.writeBytes(plain);

		for (byte[] bytes : List.of(plain, bom.toByteArray())) {
			var parsed = LedgerFile.read(LEDGER, "devices.csv", bytes, "auto");
			assertThat(parsed.encoding()).isEqualTo("UTF-8");
			assertThat(parsed.rows().get(0).values()).containsEntry("name", "電子カルテサーバ");
		}
	}

	@Test
	void letsThePersonNameTheEncodingAndSaysWhenItIsWrong() {
		byte[] sjis = CSV.getBytes(LedgerFile.CP932);

		assertThat(LedgerFile.read(LEDGER, "d.csv", sjis, "cp932").rows()).hasSize(2);
		assertThatThrownBy(() -> LedgerFile.read(LEDGER, "d.csv", sjis, "utf-8")).isInstanceOf(BadInputException.class)
			.hasMessageContaining("UTF-8 として読めません");
	}

	@Test
	void reportsAMissingRequiredColumnAndIgnoresUnknownOnes() {
		var parsed = LedgerFile.read(LEDGER, "d.csv", "IP,色\r\n10.0.0.1,赤\r\n".getBytes(StandardCharsets.UTF_8),
				"auto");

		assertThat(parsed.errors()).singleElement().satisfies(e -> {
			assertThat(e.row()).isEqualTo(1);
			assertThat(e.column()).isEqualTo("機器名");
			assertThat(e.message()).contains("必須の列がありません");
		});
		assertThat(parsed.ignoredHeaders()).containsExactly("色");
	}

	@Test
	void readsXlsxWithDateCellsAndSkipsTheTemplatesExampleRow() throws Exception {
		byte[] template = LedgerFileWriter.template(LEDGER);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new java.io.ByteArrayInputStream(template));
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			var sheet = workbook.getSheetAt(0);
			var row = sheet.createRow(2);
			row.createCell(1).setCellValue("X線撮影装置");
			var date = row.createCell(3);
			date.setCellValue(java.time.LocalDate.of(2024, 10, 1));
			var style = workbook.createCellStyle();
			style.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy/m/d"));
			date.setCellStyle(style);
			workbook.write(out);

			var parsed = LedgerFile.read(LEDGER, "things.xlsx", out.toByteArray(), "auto");

			assertThat(parsed.rows()).singleElement().satisfies(r -> {
				assertThat(r.row()).isEqualTo(3);
				assertThat(r.values()).containsEntry("name", "X線撮影装置").containsEntry("since", "2024-10-01");
			});
		}
	}

	@Test
	void writesCsvThatReadsBackInBothEncodings() {
		var row = new LedgerRow(java.util.UUID.randomUUID(), 0, Map.of("name", "=HYPERLINK(\"x\")", "ips",
				List.of("10.0.0.1", "10.0.0.2"), "since", java.time.LocalDate.of(2025, 4, 1)), null, null);

		for (boolean cp932 : List.of(false, true)) {
			byte[] csv = LedgerFileWriter.csv(LEDGER, List.of(row), cp932);
			var parsed = LedgerFile.read(LEDGER, "t.csv", csv, "auto");
			assertThat(parsed.encoding()).isEqualTo(cp932 ? "CP932" : "UTF-8");
			assertThat(parsed.rows()).singleElement().satisfies(r -> {
				assertThat(r.id()).isEqualTo(row.id().toString());
				// written with Excel's apostrophe so that it is not run as a formula,
				// read back as it was
				assertThat(r.values().get("name")).isEqualTo("=HYPERLINK(\"x\")");
				assertThat(r.values().get("ips")).isEqualTo("10.0.0.1\n10.0.0.2");
			});
		}
	}

}
