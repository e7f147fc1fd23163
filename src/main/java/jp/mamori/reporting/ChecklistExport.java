package jp.mamori.reporting;

import java.util.UUID;

import jp.mamori.assessment.Assessment;
import jp.mamori.assessment.AssessmentQueries;
import jp.mamori.assessment.AssessmentView;
import jp.mamori.organization.Organizations;
import jp.mamori.reporting.internal.ChecklistPdf;
import jp.mamori.reporting.internal.ChecklistWorkbook;
import jp.mamori.shared.BadInputException;
import jp.mamori.shared.OrgId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exports an assessment as the official MHLW checklist form, as an Excel workbook or a
 * PDF, for the 保健所 or a 立入検査. The export for round N shows rounds 1…N side by side, as
 * the paper form where the second check is written beside the first. Each export is
 * recorded in the audit trail ({@link ChecklistExported}).
 */
@Service
public class ChecklistExport {

	private final AssessmentQueries assessments;

	private final Organizations organizations;

	private final ApplicationEventPublisher events;

	ChecklistExport(AssessmentQueries assessments, Organizations organizations, ApplicationEventPublisher events) {
		this.assessments = assessments;
		this.organizations = organizations;
		this.events = events;
	}

	/**
	 * The form with rounds 1…{@code round} of the assessment.
	 * @throws BadInputException for a round the assessment does not have, or no format
	 * @throws jp.mamori.shared.NotFoundException when the assessment is not the
	 * organisation's
	 */
	@Transactional
	public byte[] export(OrgId org, UUID assessmentId, int round, ExportFormat format, String requestedBy) {
		if (format == null) {
			throw new BadInputException("出力形式は xlsx または pdf を指定してください");
		}
		AssessmentView view = assessments.view(org, assessmentId);
		String name = organizations.require(org).name();
		byte[] content = switch (format) {
			case XLSX -> ChecklistWorkbook.render(view, name, round);
			case PDF -> ChecklistPdf.render(view, name, round);
		};
		events.publishEvent(new ChecklistExported(org, assessmentId, round, format.code(), requestedBy));
		return content;
	}

	/** An ASCII file name such as {@code checklist-R7-institution-2025-round1.xlsx}. */
	public String fileName(OrgId org, UUID assessmentId, int round, ExportFormat format) {
		return fileName(assessments.require(org, assessmentId), round, format);
	}

	public static String fileName(Assessment assessment, int round, ExportFormat format) {
		String version = assessment.versionId().replaceAll("[^A-Za-z0-9_-]", "_");
		String subject = assessment.subject().isEmpty() ? "" : "-" + assessment.id().toString().substring(0, 8);
		return "checklist-" + version + "-" + assessment.form().code() + subject + "-"
				+ assessment.fiscalYear().startYear() + "-round" + round + "." + format.code();
	}

	/**
	 * A Japanese file name for browsers that understand RFC 5987, such as
	 * {@code チェックリスト_令和7年度_医療機関確認用_1回目_○○診療所.xlsx}.
	 */
	public String japaneseFileName(OrgId org, UUID assessmentId, int round, ExportFormat format) {
		Assessment assessment = assessments.require(org, assessmentId);
		String name = organizations.require(org).name();
		String fileName = String.join("_", "チェックリスト", assessment.fiscalYear().japaneseLabel(), assessment.formLabel(),
				round + "回目", name) + "." + format.code();
		// characters Windows or macOS refuse in file names
		return fileName.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
	}

}
