package jp.mamori.audit;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import jp.mamori.identity.OrgRole;
import jp.mamori.shared.BadInputException;
import jp.mamori.shared.ClockConfiguration;
import jp.mamori.shared.OrgId;
import jp.mamori.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Searching and exporting one organisation's trail, on whichever database the concrete
 * subclass gives (H2 and PostgreSQL): the SQL must behave the same on both.
 */
abstract class AuditSearchScenarios {

	@Autowired
	AuditTrail trail;

	@Autowired
	ExportAuditTrail exportTrail;

	@Autowired
	AuditTimeline timeline;

	@Autowired
	Fixtures fixtures;

	OrgId org;

	String actor;

	@BeforeEach
	void clinic() {
		org = fixtures.clinicWith(Fixtures.uniqueName("audit-search"), OrgRole.ADMIN).id();
		actor = Fixtures.uniqueName("actor");
	}

	static ZonedDateTime japan(int month, int day, int hour, int minute) {
		return ZonedDateTime.of(2025, month, day, hour, minute, 0, 0, ClockConfiguration.JAPAN);
	}

	List<String> details(AuditFilter filter) {
		return trail.search(org, filter, 1, 100).entries().stream().map(AuditEntry::detail).toList();
	}

	AuditFilter byActor() {
		return new AuditFilter(null, null, actor, null, null);
	}

	@Test
	void cutsDaysAtMidnightInJapanTime() {
		// 23:30 and 00:30 in Japan are the same UTC day (14:30Z and 15:30Z)
		timeline.appendAt(japan(5, 31, 23, 30), org, actor, "evidence.stored", "a.pdf", "五月三十一日");
		timeline.appendAt(japan(6, 1, 0, 30), org, actor, "evidence.stored", "b.pdf", "六月一日");
		timeline.appendAt(japan(6, 2, 0, 0), org, actor, "evidence.stored", "c.pdf", "六月二日");

		LocalDate june1 = LocalDate.of(2025, 6, 1);
		assertThat(details(new AuditFilter(june1, june1, actor, null, null))).containsExactly("六月一日");
		assertThat(details(new AuditFilter(null, june1.minusDays(1), actor, null, null))).containsExactly("五月三十一日");
		assertThat(details(new AuditFilter(june1, null, actor, null, null))).containsExactly("六月二日", "六月一日");
	}

	@Test
	void narrowsByActorActionPrefixAndText() {
		String other = Fixtures.uniqueName("other");
		trail.append(org, actor, "assessment.round.submitted", "R7 1回目", "提出しました");
		trail.append(org, actor, "assessment.answer.recorded", "2-6", "いいえ → はい");
		trail.append(org, actor, "assessmentx.made.up", "x", "前方一致は区切りまで");
		trail.append(org, actor, "evidence.stored", "VPN設定.PDF", "証跡を登録");
		trail.append(org, other, "evidence.stored", "vpn設定.pdf", "別の人");

		assertThat(details(new AuditFilter(null, null, actor, "assessment", null))).containsExactly("いいえ → はい",
				"提出しました");
		assertThat(details(new AuditFilter(null, null, actor, "assessment.round", null))).containsExactly("提出しました");
		assertThat(details(new AuditFilter(null, null, actor, "assessment.round.submitted", null)))
			.containsExactly("提出しました");
		assertThat(details(new AuditFilter(null, null, null, "evidence", "vpn設定"))).containsExactly("別の人", "証跡を登録");
		assertThat(details(new AuditFilter(null, null, actor, null, "はい"))).containsExactly("いいえ → はい");
		assertThat(details(new AuditFilter(null, null, other, null, null))).containsExactly("別の人");
	}

	@Test
	void matchesPercentAndUnderscoreLiterally() {
		trail.append(org, actor, "evidence.stored", "score_100%.pdf", "literal");
		trail.append(org, actor, "evidence.stored", "scoreX1000.pdf", "wildcard");

		assertThat(details(new AuditFilter(null, null, actor, null, "_100%"))).containsExactly("literal");
		assertThat(details(new AuditFilter(null, null, actor, null, "e_1"))).containsExactly("literal");
	}

	@Test
	void pagesNewestFirstAndShowsTheLastPageForOneBeyond() {
		for (int i = 1; i <= 5; i++) {
			trail.append(org, actor, "evidence.stored", "file" + i, "n" + i);
		}

		AuditPage first = trail.search(org, byActor(), 1, 2);
		assertThat(first.entries()).extracting(AuditEntry::detail).containsExactly("n5", "n4");
		assertThat(first.total()).isEqualTo(5);
		assertThat(first.totalPages()).isEqualTo(3);
		assertThat(first.hasNext()).isTrue();
		assertThat(first.hasPrevious()).isFalse();
		AuditPage beyond = trail.search(org, byActor(), 99, 2);
		assertThat(beyond.page()).isEqualTo(3);
		assertThat(beyond.entries()).extracting(AuditEntry::detail).containsExactly("n1");
		assertThat(beyond.firstRow()).isEqualTo(5);
		assertThat(beyond.lastRow()).isEqualTo(5);
	}

	@Test
	void neverReturnsAnotherOrganisationsEntries() throws Exception {
		OrgId neighbour = fixtures.clinicWith(Fixtures.uniqueName("audit-neighbour"), OrgRole.ADMIN).id();
		trail.append(neighbour, actor, "evidence.stored", "隣の診療所.pdf", "隣の記録");
		trail.append(org, actor, "evidence.stored", "自院.pdf", "自院の記録");

		assertThat(details(AuditFilter.none())).contains("自院の記録").doesNotContain("隣の記録");
		assertThat(details(new AuditFilter(null, null, null, null, "隣の"))).isEmpty();
		assertThat(trail.search(org, AuditFilter.none(), 1, 1000).entries()).allMatch(e -> e.org().equals(org));
		assertThat(trail.actions(org)).doesNotContain("identity.token.created");
		List<String> written = new ArrayList<>();
		exportTrail.export(org, byActor(), actor, "f.csv", "CSV", Long.MAX_VALUE,
				(rows, entries) -> entries.forEach(e -> written.add(e.detail())));
		assertThat(written).containsExactly("自院の記録");
	}

	@Test
	void exportsTheMatchesOldestFirstAndRecordsTheExportBeforehand() throws Exception {
		trail.append(org, actor, "evidence.stored", "1.pdf", "一番目");
		trail.append(org, actor, "evidence.stored", "2.pdf", "二番目");
		List<String> written = new ArrayList<>();

		long count = exportTrail.export(org, byActor(), "admin-x", "mamori-audit.csv", "CSV（UTF-8）", Long.MAX_VALUE,
				(rows, entries) -> {
					assertThat(rows).isEqualTo(2);
					// already recorded when the first row is written
					assertThat(trail.entries(org, 1).get(0).action()).isEqualTo(ExportAuditTrail.ACTION);
					entries.forEach(e -> written.add(e.detail()));
				});

		assertThat(count).isEqualTo(2);
		assertThat(written).containsExactly("一番目", "二番目");
		AuditEntry recorded = trail.entries(org, 1).get(0);
		assertThat(recorded.actor()).isEqualTo("admin-x");
		assertThat(recorded.target()).isEqualTo("mamori-audit.csv");
		assertThat(recorded.detail()).contains("CSV（UTF-8）", "2 件", "実行者 " + actor);
	}

	@Test
	void refusesAnExportLargerThanTheFormatHoldsWithoutRecordingIt() {
		trail.append(org, actor, "evidence.stored", "1.pdf", "一");
		trail.append(org, actor, "evidence.stored", "2.pdf", "二");
		long before = trail.search(org, AuditFilter.none(), 1, 1).total();

		assertThatThrownBy(() -> exportTrail.export(org, byActor(), actor, "f.xlsx", "Excel", 1, (rows, entries) -> {
			throw new AssertionError("nothing may be written");
		})).isInstanceOf(BadInputException.class).hasMessageContaining("2 件");
		assertThat(trail.search(org, AuditFilter.none(), 1, 1).total()).isEqualTo(before);
	}

	@Test
	void refusesAFilterThatEndsBeforeItStarts() {
		assertThatThrownBy(() -> new AuditFilter(LocalDate.of(2025, 6, 2), LocalDate.of(2025, 6, 1), null, null, null))
			.isInstanceOf(BadInputException.class)
			.hasMessageContaining("開始日");
	}

}
