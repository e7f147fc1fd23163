package jp.mamori.evaluation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jp.mamori.identity.OrgRole;
import jp.mamori.shared.ledger.LedgerChanged;
import jp.mamori.support.Fixtures;
import jp.mamori.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cached evaluation is used until a ledger of the organisation changes; re-evaluation
 * waits for changes to settle.
 */
@IntegrationTest
class EvaluationFreshnessTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Fixtures fixtures;

	/** A clock the test moves by hand. */
	static final class HandClock extends Clock {

		Instant now = Instant.parse("2025-06-15T01:00:00Z");

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}

		void advance(Duration duration) {
			now = now.plus(duration);
		}

	}

	@Test
	void usesTheCacheUntilALedgerChangesAndRefreshesOnlyOnceChangesSettle() {
		var org = fixtures.clinicWith(Fixtures.uniqueName("fresh"), OrgRole.ADMIN).id();
		HandClock clock = new HandClock();
		EvaluationFreshness freshness = new EvaluationFreshness(jdbc, clock);
		UUID assessment = UUID.randomUUID();
		var evaluation = new Evaluation.AssessmentEvaluation(assessment, LocalDate.of(2025, 6, 15), List.of());

		freshness.remember(org, assessment, evaluation, clock.instant());
		clock.advance(Duration.ofSeconds(1));
		assertThat(freshness.current(org, assessment)).contains(evaluation);

		freshness.ledgerChanged(new LedgerChanged(org, "devices", "created", "x", "", "test"));
		assertThat(freshness.current(org, assessment)).isEmpty();
		assertThat(freshness.settledStale(clock.instant())).isEmpty();

		clock.advance(EvaluationFreshness.SETTLE.plusSeconds(1));
		assertThat(freshness.settledStale(clock.instant())).hasSize(1);

		freshness.remember(org, assessment, evaluation, clock.instant());
		clock.advance(Duration.ofSeconds(1));
		assertThat(freshness.current(org, assessment)).contains(evaluation);
		assertThat(freshness.settledStale(clock.instant())).isEmpty();
	}

}
