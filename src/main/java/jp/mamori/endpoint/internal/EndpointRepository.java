package jp.mamori.endpoint.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jp.mamori.endpoint.EndpointMachine;
import jp.mamori.endpoint.LocalAccount;
import jp.mamori.endpoint.facts.EndpointFacts;
import jp.mamori.endpoint.facts.EndpointFinding;
import jp.mamori.shared.OrgId;
import jp.mamori.shared.Severity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Imported machines, their software, services, local accounts and findings. Every
 * statement carries the organisation; child rows are replaced as a whole on each import
 * of the machine.
 */
@Repository
public class EndpointRepository {

	// the count is of problems: an information-level finding records something approved
	private static final String MACHINE_COLUMNS = "m.id, m.device_id, m.hostname, m.serial, m.os, m.role, m.collected_at, "
			+ "m.file_name, m.unread, m.imported_at, m.imported_by, "
			+ "(select count(*) from endpoint_finding f where f.org_id = m.org_id and f.machine_id = m.id "
			+ "and f.severity <> 'info') as finding_count";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	EndpointRepository(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	public List<EndpointMachine> machines(OrgId org) {
		return jdbc.sql("select " + MACHINE_COLUMNS + " from endpoint_machine m where m.org_id = ? order by m.hostname")
			.param(org.value())
			.query(EndpointRepository::machine)
			.list();
	}

	public Optional<EndpointMachine> machine(OrgId org, UUID id) {
		return jdbc.sql("select " + MACHINE_COLUMNS + " from endpoint_machine m where m.org_id = ? and m.id = ?")
			.params(org.value(), id)
			.query(EndpointRepository::machine)
			.optional();
	}

	public Optional<UUID> machineOfDevice(OrgId org, UUID deviceId) {
		return jdbc.sql("select id from endpoint_machine where org_id = ? and device_id = ?")
			.params(org.value(), deviceId)
			.query(UUID.class)
			.optional();
	}

	/**
	 * The stored collector files of the organisation (for the analysis across machines).
	 */
	public List<StoredFile> files(OrgId org) {
		return jdbc.sql("select id, file_name, facts from endpoint_machine where org_id = ? order by hostname")
			.param(org.value())
			.query((rs, n) -> new StoredFile(rs.getObject("id", UUID.class), rs.getString("file_name"),
					rs.getBytes("facts")))
			.list();
	}

	public Optional<StoredFile> file(OrgId org, UUID machineId) {
		return jdbc.sql("select id, file_name, facts from endpoint_machine where org_id = ? and id = ?")
			.params(org.value(), machineId)
			.query((rs, n) -> new StoredFile(rs.getObject("id", UUID.class), rs.getString("file_name"),
					rs.getBytes("facts")))
			.optional();
	}

	/** A stored collector file. */
	public record StoredFile(UUID machineId, String fileName, byte[] bytes) {
	}

	/** Inserts or replaces the machine of a device-ledger row; returns its id. */
	public UUID save(OrgId org, UUID deviceId, EndpointFacts facts, String fileName, byte[] bytes, Instant at,
			String by) {
		Optional<UUID> existing = machineOfDevice(org, deviceId);
		UUID id = existing.orElseGet(UUID::randomUUID);
		String os = facts.os() == null ? null : cut(facts.os().caption(), 255);
		if (existing.isPresent()) {
			jdbc.sql("update endpoint_machine set hostname = ?, serial = ?, os = ?, role = ?, collected_at = ?, "
					+ "file_name = ?, facts = ?, unread = ?, imported_at = ?, imported_by = ?, version = version + 1 "
					+ "where org_id = ? and id = ?")
				.params(cut(facts.hostname(), 255), cut(facts.computer().serialNumber(), 255), os, facts.role(),
						facts.collectedAt(), cut(fileName, 500), bytes, facts.errors().size(), utc(at), by, org.value(),
						id)
				.update();
			for (String table : List.of("endpoint_software", "endpoint_service", "endpoint_local_account")) {
				jdbc.sql("delete from " + table + " where org_id = ? and machine_id = ?")
					.params(org.value(), id)
					.update();
			}
		}
		else {
			jdbc.sql("insert into endpoint_machine (id, org_id, device_id, hostname, serial, os, role, collected_at, "
					+ "file_name, facts, unread, imported_at, imported_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
				.params(id, org.value(), deviceId, cut(facts.hostname(), 255),
						cut(facts.computer().serialNumber(), 255), os, facts.role(), facts.collectedAt(),
						cut(fileName, 500), bytes, facts.errors().size(), utc(at), by)
				.update();
		}
		return id;
	}

	public void saveSoftware(OrgId org, UUID machineId, List<EndpointFacts.Software> software) {
		List<Object[]> rows = new ArrayList<>();
		int n = 0;
		for (EndpointFacts.Software s : software) {
			rows.add(new Object[] { org.value(), machineId, n++, cut(s.name(), 500), cut(s.version(), 200),
					cut(s.publisher(), 500), s.installDate() });
		}
		template.batchUpdate("insert into endpoint_software (org_id, machine_id, position, name, version, publisher, "
				+ "install_date) values (?, ?, ?, ?, ?, ?, ?)", rows);
	}

	public void saveServices(OrgId org, UUID machineId, List<EndpointFacts.Service> services) {
		List<Object[]> rows = new ArrayList<>();
		int n = 0;
		for (EndpointFacts.Service s : services) {
			rows.add(new Object[] { org.value(), machineId, n++, cut(s.name(), 300), cut(s.displayName(), 500),
					cut(s.state(), 50), cut(s.startMode(), 50), cut(s.account(), 300) });
		}
		template.batchUpdate("insert into endpoint_service (org_id, machine_id, position, name, display_name, state, "
				+ "start_mode, account) values (?, ?, ?, ?, ?, ?, ?, ?)", rows);
	}

	public void saveAccounts(OrgId org, UUID machineId, List<LocalAccount> accounts) {
		List<Object[]> rows = new ArrayList<>();
		int n = 0;
		for (LocalAccount a : accounts) {
			rows.add(new Object[] { org.value(), machineId, n++, cut(a.name(), 300), cut(a.fullName(), 300),
					a.enabled(), a.administrator(), a.lastLogon() == null ? null : utc(a.lastLogon()),
					cut(a.passwordLastSet(), 50), a.passwordNeverExpires(), a.accountRowId() });
		}
		template.batchUpdate("insert into endpoint_local_account (org_id, machine_id, position, name, full_name, "
				+ "enabled, administrator, last_logon, password_last_set, password_never_expires, account_row_id) "
				+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
	}

	/** Replaces every finding of the organisation (findings span machines). */
	public void replaceFindings(OrgId org, List<MachineFinding> findings) {
		jdbc.sql("delete from endpoint_finding where org_id = ?").param(org.value()).update();
		List<Object[]> rows = new ArrayList<>();
		java.util.Map<UUID, Integer> positions = new java.util.HashMap<>();
		for (MachineFinding mf : findings) {
			int position = positions.merge(mf.machineId(), 1, Integer::sum) - 1;
			EndpointFinding f = mf.finding();
			rows.add(new Object[] { org.value(), mf.machineId(), position, f.id(), f.severity().id(),
					cut(f.summary(), 4000), cut(f.fix(), 4000), cut(f.evidence(), 8000) });
		}
		template.batchUpdate("insert into endpoint_finding (org_id, machine_id, position, finding_id, severity, "
				+ "summary, fix, evidence) values (?, ?, ?, ?, ?, ?, ?, ?)", rows);
	}

	/** A finding and the machine it is about. */
	public record MachineFinding(UUID machineId, EndpointFinding finding) {
	}

	public List<EndpointFacts.Software> software(OrgId org, UUID machineId) {
		return jdbc.sql(
				"select name, version, publisher, install_date from endpoint_software where org_id = ? and machine_id = ? "
						+ "order by name, position")
			.params(org.value(), machineId)
			.query((rs, n) -> new EndpointFacts.Software(rs.getString("name"), rs.getString("version"),
					rs.getString("publisher"), rs.getObject("install_date", LocalDate.class)))
			.list();
	}

	public List<EndpointFacts.Service> services(OrgId org, UUID machineId) {
		return jdbc
			.sql("select name, display_name, state, start_mode, account from endpoint_service where org_id = ? "
					+ "and machine_id = ? order by name, position")
			.params(org.value(), machineId)
			.query((rs, n) -> new EndpointFacts.Service(rs.getString("name"), rs.getString("display_name"),
					rs.getString("state"), rs.getString("start_mode"), rs.getString("account"), null))
			.list();
	}

	public List<LocalAccount> accounts(OrgId org, UUID machineId) {
		return jdbc
			.sql("select name, full_name, enabled, administrator, last_logon, password_last_set, password_never_expires, "
					+ "account_row_id from endpoint_local_account where org_id = ? and machine_id = ? order by position")
			.params(org.value(), machineId)
			.query((rs, n) -> {
				OffsetDateTime last = rs.getObject("last_logon", OffsetDateTime.class);
				boolean never = rs.getBoolean("password_never_expires");
				Boolean neverExpires = rs.wasNull() ? null : never;
				return new LocalAccount(rs.getString("name"), rs.getString("full_name"), rs.getBoolean("enabled"),
						rs.getBoolean("administrator"), last == null ? null : last.toInstant(),
						rs.getString("password_last_set"), neverExpires, rs.getObject("account_row_id", UUID.class));
			})
			.list();
	}

	/** Findings of one machine, or of all machines when {@code machineId} is null. */
	public List<MachineFinding> findings(OrgId org, UUID machineId) {
		String where = machineId == null ? "" : " and f.machine_id = ?";
		List<Object> params = new ArrayList<>(List.of(org.value()));
		if (machineId != null) {
			params.add(machineId);
		}
		return jdbc
			.sql("select f.machine_id, f.finding_id, f.severity, f.summary, f.fix, f.evidence, m.hostname, m.file_name "
					+ "from endpoint_finding f join endpoint_machine m on m.id = f.machine_id and m.org_id = f.org_id "
					+ "where f.org_id = ?" + where + " order by m.hostname, f.position")
			.params(params)
			.query((rs, n) -> new MachineFinding(rs.getObject("machine_id", UUID.class),
					new EndpointFinding(rs.getString("finding_id"), severity(rs.getString("severity")),
							rs.getString("hostname"), rs.getString("file_name"), rs.getString("summary"),
							rs.getString("fix"), rs.getString("evidence"))))
			.list();
	}

	private static Severity severity(String id) {
		for (Severity s : Severity.values()) {
			if (s.id().equals(id)) {
				return s;
			}
		}
		return Severity.INFO;
	}

	private static EndpointMachine machine(ResultSet rs, int n) throws SQLException {
		return new EndpointMachine(rs.getObject("id", UUID.class), rs.getObject("device_id", UUID.class),
				rs.getString("hostname"), rs.getString("serial"), rs.getString("os"), rs.getString("role"),
				instant(rs, "collected_at"), rs.getString("file_name"), rs.getInt("unread"), instant(rs, "imported_at"),
				rs.getString("imported_by"), rs.getInt("finding_count"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
		return t == null ? null : t.toInstant();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static String cut(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max);
	}

}
