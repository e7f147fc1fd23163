package jp.mamori.evaluation;

/**
 * One named fact-check, e.g. {@code account.no-leaver-enabled}. Modules contribute checks
 * as beans for the facts they own; catalog files bind items to check ids, so a new
 * checklist version is a data change.
 */
public interface Check {

	/** Stable id ({@code module.what-is-checked}); referenced from catalog files. */
	String id();

	/** What the check verifies, in plain Japanese (shown with its result). */
	String title();

	CheckResult evaluate(EvaluationContext context);

}
