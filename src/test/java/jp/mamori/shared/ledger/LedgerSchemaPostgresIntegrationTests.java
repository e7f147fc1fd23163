package jp.mamori.shared.ledger;

import jp.mamori.support.IntegrationTest;
import jp.mamori.support.PostgresDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The ledger schema scenarios on a real PostgreSQL. */
@IntegrationTest
class LedgerSchemaPostgresIntegrationTests extends LedgerSchemaScenarios {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresDatabase.register(registry);
	}

}
