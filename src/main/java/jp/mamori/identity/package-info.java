/**
 * Users, their role in each organisation (管理者 / 担当者 / 閲覧者 / 事業者), the instance role
 * システム管理者, login, the password rule of checklist item 2-⑦ (R7), API tokens, and the
 * permission checks every controller method names ({@code @access.canView(#org)} …).
 * First-run setup lives here because it creates the first organisation together with its
 * administrator.
 */
@org.springframework.modulith.ApplicationModule(displayName = "利用者・認証 (identity)")
package jp.mamori.identity;
