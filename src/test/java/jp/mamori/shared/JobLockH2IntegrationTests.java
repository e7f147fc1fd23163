package jp.mamori.shared;

import jp.mamori.support.IntegrationTest;

/** The job lock on the embedded H2 database (a single node, but the same SQL). */
@IntegrationTest
class JobLockH2IntegrationTests extends JobLockScenarios {

}
