package jp.mamori.reliability;

import jp.mamori.support.IntegrationTest;

/** The concurrency scenarios on H2 (the default database). */
@IntegrationTest
class ConcurrencyH2Tests extends ConcurrencyScenarios {

}
