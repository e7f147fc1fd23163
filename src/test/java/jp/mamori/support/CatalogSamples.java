package jp.mamori.support;

/** Catalog files written for tests. */
public final class CatalogSamples {

	/** A valid one-item R8 file; the concept key is on line 15. */
	public static final String MINIMAL_R8 = """
			version: R8
			fiscalYear: 2026
			era: 令和8年度版
			title: 医療機関・薬局におけるサイバーセキュリティ対策チェックリスト
			published: 2026-06-01
			forms:
			  - form: institution
			    title: 医療機関・薬局確認用
			    sections:
			      - id: "1"
			        title: 体制構築
			        items:
			          - id: "1-1"
			            number: "①"
			            concept: security_manager
			            text: 医療情報システム安全管理責任者を設置している。
			            confidence: M
			""";

	private CatalogSamples() {
	}

}
