package jp.mamori.support;

import jp.mamori.identity.OrgRole;
import jp.mamori.identity.UserAccounts;
import jp.mamori.organization.OrgKind;
import jp.mamori.organization.Organization;
import jp.mamori.organization.Organizations;
import org.springframework.stereotype.Component;

/** Object mother for integration tests: organisations with a user of a given role. */
@Component
public class Fixtures {

	public static final String PASSWORD = "Mamori-Test-2025!";

	private final Organizations organizations;

	private final UserAccounts users;

	Fixtures(Organizations organizations, UserAccounts users) {
		this.organizations = organizations;
		this.users = users;
	}

	/** A clinic with one user; user names are made unique by the caller. */
	public Organization clinicWith(String username, OrgRole role) {
		Organization org = organizations.create("テスト診療所 " + username, OrgKind.INSTITUTION, "test");
		users.create(org.id(), username, "試験 太郎", PASSWORD, role, "test");
		return org;
	}

}
