package jp.mamori.audit.web;

import java.nio.charset.StandardCharsets;

import jp.mamori.audit.AuditEntry;
import jp.mamori.audit.AuditTrail;
import jp.mamori.identity.OrgRole;
import jp.mamori.organization.Organization;
import jp.mamori.support.Fixtures;
import jp.mamori.support.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A row changed directly in the database shows on the audit page as a broken chain naming
 * the entry. A database of its own: the other tests verify the shared chain.
 */
@IntegrationTest
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:audit-tamper;MODE=PostgreSQL;DB_CLOSE_DELAY=-1")
class AuditTamperTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	AuditTrail trail;

	@Autowired
	JdbcClient jdbc;

	@Test
	void showsTheChainBrokenAtTheAlteredEntry() throws Exception {
		String admin = Fixtures.uniqueName("tamper-admin");
		Organization org = fixtures.clinicWith(admin, OrgRole.ADMIN);
		AuditEntry entry = trail.append(org.id(), admin, "evidence.stored", "規程.pdf", "元の内容");
		trail.append(org.id(), admin, "evidence.stored", "手順書.pdf", "後の記録");
		assertThat(chainStatus(org, admin).hasClass("chain-intact")).isTrue();

		jdbc.sql("update audit_entry set detail = 'x' where seq = ?").param(entry.seq()).update();
		try {
			Element status = chainStatus(org, admin);

			assertThat(status.hasClass("chain-broken")).isTrue();
			assertThat(status.select(".chain-break").text()).isEqualTo("エントリ " + entry.seq() + " の内容が記録後に変更されています。");
			assertThat(status.text()).contains("改ざん");
		}
		finally {
			jdbc.sql("update audit_entry set detail = ? where seq = ?").params(entry.detail(), entry.seq()).update();
		}
		assertThat(chainStatus(org, admin).hasClass("chain-intact")).isTrue();
	}

	private Element chainStatus(Organization org, String admin) throws Exception {
		return Jsoup
			.parse(mvc.perform(get("/orgs/{o}/audit", org.id()).with(user(admin)))
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8))
			.selectFirst("#chain-status");
	}

}
