package jp.mamori.accesslog;

import jp.mamori.support.IntegrationTest;

/** The access-log scenarios on the embedded H2 database. */
@IntegrationTest
class AccessLogIntegrationTests extends AccessLogScenarios {

	@org.junit.jupiter.api.Test
	void eventsGoInThroughBatchedInserts() {
		org.assertj.core.api.Assertions.assertThat(repository.copies()).isFalse();
	}

}
