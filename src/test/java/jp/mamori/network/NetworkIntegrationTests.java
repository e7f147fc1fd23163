package jp.mamori.network;

import jp.mamori.support.IntegrationTest;

/** The network scenarios on the embedded H2 database. */
@IntegrationTest
class NetworkIntegrationTests extends NetworkScenarios {

}
