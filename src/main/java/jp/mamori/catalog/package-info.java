/**
 * The MHLW checklist as versioned data: versions (令和5/6/7年度版 and any imported later),
 * forms (医療機関確認用・薬局確認用・事業者確認用), sections, items with their published text, scope, 参考
 * flags, applicability rules, concept keys (the crosswalk between versions) and our own
 * guidance. Built-in versions ship as YAML in {@code catalog/}; an administrator may
 * import a further version, which is validated and then immutable. Does not own answers:
 * that is the assessment module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "チェックリスト定義 (catalog)")
package jp.mamori.catalog;
