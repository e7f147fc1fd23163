package jp.mamori.reminder;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jp.mamori.evaluation.CheckFindings;
import jp.mamori.identity.UserAccounts.Member;

/**
 * Who a task's 担当者 is: the task keeps the owner as free text (a person may be named
 * before they have an account), so it is matched to a member of the task's organisation —
 * by user ID, or by name ignoring width, case and spaces (「山田 太郎」 = 「山田太郎」). A name that
 * fits two members, or none, is nobody's: a reminder to the wrong person is worse than
 * none.
 */
final class OwnerNames {

	private OwnerNames() {
	}

	static Optional<Member> memberNamed(String owner, List<Member> members) {
		if (owner == null || owner.isBlank()) {
			return Optional.empty();
		}
		String name = owner.strip();
		List<Member> byId = members.stream()
			.filter(m -> m.user().username().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
			.toList();
		if (byId.size() == 1) {
			return Optional.of(byId.get(0));
		}
		List<Member> byName = members.stream()
			.filter(m -> CheckFindings.sameName(m.user().displayName(), name))
			.toList();
		return byName.size() == 1 ? Optional.of(byName.get(0)) : Optional.empty();
	}

}
