package jp.mamori.assessment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jp.mamori.assessment.Answer;
import jp.mamori.assessment.AnswerValue;
import jp.mamori.assessment.Assessment;
import jp.mamori.assessment.AssessmentRound;
import jp.mamori.assessment.RoundStatus;
import jp.mamori.catalog.FormCode;
import jp.mamori.shared.FiscalYear;
import jp.mamori.shared.OrgId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every method takes the organisation: nothing is read or written by id alone. */
@Repository
public class AssessmentRepository {

	private static final String ASSESSMENT_COLUMNS = "id, org_id, fiscal_year, catalog_version, form, seeded_from, created_at, created_by, subject";

	private static final String ANSWER_COLUMNS = "item_id, round_no, answer, checked_on, target_date, note, needs_recheck, "
			+ "previous_answer, previous_checked_on, version, updated_at, updated_by";

	private final JdbcClient jdbc;

	AssessmentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(Assessment a) {
		jdbc.sql("insert into assessment (" + ASSESSMENT_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(a.id(), a.org().value(), a.fiscalYear().startYear(), a.versionId(), a.form().code(), a.seededFrom(),
					utc(a.createdAt()), a.createdBy(), a.subject())
			.update();
	}

	public Optional<Assessment> find(OrgId org, UUID id) {
		return jdbc.sql("select " + ASSESSMENT_COLUMNS + " from assessment where org_id = ? and id = ?")
			.params(org.value(), id)
			.query(AssessmentRepository::assessment)
			.optional();
	}

	public Optional<Assessment> find(OrgId org, FiscalYear year, FormCode form, String versionId, String subject) {
		return jdbc
			.sql("select " + ASSESSMENT_COLUMNS + " from assessment "
					+ "where org_id = ? and fiscal_year = ? and form = ? and catalog_version = ? and subject = ?")
			.params(org.value(), year.startYear(), form.code(), versionId, subject == null ? "" : subject.strip())
			.query(AssessmentRepository::assessment)
			.optional();
	}

	public List<Assessment> findAll(OrgId org) {
		return jdbc
			.sql("select " + ASSESSMENT_COLUMNS + " from assessment where org_id = ? "
					+ "order by fiscal_year desc, created_at desc, subject")
			.param(org.value())
			.query(AssessmentRepository::assessment)
			.list();
	}

	/**
	 * Serialises writers on one assessment (submit vs. answer vs. next round) on every
	 * database.
	 */
	public void lock(OrgId org, UUID id) {
		jdbc.sql("update assessment set version = version + 1 where org_id = ? and id = ?")
			.params(org.value(), id)
			.update();
	}

	public void insertRound(OrgId org, UUID assessment, int round, Instant at) {
		jdbc.sql(
				"insert into assessment_round (assessment_id, org_id, round_no, status, started_at) values (?, ?, ?, ?, ?)")
			.params(assessment, org.value(), round, RoundStatus.OPEN.code(), utc(at))
			.update();
	}

	public List<AssessmentRound> rounds(OrgId org, UUID assessment) {
		return jdbc
			.sql("select round_no, status, started_at, submitted_at, submitted_by from assessment_round "
					+ "where org_id = ? and assessment_id = ? order by round_no")
			.params(org.value(), assessment)
			.query((rs, n) -> new AssessmentRound(rs.getInt(1), RoundStatus.valueOf(rs.getString(2).toUpperCase()),
					instant(rs, "started_at"), instant(rs, "submitted_at"), rs.getString(5)))
			.list();
	}

	public int submitRound(OrgId org, UUID assessment, int round, Instant at, String by) {
		return jdbc
			.sql("update assessment_round set status = ?, submitted_at = ?, submitted_by = ? "
					+ "where org_id = ? and assessment_id = ? and round_no = ? and status = ?")
			.params(RoundStatus.SUBMITTED.code(), utc(at), by, org.value(), assessment, round, RoundStatus.OPEN.code())
			.update();
	}

	public void insertAnswer(OrgId org, UUID assessment, Answer a) {
		jdbc.sql("insert into answer (assessment_id, org_id, " + ANSWER_COLUMNS
				+ ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(assessment, org.value(), a.itemId(), a.round(), code(a.value()), a.checkedOn(), a.targetDate(),
					a.note(), a.needsRecheck(), code(a.previousValue()), a.previousCheckedOn(), a.version(),
					a.updatedAt() == null ? null : utc(a.updatedAt()), a.updatedBy())
			.update();
	}

	public List<Answer> answers(OrgId org, UUID assessment) {
		return jdbc
			.sql("select " + ANSWER_COLUMNS + " from answer where org_id = ? and assessment_id = ? "
					+ "order by round_no, item_id")
			.params(org.value(), assessment)
			.query(AssessmentRepository::answer)
			.list();
	}

	public Optional<Answer> answer(OrgId org, UUID assessment, int round, String itemId) {
		return jdbc
			.sql("select " + ANSWER_COLUMNS + " from answer where org_id = ? and assessment_id = ? "
					+ "and round_no = ? and item_id = ?")
			.params(org.value(), assessment, round, itemId)
			.query(AssessmentRepository::answer)
			.optional();
	}

	/**
	 * Writes the new answer if nobody changed the row since {@code expectedVersion};
	 * returns rows updated.
	 */
	public int updateAnswer(OrgId org, UUID assessment, Answer a, int expectedVersion) {
		return jdbc
			.sql("update answer set answer = ?, checked_on = ?, target_date = ?, note = ?, needs_recheck = ?, "
					+ "version = version + 1, updated_at = ?, updated_by = ? "
					+ "where org_id = ? and assessment_id = ? and round_no = ? and item_id = ? and version = ?")
			.params(code(a.value()), a.checkedOn(), a.targetDate(), a.note(), a.needsRecheck(), utc(a.updatedAt()),
					a.updatedBy(), org.value(), assessment, a.round(), a.itemId(), expectedVersion)
			.update();
	}

	private static Assessment assessment(ResultSet rs, int row) throws SQLException {
		return new Assessment(rs.getObject("id", UUID.class), new OrgId(rs.getObject("org_id", UUID.class)),
				FiscalYear.of(rs.getInt("fiscal_year")), rs.getString("catalog_version"),
				FormCode.require(rs.getString("form")), rs.getObject("seeded_from", UUID.class),
				instant(rs, "created_at"), rs.getString("created_by"), rs.getString("subject"));
	}

	private static Answer answer(ResultSet rs, int row) throws SQLException {
		return new Answer(rs.getString("item_id"), rs.getInt("round_no"), value(rs.getString("answer")),
				date(rs, "checked_on"), date(rs, "target_date"), rs.getString("note"), rs.getBoolean("needs_recheck"),
				value(rs.getString("previous_answer")), date(rs, "previous_checked_on"), rs.getInt("version"),
				instant(rs, "updated_at"), rs.getString("updated_by"));
	}

	private static AnswerValue value(String code) {
		return code == null ? null : AnswerValue.fromCode(code).orElseThrow();
	}

	private static String code(AnswerValue value) {
		return value == null ? null : value.code();
	}

	private static LocalDate date(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, LocalDate.class);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
