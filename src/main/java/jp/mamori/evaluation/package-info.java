/**
 * Evidence-driven answers: the {@link jp.mamori.evaluation.Check} API that feature
 * modules implement for the facts they own (ledgers, logs, configs), and the runner that
 * turns the checks bound to an item in the catalog into a suggested answer (はい / いいえ /
 * 未判定) with reasons. The human answer always wins; the suggestion shows where an answer
 * and the evidence disagree.
 */
@org.springframework.modulith.ApplicationModule(displayName = "証跡による判定 (evaluation)")
package jp.mamori.evaluation;
