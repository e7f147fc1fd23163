package jp.mamori.endpoint;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jp.mamori.evaluation.Check;
import jp.mamori.evaluation.CheckFindings;
import jp.mamori.evaluation.CheckResult;
import jp.mamori.evaluation.EvaluationContext;
import jp.mamori.inventory.InventoryLedgers;
import jp.mamori.shared.Severity;

/**
 * A check over the findings of imported collector files: FAIL while any imported machine
 * has one of {@code findingIds} (each finding a reason, pointing at the machine's
 * device-ledger row; information-level findings, which record what was approved, do not
 * count), PASS when none has, UNKNOWN while no collector file was imported.
 */
class EndpointFindingsCheck implements Check {

	private final String id;

	private final String title;

	private final Set<String> findingIds;

	private final String passText;

	private final EndpointQueries queries;

	EndpointFindingsCheck(String id, String title, Set<String> findingIds, String passText, EndpointQueries queries) {
		this.id = id;
		this.title = title;
		this.findingIds = findingIds;
		this.passText = passText;
		this.queries = queries;
	}

	@Override
	public String id() {
		return id;
	}

	@Override
	public String title() {
		return title;
	}

	@Override
	public CheckResult evaluate(EvaluationContext context) {
		List<EndpointMachine> machines = queries.machines(context.org());
		if (machines.isEmpty()) {
			return CheckResult.unknown("収集スクリプトのファイルがまだ取り込まれていません（端末の収集データ）。");
		}
		Map<UUID, EndpointMachine> byId = machines.stream()
			.collect(Collectors.toMap(EndpointMachine::id, Function.identity()));
		CheckFindings findings = CheckFindings.start();
		for (EndpointQueries.MachineFinding f : queries.findings(context.org())) {
			// an information-level finding records something approved (a remote-access
			// tool on the allowlist): shown on the machine's page, not a failure
			if (!findingIds.contains(f.finding().id()) || f.finding().severity() == Severity.INFO) {
				continue;
			}
			EndpointMachine machine = byId.get(f.machineId());
			findings.add(f.finding().summary(),
					new CheckResult.Ref(InventoryLedgers.DEVICES, machine.deviceId(), machine.hostname()));
		}
		if (!findings.isEmpty()) {
			return findings.fail();
		}
		long unread = machines.stream().filter(m -> m.unreadSections() > 0).count();
		return CheckResult.pass("収集ファイルを取り込んだ " + machines.size() + " 台で" + passText
				+ (unread == 0 ? "" : "（うち " + unread + " 台は読めなかった項目があり、その項目は確かめていません）"));
	}

}
