package jp.mamori.accesslog.internal;

import jp.mamori.accesslog.AccessLogFinding;
import jp.mamori.accesslog.FindingComment;
import jp.mamori.accesslog.FindingState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jp.mamori.shared.OrgId;
import jp.mamori.shared.Severity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static jp.mamori.accesslog.internal.AccessLogEventRepository.utc;

/** Findings and their triage trail; every statement is scoped by organisation. */
@Repository
public class AccessLogFindingRepository {

	private static final String COLUMNS = "id, finding_key, rule, severity, event_count, accounts, sources, hosts, "
			+ "first_at, last_at, summary, evidence, state, detected_at, updated_at, version";

	private final JdbcClient jdbc;

	AccessLogFindingRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<AccessLogFinding> findAll(OrgId org) {
		return jdbc.sql("select " + COLUMNS + " from accesslog_finding where org_id = ? order by first_at, rule")
			.param(org.value())
			.query(AccessLogFindingRepository::finding)
			.list();
	}

	public Optional<AccessLogFinding> find(OrgId org, UUID id) {
		return jdbc.sql("select " + COLUMNS + " from accesslog_finding where org_id = ? and id = ?")
			.params(org.value(), id)
			.query(AccessLogFindingRepository::finding)
			.optional();
	}

	public void insert(OrgId org, AccessLogFinding f) {
		jdbc.sql("insert into accesslog_finding (" + COLUMNS + ", org_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
				+ "?, ?, ?, ?, ?)")
			.params(f.id(), f.key(), f.rule(), f.severity().id(), f.count(), join(f.accounts(), 2000),
					join(f.sources(), 2000), join(f.hosts(), 2000), utc(f.first()), utc(f.last()),
					StoredEvents.cut(f.summary(), 4000), join(f.evidence(), 4000), f.state().code(),
					utc(f.detectedAt()), utc(f.updatedAt()), f.version(), org.value())
			.update();
	}

	/** Re-analysis: the same finding with new numbers; its triage state is kept. */
	public void refresh(OrgId org, AccessLogFinding f) {
		jdbc.sql("update accesslog_finding set severity = ?, event_count = ?, accounts = ?, sources = ?, hosts = ?, "
				+ "first_at = ?, last_at = ?, summary = ?, evidence = ?, updated_at = ? where org_id = ? and id = ?")
			.params(f.severity().id(), f.count(), join(f.accounts(), 2000), join(f.sources(), 2000),
					join(f.hosts(), 2000), utc(f.first()), utc(f.last()), StoredEvents.cut(f.summary(), 4000),
					join(f.evidence(), 4000), utc(f.updatedAt()), org.value(), f.id())
			.update();
	}

	/** Sets the triage state if the stored version is still {@code expectedVersion}. */
	public int triage(OrgId org, UUID id, int expectedVersion, FindingState state, Instant at) {
		return jdbc
			.sql("update accesslog_finding set state = ?, updated_at = ?, version = version + 1 "
					+ "where org_id = ? and id = ? and version = ?")
			.params(state.code(), utc(at), org.value(), id, expectedVersion)
			.update();
	}

	/** Removes untriaged findings the latest analysis no longer produces. */
	public void deleteUntriaged(OrgId org, UUID id) {
		jdbc.sql("delete from accesslog_finding where org_id = ? and id = ? and state = 'new' "
				+ "and not exists (select 1 from accesslog_finding_comment c where c.org_id = ? and c.finding_id = ?)")
			.params(org.value(), id, org.value(), id)
			.update();
	}

	public void comment(OrgId org, UUID findingId, FindingComment comment) {
		jdbc.sql("insert into accesslog_finding_comment (id, org_id, finding_id, state, body, created_at, created_by) "
				+ "values (?, ?, ?, ?, ?, ?, ?)")
			.params(UUID.randomUUID(), org.value(), findingId, comment.state().code(), comment.body(),
					utc(comment.createdAt()), comment.createdBy())
			.update();
	}

	public List<FindingComment> comments(OrgId org, UUID findingId) {
		return jdbc
			.sql("select state, body, created_at, created_by from accesslog_finding_comment "
					+ "where org_id = ? and finding_id = ? order by created_at")
			.params(org.value(), findingId)
			.query((rs, n) -> new FindingComment(FindingState.fromCode(rs.getString(1)).orElseThrow(), rs.getString(2),
					rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4)))
			.list();
	}

	private static String join(List<String> values, int max) {
		StringBuilder text = new StringBuilder();
		for (String value : values) {
			String clean = value.replace('\n', ' ');
			if (text.length() + clean.length() + 1 > max) {
				break;
			}
			if (!text.isEmpty()) {
				text.append('\n');
			}
			text.append(clean);
		}
		return text.isEmpty() ? null : text.toString();
	}

	private static List<String> split(String text) {
		return text == null ? List.of() : text.lines().toList();
	}

	private static AccessLogFinding finding(ResultSet rs, int n) throws SQLException {
		String severity = rs.getString("severity");
		return new AccessLogFinding(rs.getObject("id", UUID.class), rs.getString("finding_key"), rs.getString("rule"),
				Arrays.stream(Severity.values()).filter(s -> s.id().equals(severity)).findFirst().orElse(Severity.INFO),
				rs.getLong("event_count"), split(rs.getString("accounts")), split(rs.getString("sources")),
				split(rs.getString("hosts")), instant(rs, "first_at"), instant(rs, "last_at"), rs.getString("summary"),
				split(rs.getString("evidence")), FindingState.fromCode(rs.getString("state")).orElseThrow(),
				instant(rs, "detected_at"), instant(rs, "updated_at"), rs.getInt("version"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
		return at == null ? null : at.toInstant();
	}

}
