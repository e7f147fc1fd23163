-- accesslog module: detection thresholds and business hours per organisation (defaults when absent)
create table accesslog_settings (
    org_id               uuid primary key references organization (id),
    business_start       time not null,
    business_end         time not null,
    business_days        varchar(80) not null, -- e.g. MONDAY,TUESDAY,…
    brute_force_failures integer not null,
    brute_force_minutes  integer not null,
    spray_accounts       integer not null,
    spray_minutes        integer not null,
    sql_failures         integer not null,
    updated_at           timestamp with time zone not null,
    updated_by           varchar(100) not null
);
