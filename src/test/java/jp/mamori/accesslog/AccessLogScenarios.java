package jp.mamori.accesslog;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.mamori.accesslog.parser.LogEvent;
import jp.mamori.identity.OrgRole;
import jp.mamori.organization.Organization;
import jp.mamori.shared.BadInputException;
import jp.mamori.shared.ConflictException;
import jp.mamori.shared.NotFoundException;
import jp.mamori.shared.OrgId;
import jp.mamori.shared.ledger.LedgerRow;
import jp.mamori.shared.ledger.LedgerStore;
import jp.mamori.shared.ledger.Ledgers;
import jp.mamori.support.Fixtures;
import jp.mamori.support.LedgerMother;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Importing, analysing, triaging and reviewing access logs against a database; run on H2
 * and on PostgreSQL. The fixture is a synthetic sshd log of a clinic's EHR server: one
 * daytime logon, then 8 failed root passwords from one address at 23:10 and a success.
 */
abstract class AccessLogScenarios {

	static final String FIXTURE = "/accesslog/import/clinic-secure.log";

	@Autowired
	Fixtures fixtures;

	@Autowired
	LedgerMother mother;

	@Autowired
	ImportAccessLog importer;

	@Autowired
	AnalyseAccessLogs analyser;

	@Autowired
	AccessLogFindings findings;

	@Autowired
	AccessLogReviews reviews;

	@Autowired
	AccessLogQueries queries;

	@Autowired
	Ledgers ledgers;

	@Autowired
	LedgerStore ledgerStore;

	OrgId clinic() {
		Organization org = fixtures.clinicWith(Fixtures.uniqueName("logs"), OrgRole.ADMIN);
		return org.id();
	}

	ImportedFile importFixture(OrgId org, UUID source) throws IOException {
		try (InputStream in = getClass().getResourceAsStream(FIXTURE)) {
			return importer.importFile(org, source, "secure", in, null, "it-staff", null);
		}
	}

	@Test
	void importsEveryEventOnceAndReadsTheYearFromToday() throws IOException {
		OrgId org = clinic();
		ImportedFile first = importFixture(org, null);
		assertThat(first.format().id()).isEqualTo("linux");
		assertThat(first.events()).isEqualTo(10);
		assertThat(first.added()).isEqualTo(10);
		assertThat(first.skipped()).isZero();
		// no year in RFC 3164: the fixed clock says 2025-06-15, so June 14 is 2025-06-14
		// (JST)
		assertThat(first.first()).isEqualTo("2025-06-14T00:00:00Z");
		assertThat(first.hosts()).containsExactly("emr-sv01");

		ImportedFile again = importFixture(org, null);
		assertThat(again.events()).isEqualTo(10);
		assertThat(again.added()).isZero();
		assertThat(again.duplicates()).isEqualTo(10);
		assertThat(queries.eventCount(org)).isEqualTo(10);
		assertThat(queries.imports(org)).hasSize(2);
	}

	@Test
	void analysisFindsTheBruteForceAndTheSuccessAfterIt() throws IOException {
		OrgId org = clinic();
		importFixture(org, null);
		List<AccessLogFinding> found = analyser.analyse(org);
		assertThat(found).extracting(AccessLogFinding::rule).contains("brute-force", "success-after-failures");
		AccessLogFinding bruteForce = found.stream()
			.filter(f -> f.rule().equals("brute-force"))
			.findFirst()
			.orElseThrow();
		assertThat(bruteForce.accounts()).containsExactly("root");
		assertThat(bruteForce.sources()).containsExactly("203.0.113.50");
		assertThat(bruteForce.count()).isEqualTo(8);
		List<LogEvent> evidence = findings.evidence(org, bruteForce.id());
		assertThat(evidence).hasSize(8).allSatisfy(e -> assertThat(e.sourceAddress()).isEqualTo("203.0.113.50"));
		assertThat(found).noneMatch(f -> f.rule().equals("success-after-failures") && f.accounts().contains("yamada"));
	}

	@Test
	void triageSurvivesReanalysisAndAStaleWriteIsRefused() throws IOException {
		OrgId org = clinic();
		importFixture(org, null);
		AccessLogFinding bruteForce = analyser.analyse(org)
			.stream()
			.filter(f -> f.rule().equals("brute-force"))
			.findFirst()
			.orElseThrow();
		assertThatThrownBy(() -> findings.triage(org, bruteForce.id(), bruteForce.version(),
				FindingState.FALSE_POSITIVE, " ", "it-staff"))
			.isInstanceOf(BadInputException.class)
			.hasMessageContaining("理由");
		findings.triage(org, bruteForce.id(), bruteForce.version(), FindingState.IN_PROGRESS, "送信元を遮断中", "it-staff");
		assertThatThrownBy(() -> findings.triage(org, bruteForce.id(), bruteForce.version(), FindingState.CONFIRMED,
				null, "other"))
			.isInstanceOf(ConflictException.class);

		AccessLogFinding again = analyser.analyse(org)
			.stream()
			.filter(f -> f.rule().equals("brute-force"))
			.findFirst()
			.orElseThrow();
		assertThat(again.id()).isEqualTo(bruteForce.id());
		assertThat(again.state()).isEqualTo(FindingState.IN_PROGRESS);
		assertThat(findings.comments(org, bruteForce.id())).singleElement()
			.satisfies(c -> assertThat(c.body()).isEqualTo("送信元を遮断中"));
	}

	@Test
	void monthlyReviewIsRecordedAndSetsTheLogSourcesLastReviewedOn() throws IOException {
		OrgId org = clinic();
		LedgerRow source = mother.row(AccessLogLedgers.LOG_SOURCES, org, Map.of("source", "電子カルテサーバ1"));
		ImportedFile file = importFixture(org, source.id());
		assertThat(file.sourceId()).isEqualTo(source.id());
		AccessLogFinding bruteForce = analyser.analyse(org)
			.stream()
			.filter(f -> f.rule().equals("brute-force"))
			.findFirst()
			.orElseThrow();

		AccessLogReview review = reviews.record(org, source.id(), "2025-05", List.of(bruteForce.id()), "異常なし（遮断済み）",
				"it-staff");

		assertThat(review.period()).isEqualTo("2025-05");
		assertThat(review.reviewedOn()).isEqualTo(LocalDate.of(2025, 6, 15));
		assertThat(reviews.list(org)).extracting(AccessLogReview::id).containsExactly(review.id());
		assertThat(findings.require(org, bruteForce.id()).state()).isEqualTo(FindingState.CONFIRMED);
		LedgerRow updated = ledgerStore.find(ledgers.require(AccessLogLedgers.LOG_SOURCES), org, source.id())
			.orElseThrow();
		assertThat(updated.value("lastReviewedOn")).isEqualTo(LocalDate.of(2025, 6, 15));
		assertThatThrownBy(() -> reviews.record(org, source.id(), "2025-13", List.of(), null, "it-staff"))
			.isInstanceOf(BadInputException.class)
			.hasMessageContaining("2025-06 の形");
	}

	@Test
	void aFileThatIsNoLogChangesNothing() {
		OrgId org = clinic();
		byte[] garbage = new byte[4096];
		new java.util.Random(7).nextBytes(garbage);
		assertThatThrownBy(() -> importer.importFile(org, null, "garbage.bin", new ByteArrayInputStream(garbage), null,
				"it-staff", null))
			.isInstanceOf(BadInputException.class)
			.hasMessageContaining("形式を判別できません");
		assertThat(queries.imports(org)).isEmpty();
		assertThat(queries.eventCount(org)).isZero();
	}

	@Test
	void anotherOrganisationSeesNoneOfIt() throws IOException {
		OrgId org = clinic();
		OrgId other = clinic();
		importFixture(org, null);
		AccessLogFinding finding = analyser.analyse(org).get(0);
		assertThat(queries.imports(other)).isEmpty();
		assertThat(queries.eventCount(other)).isZero();
		assertThat(findings.list(other, null)).isEmpty();
		assertThat(analyser.analyse(other)).isEmpty();
		assertThatThrownBy(() -> findings.require(other, finding.id())).isInstanceOf(NotFoundException.class);
		LedgerRow ownSource = mother.row(AccessLogLedgers.LOG_SOURCES, org, Map.of("source", "電子カルテサーバ1"));
		assertThatThrownBy(() -> importer.importFile(other, ownSource.id(), "x", new ByteArrayInputStream(new byte[0]),
				null, "x", null))
			.isInstanceOf(BadInputException.class)
			.hasMessageContaining("ログリスト");
	}

	@Autowired
	jp.mamori.accesslog.internal.AccessLogEventRepository repository;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transactions;

	@Test
	void storesAwkwardValuesExactlyAndOnlyOnce() {
		OrgId org = clinic();
		LogEvent awkward = jp.mamori.accesslog.internal.StoredEvents.normalise(LogEvent
			.at(java.time.Instant.parse("2025-06-14T14:10:01.123456789Z"),
					jp.mamori.accesslog.parser.EventKind.AUTH_FAILURE)
			.host("emr-sv01")
			.channel("Security")
			.eventId("4625")
			.user("CLINIC\\山田 \"太郎\", 他")
			.sourceAddress("192.0.2.7")
			.target("line1\nline2,\"quoted\"")
			.status("")
			.logonType(3)
			.data(Map.of("Message", "a,b\n\"c\"\\d", "Empty", ""))
			.build());
		ImportedFile file = new ImportedFile(UUID.randomUUID(), null, "x", "", 0,
				jp.mamori.accesslog.parser.LogFormat.WINDOWS_XML, 0, 0, 0, null, null, List.of(), List.of(),
				java.time.Instant.now(), "t");
		int added = transactions.execute(status -> {
			repository.insertImport(org, file);
			return repository.insertEvents(org, null, file.id(), List.of(awkward, awkward));
		});
		assertThat(added).isEqualTo(1);
		List<LogEvent> read = new java.util.ArrayList<>();
		transactions.executeWithoutResult(status -> repository.forEachEvent(org, read::add));
		assertThat(read).containsExactly(awkward);
	}

	/**
	 * Events of one host, one per second from 2025-06-14 09:00 (JST), numbered from
	 * {@code from}.
	 */
	static List<LogEvent> failures(int from, int count) {
		List<LogEvent> events = new java.util.ArrayList<>();
		for (int i = from; i < from + count; i++) {
			events.add(jp.mamori.accesslog.internal.StoredEvents.normalise(LogEvent
				.at(java.time.Instant.parse("2025-06-14T00:00:00Z").plusSeconds(i),
						jp.mamori.accesslog.parser.EventKind.AUTH_FAILURE)
				.host("emr-sv01")
				.channel("sshd")
				.user("user" + i)
				.sourceAddress("192.0.2.7")
				.build()));
		}
		return events;
	}

	int insert(OrgId org, List<LogEvent> events) {
		return transactions.execute(status -> insertWithinTransaction(org, events));
	}

	/** An import row and its events, in the caller's transaction; how many were added. */
	int insertWithinTransaction(OrgId org, List<LogEvent> events) {
		ImportedFile file = new ImportedFile(UUID.randomUUID(), null, "x", "", 0,
				jp.mamori.accesslog.parser.LogFormat.LINUX, 0, 0, 0, null, null, List.of(), List.of(),
				java.time.Instant.now(), "t");
		repository.insertImport(org, file);
		return repository.insertEvents(org, null, file.id(), events);
	}

	@Test
	void aBatchPartlyStoredAddsOnlyItsNewEvents() {
		OrgId org = clinic();
		assertThat(insert(org, failures(0, 10))).isEqualTo(10);

		assertThat(insert(org, failures(5, 10))).isEqualTo(5);
		assertThat(insert(org, failures(0, 15))).isZero();
		assertThat(queries.eventCount(org)).isEqualTo(15);
	}

	@Autowired
	AccessLogSettings settings;

	@Test
	void theOrganisationsThresholdsDecideWhatIsFound() throws IOException {
		OrgId org = clinic();
		OrgId other = clinic();
		importFixture(org, null);
		assertThat(analyser.analyse(org)).extracting(AccessLogFinding::rule).contains("brute-force");

		settings.save(org, "07:00", "23:30", java.util.EnumSet.allOf(java.time.DayOfWeek.class), 10, 10, 5, 30, 5,
				"it-staff");
		// 8 failures no longer reach 10, and 23:10 is now within business hours
		assertThat(analyser.analyse(org)).extracting(AccessLogFinding::rule)
			.doesNotContain("brute-force", "off-hours-logon");
		assertThat(settings.of(other).bruteForceFailures()).isEqualTo(5);
		assertThatThrownBy(() -> settings.save(org, "19:00", "08:00", java.util.EnumSet.of(java.time.DayOfWeek.MONDAY),
				5, 10, 5, 30, 5, "it-staff"))
			.isInstanceOf(BadInputException.class)
			.hasMessageContaining("業務終了時刻");
		assertThatThrownBy(() -> settings.save(org, "08:00", "19:00", java.util.EnumSet.of(java.time.DayOfWeek.MONDAY),
				1, 10, 5, 30, 5, "it-staff"))
			.isInstanceOf(BadInputException.class)
			.hasMessageContaining("総当たりとみなす失敗回数");
		assertThat(settings.of(org).bruteForceFailures()).isEqualTo(10);
	}

}
