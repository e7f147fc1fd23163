package jp.mamori.accesslog.rule;

import java.util.List;

import jp.mamori.accesslog.parser.LogEvent;

/**
 * One detection, with a stable id ({@code brute-force}, {@code password-spray} …; tests
 * outside this repository rely on them). A rule sees every event once, in time order,
 * through a {@link Run} it starts per analysis, and keeps only the state it needs, so an
 * analysis over millions of events streams.
 */
public interface DetectionRule {

	String id();

	/** The Japanese name shown in lists (「総当たり攻撃」). */
	String title();

	/** Starts one analysis. */
	Run start(RuleSettings settings, AccountDirectory accounts);

	/** One analysis in progress. */
	interface Run {

		/** The next event; events come in ascending time order. */
		void accept(LogEvent event);

		/** The findings, once every event has been seen. */
		List<Finding> finish();

	}

}
