package jp.mamori.reporting.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;

import jp.mamori.assessment.Assessment;
import jp.mamori.assessment.AssessmentQueries;
import jp.mamori.catalog.Catalog;
import jp.mamori.catalog.FormCode;
import jp.mamori.organization.Organization;
import jp.mamori.organization.Organizations;
import jp.mamori.reporting.ChecklistExport;
import jp.mamori.reporting.EvidencePack;
import jp.mamori.reporting.ExportFormat;
import jp.mamori.reporting.IncidentBinder;
import jp.mamori.shared.BadInputException;
import jp.mamori.shared.FiscalYear;
import jp.mamori.shared.MamoriSubcommand;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mamori export checklist}: writes the official checklist form of an assessment to
 * a file, Excel or PDF by the file's extension. The assessment is named by id, or by 年度
 * and form (the latest checklist version when there are several).
 * {@code mamori export evidence-pack} writes the 立入検査 evidence pack of a 年度 as a ZIP,
 * {@code mamori export incident-binder} the printable incident binder.
 */
@Component
@Command(name = "export", mixinStandardHelpOptions = true, description = "公式様式を出力します / export official forms")
public class ExportCommand implements MamoriSubcommand, Callable<Integer> {

	private final ChecklistExport export;

	private final AssessmentQueries assessments;

	private final Organizations organizations;

	private final Catalog catalog;

	@Spec
	CommandSpec spec;

	private final EvidencePack evidencePack;

	private final IncidentBinder incidentBinder;

	ExportCommand(ChecklistExport export, AssessmentQueries assessments, Organizations organizations, Catalog catalog,
			EvidencePack evidencePack, IncidentBinder incidentBinder) {
		this.export = export;
		this.evidencePack = evidencePack;
		this.incidentBinder = incidentBinder;
		this.assessments = assessments;
		this.organizations = organizations;
		this.catalog = catalog;
	}

	@Override
	public Integer call() {
		spec.commandLine().usage(spec.commandLine().getOut());
		return 0;
	}

	@Command(name = "checklist", description = { "チェックリストの公式様式（Excel または PDF）を書き出します",
			"export the official checklist form (.xlsx or .pdf by the file extension)" })
	public Integer checklist(
			@Option(names = "--org", required = true, paramLabel = "ORG", description = "組織ID または組織名") String org,
			@Option(names = "--assessment", paramLabel = "ID", description = "チェックリストID") String assessmentId,
			@Option(names = "--fy", paramLabel = "YEAR", description = "年度の開始年 (例: 2025 = 令和7年度)") Integer fiscalYear,
			@Option(names = "--form", paramLabel = "FORM", description = "institution | pharmacy | vendor") String form,
			@Option(names = "--version", paramLabel = "VERSION", description = "版 (例: R7)") String version,
			@Option(names = "--vendor", paramLabel = "NAME", description = "事業者ごとの事業者確認用のとき、その事業者名") String vendor,
			@Option(names = "--round", required = true, paramLabel = "N", description = "N回目まで出力") int round,
			@Option(names = "--out", required = true, paramLabel = "FILE", description = "出力先 (.xlsx / .pdf)") Path out,
			@Option(names = { "-h", "--help" }, usageHelp = true, description = "使い方を表示") boolean help) {
		ExportFormat format = formatOf(out);
		Organization organization = organizations.resolve(org);
		Assessment assessment = assessment(organization, assessmentId, fiscalYear, form, version, vendor);
		byte[] content = export.export(organization.id(), assessment.id(), round, format, actor());
		Path target = writeAtomically(out, stream -> stream.write(content));
		spec.commandLine().getOut().println(target);
		return 0;
	}

	@Command(name = "evidence-pack", description = { "立入検査資料（公式様式・台帳・連絡体制図・索引 binder.pdf）を ZIP に書き出します",
			"write the inspection evidence pack of a fiscal year as one ZIP" })
	public Integer evidencePack(
			@Option(names = "--org", required = true, paramLabel = "ORG", description = "組織ID または組織名") String org,
			@Option(names = "--fy", required = true, paramLabel = "YEAR",
					description = "年度の開始年 (例: 2025 = 令和7年度)") int fiscalYear,
			@Option(names = "--out", required = true, paramLabel = "FILE", description = "出力先 (.zip)") Path out,
			@Option(names = { "-h", "--help" }, usageHelp = true, description = "使い方を表示") boolean help) {
		requireExtension(out, ".zip");
		Organization organization = organizations.resolve(org);
		evidencePack.requireAssessments(organization.id(), fiscalYear);
		Path target = writeAtomically(out,
				stream -> evidencePack.write(organization.id(), fiscalYear, stream, actor()));
		spec.commandLine().getOut().println(target);
		return 0;
	}

	@Command(name = "incident-binder",
			description = { "インシデント対応バインダー（印刷用 PDF）を書き出します", "write the printable incident binder PDF" })
	public Integer incidentBinder(
			@Option(names = "--org", required = true, paramLabel = "ORG", description = "組織ID または組織名") String org,
			@Option(names = "--out", required = true, paramLabel = "FILE", description = "出力先 (.pdf)") Path out,
			@Option(names = { "-h", "--help" }, usageHelp = true, description = "使い方を表示") boolean help) {
		requireExtension(out, ".pdf");
		Organization organization = organizations.resolve(org);
		byte[] pdf = incidentBinder.print(organization.id(), actor());
		Path target = writeAtomically(out, stream -> stream.write(pdf));
		spec.commandLine().getOut().println(target);
		return 0;
	}

	private interface Content {

		void writeTo(OutputStream out) throws IOException;

	}

	// written to a temporary file beside the target and moved into place, so that a
	// failure half-way (even kill -9) never leaves a truncated ZIP or PDF under the
	// requested name; the temporary file's name carries the process id, so that the next
	// export can delete what a killed one left
	private static Path writeAtomically(Path out, Content content) {
		Path target = out.toAbsolutePath().normalize();
		Path temp = null;
		try {
			if (target.getParent() != null) {
				Files.createDirectories(target.getParent());
			}
			deleteLeftByDeadProcesses(target.getParent());
			temp = Files.createTempFile(target.getParent(), TEMP_PREFIX + ProcessHandle.current().pid() + "-", ".part");
			try (OutputStream stream = Files.newOutputStream(temp)) {
				content.writeTo(stream);
			}
			Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
			return target;
		}
		catch (IOException | UncheckedIOException ex) {
			throw new BadInputException("ファイルに書き込めません: " + target + " (" + ex.getMessage() + ")", ex);
		}
		finally {
			if (temp != null) {
				try {
					Files.deleteIfExists(temp);
				}
				catch (IOException ignored) {
					// the move succeeded or the target directory is gone; nothing to
					// clean
				}
			}
		}
	}

	private static final String TEMP_PREFIX = ".mamori-";

	private static final java.util.regex.Pattern LEFT = java.util.regex.Pattern.compile("\\.mamori-(\\d+)-.*\\.part");

	/** Deletes temporary files of exports whose process is gone (killed half-way). */
	static int deleteLeftByDeadProcesses(Path directory) {
		if (directory == null || !Files.isDirectory(directory)) {
			return 0;
		}
		int deleted = 0;
		try (java.util.stream.Stream<Path> files = Files.list(directory)) {
			for (Path file : files.toList()) {
				java.util.regex.Matcher m = LEFT.matcher(file.getFileName().toString());
				if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty()
						&& Files.deleteIfExists(file)) {
					deleted++;
				}
			}
		}
		catch (IOException | NumberFormatException ex) {
			// cleaning is a courtesy: the export itself does not depend on it
		}
		return deleted;
	}

	private static void requireExtension(Path out, String extension) {
		String name = out.getFileName() == null ? "" : out.getFileName().toString();
		if (!name.toLowerCase(Locale.ROOT).endsWith(extension)) {
			throw new BadInputException("出力ファイルの拡張子は " + extension + " にしてください: " + out);
		}
	}

	private Assessment assessment(Organization org, String assessmentId, Integer fiscalYear, String form,
			String version, String vendor) {
		if (assessmentId != null) {
			if (fiscalYear != null || form != null || version != null || vendor != null) {
				throw new BadInputException("--assessment と --fy/--form/--version/--vendor は同時に指定できません");
			}
			UUID id;
			try {
				id = UUID.fromString(assessmentId.strip());
			}
			catch (IllegalArgumentException ex) {
				throw new BadInputException("チェックリストIDの形式が正しくありません: " + assessmentId);
			}
			return assessments.find(org.id(), id)
				.orElseThrow(() -> new BadInputException("チェックリストが見つかりません: " + assessmentId));
		}
		if (fiscalYear == null || form == null) {
			throw new BadInputException("--assessment ID か、--fy 年度 と --form 様式 を指定してください");
		}
		FiscalYear year = FiscalYear.of(fiscalYear);
		FormCode code = FormCode.require(form.strip().toLowerCase(Locale.ROOT));
		List<Assessment> candidates = assessments.list(org.id())
			.stream()
			.filter(a -> a.fiscalYear().equals(year) && a.form() == code)
			.filter(a -> version == null || a.versionId().equalsIgnoreCase(version.strip()))
			.filter(a -> a.subject().equals(vendor == null ? "" : vendor.strip()))
			.toList();
		if (candidates.isEmpty() && vendor == null) {
			List<String> vendors = assessments.list(org.id())
				.stream()
				.filter(a -> a.fiscalYear().equals(year) && a.form() == code && !a.subject().isEmpty())
				.map(Assessment::subject)
				.distinct()
				.toList();
			if (!vendors.isEmpty()) {
				throw new BadInputException(year.japaneseLabel() + "の" + code.label()
						+ "は事業者ごとにあります。--vendor で事業者名を指定してください: " + String.join("、", vendors));
			}
		}
		return candidates.stream()
			.max(Comparator.comparing((Assessment a) -> catalog.requireVersion(a.versionId()).fiscalYear())
				.thenComparing(Assessment::versionId))
			.orElseThrow(() -> new BadInputException(
					year.japaneseLabel() + "の" + code.label() + (vendor == null ? "" : "・" + vendor.strip())
							+ (version == null ? "" : "（" + version + "）") + "のチェックリストがありません: " + org.name()));
	}

	static ExportFormat formatOf(Path out) {
		String name = out.getFileName() == null ? "" : out.getFileName().toString();
		int dot = name.lastIndexOf('.');
		if (dot < 0) {
			throw new BadInputException("出力ファイルの拡張子は .xlsx または .pdf にしてください: " + out);
		}
		try {
			return ExportFormat.fromCode(name.substring(dot + 1));
		}
		catch (BadInputException ex) {
			throw new BadInputException("出力ファイルの拡張子は .xlsx または .pdf にしてください: " + out, ex);
		}
	}

	private static String actor() {
		return "cli:" + System.getProperty("user.name", "unknown");
	}

}
