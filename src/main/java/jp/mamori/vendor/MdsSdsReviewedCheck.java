package jp.mamori.vendor;

import java.util.List;

import jp.mamori.evaluation.Check;
import jp.mamori.evaluation.CheckFindings;
import jp.mamori.evaluation.CheckResult;
import jp.mamori.evaluation.EvaluationContext;
import jp.mamori.shared.ledger.LedgerDefinition;
import jp.mamori.shared.ledger.LedgerRow;
import jp.mamori.shared.ledger.LedgerStore;
import jp.mamori.shared.ledger.Ledgers;
import jp.mamori.vendorportal.VendorDocuments;
import org.springframework.stereotype.Component;

import static jp.mamori.evaluation.CheckFindings.date;
import static jp.mamori.evaluation.CheckFindings.text;

/**
 * 2-③: every vendor with a maintenance contract has an MDS/SDS received and reviewed —
 * either recorded in the MDS/SDS ledger (受領日 and 確認日), or a current document the vendor
 * shared through the portal that the client reviewed in every section (matched to the
 * ledger's vendor by organisation name).
 */
@Component
class MdsSdsReviewedCheck implements Check {

	private final Ledgers ledgers;

	private final LedgerStore store;

	private final VendorDocuments portalDocuments;

	MdsSdsReviewedCheck(Ledgers ledgers, LedgerStore store, VendorDocuments portalDocuments) {
		this.ledgers = ledgers;
		this.store = store;
		this.portalDocuments = portalDocuments;
	}

	@Override
	public String id() {
		return "vendor.mds-sds-reviewed";
	}

	@Override
	public String title() {
		return "保守契約のある事業者すべてから MDS/SDS を受け取り、内容を確認していることを確かめます。";
	}

	@Override
	public CheckResult evaluate(EvaluationContext context) {
		LedgerDefinition vendorsLedger = ledgers.require(VendorLedgers.VENDORS);
		LedgerDefinition documentsLedger = ledgers.require(VendorLedgers.MDS_SDS);
		List<LedgerRow> contracted = store.list(vendorsLedger, context.org(), 0, Integer.MAX_VALUE)
			.stream()
			.filter(v -> CheckFindings.yes(v, "maintenanceContract"))
			.toList();
		if (contracted.isEmpty()) {
			return CheckResult.notApplicable("保守契約のある事業者が記録されていません。");
		}
		List<LedgerRow> documents = store.list(documentsLedger, context.org(), 0, Integer.MAX_VALUE);
		List<String> reviewedInPortal = portalDocuments.vendorsWithReviewedDocument(context.org());
		CheckFindings findings = CheckFindings.start();
		for (LedgerRow vendor : contracted) {
			String name = CheckFindings.orUnnamed(text(vendor, "name"));
			if (reviewedInPortal.stream().anyMatch(portal -> CheckFindings.sameName(portal, name))) {
				continue;
			}
			CheckResult.Ref ref = new CheckResult.Ref(vendorsLedger.id(), vendor.id(), name);
			List<LedgerRow> own = documents.stream()
				.filter(d -> CheckFindings.sameName(text(d, "vendor"), name))
				.toList();
			if (own.isEmpty()) {
				findings.add(name + " は保守契約がありますが、MDS/SDS が記録されていません。", ref);
			}
			else if (own.stream().noneMatch(d -> date(d, "receivedOn") != null && date(d, "reviewedOn") != null)) {
				CheckResult.Ref[] refs = new CheckResult.Ref[own.size() + 1];
				refs[0] = ref;
				for (int i = 0; i < own.size(); i++) {
					refs[i + 1] = new CheckResult.Ref(documentsLedger.id(), own.get(i).id(), name);
				}
				findings.add(name + " の MDS/SDS は受領日と確認日の両方が記録されたものがありません（受け取って内容を確認してください）。", refs);
			}
		}
		if (!findings.isEmpty()) {
			return findings.fail();
		}
		return CheckResult.pass("保守契約のある事業者 " + contracted.size() + " 社すべての MDS/SDS を受け取り、確認しています。");
	}

}
