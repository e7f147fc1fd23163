/**
 * アクセスログ: the ログリスト — for each device or system, which logs exist, where they are kept
 * and for how long, whether they are protected from deletion and alteration, who reviews
 * them, how often and when last. The ledger behind checklist item 2-⑪; later the log
 * parsers (one class per format), the event store, detection rules and review sign-offs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "アクセスログ (accesslog)")
package jp.mamori.accesslog;
