package jp.mamori.support;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jp.mamori.assessment.CreateAssessment;
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

	private static final AtomicInteger NAMES = new AtomicInteger();

	/** A clinic, one of its users and its R7 医療機関確認用 checklist for 令和7年度. */
	public record ClinicWithChecklist(String username, Organization org, UUID assessment) {
	}

	private final Organizations organizations;

	private final UserAccounts users;

	private final CreateAssessment createAssessment;

	Fixtures(Organizations organizations, UserAccounts users, CreateAssessment createAssessment) {
		this.organizations = organizations;
		this.users = users;
		this.createAssessment = createAssessment;
	}

	/** A user name no other test in the same (shared) context has used. */
	public static String uniqueName(String prefix) {
		return prefix + "-" + NAMES.incrementAndGet();
	}

	public ClinicWithChecklist clinicWithR7Checklist(String prefix, OrgRole role) {
		String username = uniqueName(prefix);
		Organization org = clinicWith(username, role);
		UUID assessment = createAssessment.create(org.id(), 2025, "R7", "institution", null, "test").id();
		return new ClinicWithChecklist(username, org, assessment);
	}

	/** A clinic with one user; user names are made unique by the caller. */
	public Organization clinicWith(String username, OrgRole role) {
		Organization org = organizations.create("テスト診療所 " + username, OrgKind.INSTITUTION, "test");
		users.create(org.id(), username, "試験 太郎", PASSWORD, role, "test");
		return org;
	}

}
