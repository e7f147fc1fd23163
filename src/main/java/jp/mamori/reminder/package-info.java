/**
 * Reminders by e-mail: once a day, each owner of remediation tasks that are overdue or
 * due soon gets one plain-text Japanese mail listing them, with links into Mamori.
 * Optional: nothing is sent, and nothing fails, unless an SMTP server is configured
 * ({@code spring.mail.host}, docs/mail.md). The in-app reminder on the dashboard belongs
 * to {@code evaluation}; this module only mails. A task's owner is the free-text 担当者 of
 * the task, matched to a member of the task's organisation by user ID or name; the
 * member's address and opt-out come from {@code identity}. See docs/adr/0008.
 */
@org.springframework.modulith.ApplicationModule(displayName = "メール通知 (reminder)")
package jp.mamori.reminder;
