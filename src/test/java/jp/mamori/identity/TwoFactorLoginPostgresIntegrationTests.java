package jp.mamori.identity;

import jp.mamori.support.IntegrationTest;
import jp.mamori.support.PostgresDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The two-factor login on a real PostgreSQL: the same SQL as on H2. */
@IntegrationTest
class TwoFactorLoginPostgresIntegrationTests extends TwoFactorLoginIntegrationTests {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresDatabase.register(registry);
	}

}
