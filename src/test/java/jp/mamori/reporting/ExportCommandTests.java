package jp.mamori.reporting;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jp.mamori.MamoriCommandLine;
import jp.mamori.assessment.CreateAssessment;
import jp.mamori.identity.OrgRole;
import jp.mamori.organization.Organization;
import jp.mamori.reporting.cli.ExportCommand;
import jp.mamori.shared.MamoriSubcommand;
import jp.mamori.support.Fixtures;
import jp.mamori.support.IntegrationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code mamori export checklist} against the application context. */
@IntegrationTest
class ExportCommandTests {

	private static final AtomicInteger USERS = new AtomicInteger();

	@Autowired
	ExportCommand command;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CreateAssessment createAssessment;

	@Autowired
	jp.mamori.support.LedgerMother ledgers;

	@TempDir
	Path dir;

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	private int run(String... args) {
		return MamoriCommandLine.execute(List.<MamoriSubcommand>of(command), args, new PrintWriter(out, true),
				new PrintWriter(err, true));
	}

	private Organization clinic() {
		return fixtures.clinicWith("cli-" + USERS.incrementAndGet(), OrgRole.ADMIN);
	}

	@Test
	void writesTheWorkbookOfAnAssessmentNamedById() {
		Organization org = clinic();
		UUID id = createAssessment.create(org.id(), 2025, "R7", "institution", null, "tester").id();
		Path file = dir.resolve("out/form.xlsx");

		int status = run("export", "checklist", "--org", org.id().toString(), "--assessment", id.toString(), "--round",
				"1", "--out", file.toString());

		assertThat(status).as(err.toString()).isZero();
		assertThat(out.toString().strip()).isEqualTo(file.toAbsolutePath().toString());
		ExportedWorkbook sheet = ExportedWorkbook.read(read(file));
		assertThat(sheet.cell(0, 0)).isEqualTo("令和7年度版 医療機関におけるサイバーセキュリティ対策チェックリスト");
		assertThat(sheet.rows()).anyMatch(cells -> cells.contains("医療機関名: " + org.name()));
	}

	@Test
	void asksWhichVendorWhenTheVendorFormExistsPerVendor() {
		Organization org = clinic();
		createAssessment.create(org.id(), 2025, "R7", "vendor", null, "みどりメディカル", "tester");
		createAssessment.create(org.id(), 2025, "R7", "vendor", null, "あおば電子", "tester");
		Path file = dir.resolve("vendor.xlsx");

		int ambiguous = run("export", "checklist", "--org", org.name(), "--fy", "2025", "--form", "vendor", "--round",
				"1", "--out", file.toString());
		int chosen = run("export", "checklist", "--org", org.name(), "--fy", "2025", "--form", "vendor", "--vendor",
				"あおば電子", "--round", "1", "--out", file.toString());

		assertThat(ambiguous).isEqualTo(2);
		assertThat(err.toString()).contains("--vendor").contains("みどりメディカル").contains("あおば電子");
		assertThat(chosen).as(err.toString()).isZero();
		assertThat(ExportedWorkbook.read(read(file)).rows())
			.anyMatch(cells -> cells.contains("事業者名: あおば電子（" + org.name() + " 向け）"));
	}

	@Test
	void picksTheAssessmentByYearAndFormAndWritesAPdf() throws Exception {
		Organization org = clinic();
		createAssessment.create(org.id(), 2025, "R6", "institution", null, "tester");
		createAssessment.create(org.id(), 2025, "R7", "institution", null, "tester");
		Path file = dir.resolve("form.PDF");

		int status = run("export", "checklist", "--org", org.name(), "--fy", "2025", "--form", "institution", "--round",
				"1", "--out", file.toString());

		assertThat(status).as(err.toString()).isZero();
		try (PDDocument pdf = Loader.loadPDF(read(file))) {
			assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf)).contains("令和7年度版");
		}
	}

	@Test
	void honoursAnExplicitVersion() {
		Organization org = clinic();
		createAssessment.create(org.id(), 2025, "R6", "institution", null, "tester");
		createAssessment.create(org.id(), 2025, "R7", "institution", null, "tester");
		Path file = dir.resolve("r6.xlsx");

		int status = run("export", "checklist", "--org", org.name(), "--fy", "2025", "--form", "institution",
				"--version", "R6", "--round", "1", "--out", file.toString());

		assertThat(status).as(err.toString()).isZero();
		assertThat(ExportedWorkbook.read(read(file)).cell(0, 0)).startsWith("令和6年度版");
	}

	@Test
	void exitsWithStatusTwoOnBadInput() {
		Organization org = clinic();
		UUID id = createAssessment.create(org.id(), 2025, "R7", "institution", null, "tester").id();

		assertThat(run("export", "checklist", "--org", org.name(), "--assessment", id.toString(), "--round", "1",
				"--out", dir.resolve("form.docx").toString()))
			.isEqualTo(2);
		assertThat(err.toString()).contains("出力ファイルの拡張子は .xlsx または .pdf にしてください");
		assertThat(run("export", "checklist", "--org", org.name(), "--assessment", id.toString(), "--round", "3",
				"--out", dir.resolve("form.xlsx").toString()))
			.isEqualTo(2);
		assertThat(err.toString()).contains("3回目の確認はありません");
		assertThat(run("export", "checklist", "--org", org.name(), "--fy", "2024", "--form", "institution", "--round",
				"1", "--out", dir.resolve("form.xlsx").toString()))
			.isEqualTo(2);
		assertThat(err.toString()).contains("令和6年度の医療機関確認用のチェックリストがありません");
		assertThat(run("export", "checklist", "--org", "どこにもない組織", "--assessment", id.toString(), "--round", "1",
				"--out", dir.resolve("form.xlsx").toString()))
			.isEqualTo(2);
		assertThat(run("export", "checklist", "--org", org.name(), "--round", "1", "--out",
				dir.resolve("form.xlsx").toString()))
			.isEqualTo(2);
		assertThat(Files.exists(dir.resolve("form.xlsx"))).isFalse();
	}

	@Test
	void writesTheEvidencePackAndTheIncidentBinder() throws Exception {
		Organization org = clinic();
		createAssessment.create(org.id(), 2025, "R7", "institution", null, "tester");
		ledgers.row(jp.mamori.continuity.ContactLedger.CONTACTS, org.id(),
				java.util.Map.of("name", "院長 山田", "category", "director", "phone", "090-1234-5678"));
		Path zip = dir.resolve("pack/立入検査資料.zip");
		Path pdf = dir.resolve("binder.pdf");

		int packStatus = run("export", "evidence-pack", "--org", org.name(), "--fy", "2025", "--out", zip.toString());
		int binderStatus = run("export", "incident-binder", "--org", org.id().toString(), "--out", pdf.toString());

		assertThat(packStatus).as(err.toString()).isZero();
		assertThat(binderStatus).as(err.toString()).isZero();
		assertThat(out.toString()).contains(zip.toAbsolutePath().toString()).contains(pdf.toAbsolutePath().toString());
		assertThat(EvidencePackTests.unzip(read(zip)).keySet()).contains(EvidencePack.BINDER, "03_台帳/機器台帳.xlsx");
		assertThat(EvidencePackTests.text(read(pdf))).contains("090-1234-5678").contains("施設名: " + org.name());
		try (var files = Files.list(dir.resolve("pack"))) {
			assertThat(files.map(f -> f.getFileName().toString())).containsExactly("立入検査資料.zip");
		}
	}

	@Test
	void refusesAnEvidencePackWithoutAChecklistOfTheYear() {
		Organization org = clinic();
		Path zip = dir.resolve("none.zip");

		assertThat(run("export", "evidence-pack", "--org", org.name(), "--fy", "2025", "--out", zip.toString()))
			.isEqualTo(2);
		assertThat(err.toString()).contains("令和7年度のチェックリストがありません");
		assertThat(run("export", "incident-binder", "--org", org.name(), "--out", dir.resolve("b.docx").toString()))
			.isEqualTo(2);
		assertThat(err.toString()).contains("出力ファイルの拡張子は .pdf にしてください");
		assertThat(Files.exists(zip)).isFalse();
	}

	private static byte[] read(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
