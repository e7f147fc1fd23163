/**
 * Organisations (医療機関 / 薬局 / 事業者 / グループ) and the vendor contracts an institution records
 * — whether any exists decides if items 2-②/③ need an answer. Users and their roles per
 * organisation belong to the identity module.
 * <p>
 * Groups (医療法人, hospital groups, vendors serving many clinics) are organisations of kind
 * {@code group} — not a separate table — so that a group has members, roles, tokens and
 * the {@code /orgs/{org}} pages like any organisation. Table {@code org_group_member}
 * holds the member organisations: requested by the group's administrator, accepted by the
 * member's administrator (or added accepted by the system administrator), with the
 * member's {@link jp.mamori.organization.DetailConsent} (none / summary / full) deciding
 * what the group's roll-up shows of it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "組織 (organization)")
package jp.mamori.organization;
