package jp.mamori.endpoint;

import jp.mamori.support.IntegrationTest;
import jp.mamori.support.PostgresDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The collector import scenarios on a real PostgreSQL. */
@IntegrationTest
class EndpointImportPostgresIntegrationTests extends EndpointImportScenarios {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresDatabase.register(registry);
	}

}
