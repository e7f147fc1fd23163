-- shared: one row per scheduled job that must run on one node at a time (JobLock); rows appear on first use
create table job_lock (
    name         varchar(100) primary key,
    locked_until timestamp with time zone not null,
    locked_at    timestamp with time zone not null,
    locked_by    varchar(200) not null
);

-- reminder module: which task was mailed to which user on which (Japan) day, so that nothing is mailed twice
create table reminder_sent (
    user_id uuid not null references app_user (id),
    task_id uuid not null references remediation_task (id),
    org_id  uuid not null references organization (id),
    sent_on date not null,
    sent_at timestamp with time zone not null,
    primary key (user_id, task_id, sent_on)
);
create index reminder_sent_day_idx on reminder_sent (sent_on, user_id);
