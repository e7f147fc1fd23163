package jp.mamori.evaluation;

import java.util.List;
import java.util.UUID;

/**
 * What a check found: its status, reasons in plain Japanese (with the numbers behind
 * them) and references to the records concerned.
 */
public record CheckResult(CheckStatus status, List<String> reasons, List<Ref> refs) {

	/** A record a reason is about: a ledger row (ledger id + row id) with its label. */
	public record Ref(String ledger, UUID rowId, String label) {
	}

	public CheckResult {
		reasons = List.copyOf(reasons);
		refs = List.copyOf(refs);
	}

	public static CheckResult pass(String reason) {
		return new CheckResult(CheckStatus.PASS, List.of(reason), List.of());
	}

	public static CheckResult fail(List<String> reasons, List<Ref> refs) {
		return new CheckResult(CheckStatus.FAIL, reasons, refs);
	}

	public static CheckResult unknown(String reason) {
		return new CheckResult(CheckStatus.UNKNOWN, List.of(reason), List.of());
	}

	public static CheckResult notApplicable(String reason) {
		return new CheckResult(CheckStatus.NOT_APPLICABLE, List.of(reason), List.of());
	}

}
