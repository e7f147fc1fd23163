-- backup module: the instance's scheduled-backup settings and the last run's result (one row, id = 1)
create table backup_schedule (
    id               integer primary key,
    enabled          boolean not null,
    directory        varchar(1000),
    daily_time       varchar(5) not null,
    generations      integer not null,
    passphrase_file  varchar(1000),
    max_age_days     integer not null,
    last_attempt_at  timestamp with time zone,
    last_success_at  timestamp with time zone,
    last_ok          boolean,
    last_file        varchar(1000),
    last_size        bigint,
    last_error       varchar(2000)
);
insert into backup_schedule (id, enabled, daily_time, generations, max_age_days) values (1, false, '02:00', 7, 7);
