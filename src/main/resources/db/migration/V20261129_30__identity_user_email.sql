-- identity: an optional e-mail address per user (for reminders), and whether the user wants reminder mail
alter table app_user add column email varchar(254);
alter table app_user add column reminder_mail boolean not null default true;
