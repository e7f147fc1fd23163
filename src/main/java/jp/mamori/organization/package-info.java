/**
 * Organisations (医療機関 / 薬局 / 事業者 / グループ) and the vendor contracts an institution records
 * — whether any exists decides if items 2-②/③ need an answer. Users and their roles per
 * organisation belong to the identity module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "組織 (organization)")
package jp.mamori.organization;
