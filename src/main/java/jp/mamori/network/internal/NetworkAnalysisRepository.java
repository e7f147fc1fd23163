package jp.mamori.network.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jp.mamori.network.AnalysisKind;
import jp.mamori.network.NetworkAnalysis;
import jp.mamori.network.NetworkFinding;
import jp.mamori.network.NetworkFindingComment;
import jp.mamori.network.NetworkFindingState;
import jp.mamori.shared.OrgId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Analyses of uploaded configurations and scans, their findings and the triage trail;
 * every statement is scoped by organisation.
 */
@Repository
public class NetworkAnalysisRepository {

	private static final String ANALYSIS_COLUMNS = "id, kind, file_name, sha256, format, hostname, item_count, "
			+ "skipped, finding_count, notes, device_id, analysed_at, analysed_by";

	private static final String FINDING_COLUMNS = "id, analysis_id, finding_key, finding_id, severity, line_no, "
			+ "rule_name, service, iface, address, port, summary, fix, evidence, state, detected_at, updated_at, version";

	private final JdbcClient jdbc;

	NetworkAnalysisRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The organisation's analyses, newest first. */
	public List<NetworkAnalysis> analyses(OrgId org) {
		return jdbc
			.sql("select " + ANALYSIS_COLUMNS
					+ " from network_analysis where org_id = ? order by analysed_at desc, file_name")
			.param(org.value())
			.query(NetworkAnalysisRepository::analysis)
			.list();
	}

	public Optional<NetworkAnalysis> analysis(OrgId org, UUID id) {
		return jdbc.sql("select " + ANALYSIS_COLUMNS + " from network_analysis where org_id = ? and id = ?")
			.params(org.value(), id)
			.query(NetworkAnalysisRepository::analysis)
			.optional();
	}

	/** The analysis of the file with this content, if it was uploaded before. */
	public Optional<NetworkAnalysis> bySha256(OrgId org, String sha256) {
		return jdbc.sql("select " + ANALYSIS_COLUMNS + " from network_analysis where org_id = ? and sha256 = ?")
			.params(org.value(), sha256)
			.query(NetworkAnalysisRepository::analysis)
			.optional();
	}

	public void insertAnalysis(OrgId org, NetworkAnalysis a) {
		jdbc.sql("insert into network_analysis (" + ANALYSIS_COLUMNS
				+ ", org_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(a.id(), a.kind().code(), cut(a.fileName(), 300), a.sha256(), a.format(), cut(a.hostname(), 200),
					a.items(), a.skipped(), a.findings(), notes(a.notes()), a.deviceId(), utc(a.analysedAt()),
					a.analysedBy(), org.value())
			.update();
	}

	/** The same file analysed again: new facts, same id. */
	public void updateAnalysis(OrgId org, NetworkAnalysis a) {
		jdbc.sql("update network_analysis set kind = ?, file_name = ?, format = ?, hostname = ?, item_count = ?, "
				+ "skipped = ?, finding_count = ?, notes = ?, device_id = ?, analysed_at = ?, analysed_by = ? "
				+ "where org_id = ? and id = ?")
			.params(a.kind().code(), cut(a.fileName(), 300), a.format(), cut(a.hostname(), 200), a.items(), a.skipped(),
					a.findings(), notes(a.notes()), a.deviceId(), utc(a.analysedAt()), a.analysedBy(), org.value(),
					a.id())
			.update();
	}

	/** Every finding of the organisation. */
	public List<NetworkFinding> findings(OrgId org) {
		return jdbc
			.sql("select " + FINDING_COLUMNS + " from network_finding where org_id = ? order by analysis_id, line_no")
			.param(org.value())
			.query(NetworkAnalysisRepository::finding)
			.list();
	}

	public List<NetworkFinding> findings(OrgId org, UUID analysisId) {
		return jdbc
			.sql("select " + FINDING_COLUMNS
					+ " from network_finding where org_id = ? and analysis_id = ? order by line_no, finding_id")
			.params(org.value(), analysisId)
			.query(NetworkAnalysisRepository::finding)
			.list();
	}

	public Optional<NetworkFinding> finding(OrgId org, UUID id) {
		return jdbc.sql("select " + FINDING_COLUMNS + " from network_finding where org_id = ? and id = ?")
			.params(org.value(), id)
			.query(NetworkAnalysisRepository::finding)
			.optional();
	}

	public void insertFinding(OrgId org, NetworkFinding f) {
		jdbc.sql("insert into network_finding (" + FINDING_COLUMNS
				+ ", org_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(f.id(), f.analysisId(), cut(f.key(), 700), f.findingId(), f.severity(), f.line(),
					cut(f.rule(), 500), cut(f.service(), 500), cut(f.iface(), 200), cut(f.address(), 100), f.port(),
					cut(f.summary(), 4000), cut(f.fix(), 4000), cut(f.evidence(), 4000), f.state().code(),
					utc(f.detectedAt()), utc(f.updatedAt()), f.version(), org.value())
			.update();
	}

	/**
	 * The same finding from a new analysis of the same file: its triage state is kept.
	 */
	public void refreshFinding(OrgId org, NetworkFinding f) {
		jdbc.sql("update network_finding set severity = ?, line_no = ?, rule_name = ?, service = ?, iface = ?, "
				+ "address = ?, port = ?, summary = ?, fix = ?, evidence = ?, updated_at = ? where org_id = ? and id = ?")
			.params(f.severity(), f.line(), cut(f.rule(), 500), cut(f.service(), 500), cut(f.iface(), 200),
					cut(f.address(), 100), f.port(), cut(f.summary(), 4000), cut(f.fix(), 4000),
					cut(f.evidence(), 4000), utc(f.updatedAt()), org.value(), f.id())
			.update();
	}

	/**
	 * Removes a finding the new analysis of its file no longer produces, with its trail.
	 */
	public void deleteFinding(OrgId org, UUID id) {
		jdbc.sql("delete from network_finding_comment where org_id = ? and finding_id = ?")
			.params(org.value(), id)
			.update();
		jdbc.sql("delete from network_finding where org_id = ? and id = ?").params(org.value(), id).update();
	}

	/** Sets the triage state if the stored version is still {@code expectedVersion}. */
	public int triage(OrgId org, UUID id, int expectedVersion, NetworkFindingState state, Instant at) {
		return jdbc
			.sql("update network_finding set state = ?, updated_at = ?, version = version + 1 "
					+ "where org_id = ? and id = ? and version = ?")
			.params(state.code(), utc(at), org.value(), id, expectedVersion)
			.update();
	}

	public void comment(OrgId org, UUID findingId, NetworkFindingComment comment) {
		jdbc.sql("insert into network_finding_comment (id, org_id, finding_id, state, body, created_at, created_by) "
				+ "values (?, ?, ?, ?, ?, ?, ?)")
			.params(UUID.randomUUID(), org.value(), findingId, comment.state().code(), comment.body(),
					utc(comment.createdAt()), comment.createdBy())
			.update();
	}

	public List<NetworkFindingComment> comments(OrgId org, UUID findingId) {
		return jdbc
			.sql("select state, body, created_at, created_by from network_finding_comment "
					+ "where org_id = ? and finding_id = ? order by created_at")
			.params(org.value(), findingId)
			.query((rs, n) -> new NetworkFindingComment(NetworkFindingState.fromCode(rs.getString(1)).orElseThrow(),
					rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4)))
			.list();
	}

	private static NetworkAnalysis analysis(ResultSet rs, int n) throws SQLException {
		String notes = rs.getString("notes");
		return new NetworkAnalysis(rs.getObject("id", UUID.class),
				AnalysisKind.fromCode(rs.getString("kind")).orElseThrow(), rs.getString("file_name"),
				rs.getString("sha256"), rs.getString("format"), rs.getString("hostname"), rs.getInt("item_count"),
				rs.getLong("skipped"), rs.getInt("finding_count"), notes == null ? List.of() : notes.lines().toList(),
				rs.getObject("device_id", UUID.class), rs.getObject("analysed_at", OffsetDateTime.class).toInstant(),
				rs.getString("analysed_by"));
	}

	private static NetworkFinding finding(ResultSet rs, int n) throws SQLException {
		int port = rs.getInt("port");
		Integer portOrNull = rs.wasNull() ? null : port;
		return new NetworkFinding(rs.getObject("id", UUID.class), rs.getObject("analysis_id", UUID.class),
				rs.getString("finding_key"), rs.getString("finding_id"), rs.getString("severity"), rs.getInt("line_no"),
				rs.getString("rule_name"), rs.getString("service"), rs.getString("iface"), rs.getString("address"),
				portOrNull, rs.getString("summary"), rs.getString("fix"), rs.getString("evidence"),
				NetworkFindingState.fromCode(rs.getString("state")).orElseThrow(),
				rs.getObject("detected_at", OffsetDateTime.class).toInstant(),
				rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getInt("version"));
	}

	private static String notes(List<String> notes) {
		return notes.isEmpty() ? null
				: cut(String.join("\n", notes.stream().map(s -> s.replace('\n', ' ')).toList()), 4000);
	}

	static String cut(String text, int max) {
		if (text == null) {
			return null;
		}
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
