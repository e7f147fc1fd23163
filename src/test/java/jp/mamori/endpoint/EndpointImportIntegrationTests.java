package jp.mamori.endpoint;

import jp.mamori.support.IntegrationTest;

/** The collector import scenarios on the embedded H2 database. */
@IntegrationTest
class EndpointImportIntegrationTests extends EndpointImportScenarios {

}
