package jp.mamori.reminder;

import java.util.List;
import java.util.UUID;

import jp.mamori.identity.MailSettings;
import jp.mamori.identity.OrgRole;
import jp.mamori.identity.UserAccount;
import jp.mamori.identity.UserAccounts.Member;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A task's free-text 担当者 names exactly one member, or nobody. */
class OwnerNamesTests {

	static Member member(String username, String displayName) {
		return new Member(new UserAccount(UUID.randomUUID(), username, displayName, true, false), OrgRole.EDITOR,
				new MailSettings(username + "@example.jp", true));
	}

	static final Member HANAKO = member("hanako", "山田 花子");

	static final Member TARO = member("taro.y", "山田 太郎");

	static final List<Member> MEMBERS = List.of(HANAKO, TARO);

	@Test
	void matchesTheUserIdIgnoringCase() {
		assertThat(OwnerNames.memberNamed(" Hanako ", MEMBERS)).contains(HANAKO);
	}

	@Test
	void matchesTheNameAsPeopleTypeIt() {
		assertThat(OwnerNames.memberNamed("山田　太郎", MEMBERS)).contains(TARO);
		assertThat(OwnerNames.memberNamed("山田太郎", MEMBERS)).contains(TARO);
	}

	@Test
	void aNameOfTwoMembersIsNobodys() {
		Member namesake = member("hanako2", "山田花子");

		assertThat(OwnerNames.memberNamed("山田 花子", List.of(HANAKO, TARO, namesake))).isEmpty();
	}

	@Test
	void aNameOfNoMemberOrNoNameIsNobodys() {
		assertThat(OwnerNames.memberNamed("システム担当", MEMBERS)).isEmpty();
		assertThat(OwnerNames.memberNamed("山田", MEMBERS)).isEmpty();
		assertThat(OwnerNames.memberNamed(" ", MEMBERS)).isEmpty();
		assertThat(OwnerNames.memberNamed(null, MEMBERS)).isEmpty();
	}

}
