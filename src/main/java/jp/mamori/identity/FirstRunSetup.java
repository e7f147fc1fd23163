package jp.mamori.identity;

import jp.mamori.organization.OrgKind;
import jp.mamori.organization.Organization;
import jp.mamori.organization.Organizations;
import jp.mamori.shared.BadInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use case: the very first start. Creates the first organisation (医療機関 or 薬局) and its
 * administrator, who also becomes システム管理者. Refused once any organisation exists.
 */
@Service
public class FirstRunSetup {

	private final Organizations organizations;

	private final UserAccounts users;

	private volatile boolean done;

	FirstRunSetup(Organizations organizations, UserAccounts users) {
		this.organizations = organizations;
		this.users = users;
	}

	public boolean isNeeded() {
		if (done) {
			return false;
		}
		done = organizations.count() > 0;
		return !done;
	}

	@Transactional
	public Organization run(String orgName, OrgKind kind, String username, String displayName, String password) {
		if (!isNeeded()) {
			throw new BadInputException("初期設定は既に完了しています");
		}
		if (kind != OrgKind.INSTITUTION && kind != OrgKind.PHARMACY) {
			throw new BadInputException("最初の組織は医療機関または薬局です");
		}
		Organization org = organizations.create(orgName, kind, username);
		users.create(org.id(), username, displayName, password, OrgRole.ADMIN, username);
		return org;
	}

}
