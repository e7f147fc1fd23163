package jp.mamori.evidence.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jp.mamori.evidence.EvidenceContent;
import jp.mamori.evidence.EvidenceFile;
import jp.mamori.shared.OrgId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class EvidenceRepository {

	private static final String COLUMNS = "f.id, f.org_id, f.file_name, f.content_type, f.size_bytes, f.sha256, f.uploaded_at, f.uploaded_by";

	private final JdbcClient jdbc;

	EvidenceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(EvidenceFile f, byte[] bytes) {
		jdbc.sql("insert into evidence_file (id, org_id, file_name, content_type, size_bytes, sha256, content, "
				+ "uploaded_at, uploaded_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(f.id(), f.org().value(), f.fileName(), f.contentType(), f.sizeBytes(), f.sha256(), bytes,
					f.uploadedAt().atOffset(ZoneOffset.UTC), f.uploadedBy())
			.update();
	}

	public void link(OrgId org, UUID evidence, String ownerType, String ownerRef) {
		jdbc.sql("insert into evidence_link (org_id, evidence_id, owner_type, owner_ref) values (?, ?, ?, ?)")
			.params(org.value(), evidence, ownerType, ownerRef)
			.update();
	}

	public List<EvidenceFile> linkedTo(OrgId org, String ownerType, String ownerRef) {
		return jdbc.sql("select " + COLUMNS + " from evidence_file f join evidence_link l on l.evidence_id = f.id "
				+ "where l.org_id = ? and f.org_id = ? and l.owner_type = ? and l.owner_ref = ? order by f.uploaded_at")
			.params(org.value(), org.value(), ownerType, ownerRef)
			.query(EvidenceRepository::file)
			.list();
	}

	public Optional<EvidenceContent> content(OrgId org, UUID id) {
		return jdbc.sql("select " + COLUMNS + ", f.content from evidence_file f where f.org_id = ? and f.id = ?")
			.params(org.value(), id)
			.query((rs, n) -> new EvidenceContent(file(rs, n), rs.getBytes("content")))
			.optional();
	}

	private static EvidenceFile file(ResultSet rs, int row) throws SQLException {
		return new EvidenceFile(rs.getObject("id", UUID.class), new OrgId(rs.getObject("org_id", UUID.class)),
				rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size_bytes"),
				rs.getString("sha256"), rs.getObject("uploaded_at", OffsetDateTime.class).toInstant(),
				rs.getString("uploaded_by"));
	}

}
