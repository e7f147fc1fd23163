package jp.mamori.support;

import jp.mamori.identity.OrgRole;
import jp.mamori.identity.UserAccounts;
import jp.mamori.organization.OrgKind;
import jp.mamori.organization.Organization;
import jp.mamori.organization.Organizations;
import org.springframework.stereotype.Component;

/**
 * The two sides of the vendor portal for tests: a clinic with a member, and a vendor
 * organisation with one user, each with a fresh name.
 */
@Component
public class Parties {

	/** An organisation and the user who acts for it. */
	public record Side(String username, Organization org) {
	}

	private final Fixtures fixtures;

	private final Organizations organizations;

	private final UserAccounts users;

	Parties(Fixtures fixtures, Organizations organizations, UserAccounts users) {
		this.fixtures = fixtures;
		this.organizations = organizations;
		this.users = users;
	}

	/** A clinic whose user has the role. */
	public Side clinic(String prefix, OrgRole role) {
		String username = Fixtures.uniqueName(prefix);
		return new Side(username, fixtures.clinicWith(username, role));
	}

	/** A VENDOR organisation with one editor. */
	public Side vendor(String prefix) {
		String username = Fixtures.uniqueName(prefix);
		Organization org = organizations.create("テスト事業者 " + username, OrgKind.VENDOR, "test");
		users.create(org.id(), username, "事業者 花子", Fixtures.PASSWORD, OrgRole.EDITOR, "test");
		return new Side(username, org);
	}

}
