/**
 * Value types every module uses: organisation ids, the Japanese fiscal year (年度,
 * April–March), 和暦 dates, the clock, and the contract for command-line subcommands.
 * Depends on nothing.
 */
@org.springframework.modulith.ApplicationModule(displayName = "共通 (shared)",
		type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package jp.mamori.shared;
