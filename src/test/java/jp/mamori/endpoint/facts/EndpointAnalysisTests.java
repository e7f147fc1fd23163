package jp.mamori.endpoint.facts;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The finding rules over the committed examples: which machine has which finding, so that
 * every finding id is proven by an example that has it and one that does not.
 */
class EndpointAnalysisTests {

	static final Map<String, Set<String>> EXPECTED = Map.of(CollectorExamples.WIN10,
			Set.of("av-disabled", "patch-stale", "os-end-of-life", "rdp-enabled", "local-admin-user",
					"shared-local-admin", "password-never-expires", "usb-unrestricted", "remote-tool-present",
					"unneeded-service", "security-log-small"),
			CollectorExamples.WIN11, Set.of("av-signatures-old", "shared-local-admin"), CollectorExamples.SERVER2016,
			Set.of("unneeded-service", "password-never-expires"), CollectorExamples.SERVER2019, Set.of(),
			CollectorExamples.SERVER2022, Set.of("remote-tool-present", "security-log-small"),
			CollectorExamples.PARTIAL, Set.of());

	static final List<String> IDS = EndpointAnalysis.FINDING_IDS;

	static Map<String, Set<String>> findingsByFile() {
		List<EndpointFinding> findings = EndpointAnalysis.standard().analyse(CollectorExamples.readValid());
		Map<String, Set<String>> byFile = new TreeMap<>();
		CollectorExamples.VALID.forEach(f -> byFile.put(f, new TreeSet<>()));
		findings.forEach(f -> byFile.get(f.file()).add(f.id()));
		return byFile;
	}

	@Test
	void eachExampleHasExactlyItsFindings() {
		assertThat(findingsByFile()).isEqualTo(new TreeMap<>(EXPECTED.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, e -> new TreeSet<>(e.getValue())))));
	}

	@ParameterizedTest
	@FieldSource("IDS")
	void everyFindingIdIsProvenPresentAndAbsent(String id) {
		Map<String, Set<String>> byFile = findingsByFile();
		assertThat(byFile.values()).as("an example with " + id).anyMatch(s -> s.contains(id));
		assertThat(byFile.values()).as("an example without " + id).anyMatch(s -> !s.contains(id));
	}

	@Test
	void sharedLocalAdminNeedsTwoMachines() {
		List<EndpointFinding> alone = EndpointAnalysis.standard()
			.analyse(List.of(CollectorExamples.read(CollectorExamples.WIN10)));
		assertThat(alone).extracting(EndpointFinding::id).doesNotContain("shared-local-admin");
		List<EndpointFinding> both = EndpointAnalysis.standard()
			.analyse(List.of(CollectorExamples.read(CollectorExamples.WIN10),
					CollectorExamples.read(CollectorExamples.WIN11)));
		assertThat(both).filteredOn(f -> f.id().equals("shared-local-admin"))
			.hasSize(2)
			.allSatisfy(
					f -> assertThat(f.summary()).contains("kanri").contains("UKETSUKE-PC01").contains("NS-PC-3F-01"));
	}

	@Test
	void localAdminUserNamesTheOrdinaryUserOnly() {
		EndpointFinding f = only(CollectorExamples.WIN10, "local-admin-user");
		assertThat(f.summary()).contains("受付").doesNotContain("kanri");
	}

	@Test
	void rdpWithoutNetworkLevelAuthenticationIsHigh() {
		assertThat(only(CollectorExamples.WIN10, "rdp-enabled").severity()).isEqualTo(jp.mamori.shared.Severity.HIGH);
	}

	@Test
	void endOfLifeNamesTheRelease() {
		assertThat(only(CollectorExamples.WIN10, "os-end-of-life").summary()).contains("Windows 10 22H2")
			.contains("2025-10-14");
	}

	@Test
	void serverWithSpoolerHasUnneededServiceUnlessAllowed() {
		assertThat(only(CollectorExamples.SERVER2016, "unneeded-service").summary()).contains("Spooler");
		EndpointAnalysis allowing = EndpointAnalysis.standard()
			.withServicePolicy(ServicePolicy.builtIn().with("own.tsv", "allow\tserver\tSpooler\t印刷サーバ\n"));
		assertThat(allowing.analyse(CollectorExamples.read(CollectorExamples.SERVER2016)))
			.extracting(EndpointFinding::id)
			.doesNotContain("unneeded-service");
	}

	@Test
	void securityLogCapacityFollowsTheObservedRate() {
		OffsetDateTime at = OffsetDateTime.parse("2026-11-20T10:00:00+09:00");
		// half full after 30 days: holds 60 days
		var half = new EndpointFacts.EventLog("Security", 100L, 50L, 1000L, "Circular", at.minusDays(30));
		assertThat(EndpointAnalysis.capacityDays(half, at)).hasValueSatisfying(d -> assertThat(d).isEqualTo(60.0));
		// a fifth full after 30 days: holds 150 days
		var fifth = new EndpointFacts.EventLog("Security", 100L, 20L, 1000L, "Circular", at.minusDays(30));
		assertThat(EndpointAnalysis.capacityDays(fifth, at)).hasValueSatisfying(d -> assertThat(d).isEqualTo(150.0));
		// archived when full: nothing is lost
		var archived = new EndpointFacts.EventLog("Security", 100L, 100L, 1000L, "AutoBackup", at.minusDays(3));
		assertThat(EndpointAnalysis.capacityDays(archived, at)).isEmpty();
	}

	@Test
	void windowsLifecycleTellsLtscFromOrdinaryEditions() {
		WindowsLifecycle table = WindowsLifecycle.builtIn();
		var ltsc = new EndpointFacts.Os("Microsoft Windows 10 Enterprise LTSC", "10.0.17763", 17763, null,
				"EnterpriseS", 1, null, null);
		var pro = new EndpointFacts.Os("Microsoft Windows 10 Pro", "10.0.17763", 17763, null, "Professional", 1, null,
				null);
		var server = new EndpointFacts.Os("Microsoft Windows Server 2019 Standard", "10.0.17763", 17763, null,
				"ServerStandard", 3, null, null);
		assertThat(table.find(ltsc)).hasValueSatisfying(s -> assertThat(s.endsOn()).hasToString("2029-01-09"));
		assertThat(table.find(pro)).hasValueSatisfying(s -> assertThat(s.endsOn()).hasToString("2023-05-09"));
		assertThat(table.find(server)).hasValueSatisfying(s -> assertThat(s.label()).isEqualTo("Windows Server 2019"));
	}

	static EndpointFinding only(String file, String id) {
		List<EndpointFinding> found = EndpointAnalysis.standard()
			.analyse(CollectorExamples.readValid())
			.stream()
			.filter(f -> f.file().equals(file) && f.id().equals(id))
			.toList();
		assertThat(found).hasSize(1);
		return found.get(0);
	}

}
