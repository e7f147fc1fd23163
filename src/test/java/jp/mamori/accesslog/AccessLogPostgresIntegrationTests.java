package jp.mamori.accesslog;

import jp.mamori.support.IntegrationTest;
import jp.mamori.support.PostgresDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The access-log scenarios on a real PostgreSQL. */
@IntegrationTest
class AccessLogPostgresIntegrationTests extends AccessLogScenarios {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresDatabase.register(registry);
	}

	@org.junit.jupiter.api.Test
	void eventsGoInThroughCopy() {
		org.assertj.core.api.Assertions.assertThat(repository.copies()).isTrue();
	}

}
