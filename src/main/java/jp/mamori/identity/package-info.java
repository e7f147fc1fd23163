/**
 * Users, their role in each organisation (管理者 / 担当者 / 閲覧者 / 事業者), the instance role
 * システム管理者, and everything R7 asks of Mamori's own logins: the password rule (2-⑦), no
 * reuse of the last five (2-⑧), TOTP two-factor with recovery codes and an organisation
 * requirement (2-⑩), login back-off per name and address, invitations by one-time link,
 * deactivation that ends sessions and tokens at once, API tokens, each user's e-mail
 * address and reminder opt-out ({@link jp.mamori.identity.MailSettings}), and the
 * permission checks every controller method names ({@code @access.canView(#org)} …).
 * First-run setup lives here because it creates the first organisation together with its
 * administrator. See docs/adr/0005.
 */
@org.springframework.modulith.ApplicationModule(displayName = "利用者・認証 (identity)")
package jp.mamori.identity;
