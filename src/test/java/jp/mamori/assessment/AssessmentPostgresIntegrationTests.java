package jp.mamori.assessment;

import jp.mamori.support.IntegrationTest;
import jp.mamori.support.PostgresDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The assessment scenarios on a real PostgreSQL. */
@IntegrationTest
class AssessmentPostgresIntegrationTests extends AssessmentScenarios {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresDatabase.register(registry);
	}

}
