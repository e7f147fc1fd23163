-- account module: 職員名簿, system accounts, role matrix, password rules (columns follow AccountLedgers)
create table account_staff (
    id                uuid primary key,
    org_id            uuid not null references organization (id),
    version           integer not null default 0,
    created_at        timestamp with time zone not null,
    updated_at        timestamp with time zone not null,
    updated_by        varchar(100) not null,
    name              varchar(100) not null,
    staff_number      varchar(100),
    department        varchar(500),
    job_type          varchar(40),
    employment_status varchar(40),
    joined_on         date,
    left_on           date,
    note              varchar(2000)
);
create index account_staff_org_idx on account_staff (org_id, name);

create table account_account (
    id            uuid primary key,
    org_id        uuid not null references organization (id),
    version       integer not null default 0,
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    updated_by    varchar(100) not null,
    system        varchar(200) not null,
    user_id       varchar(200) not null,
    staff_name    varchar(100),
    kind          varchar(40),
    role          varchar(500),
    admin         boolean,
    two_factor    boolean,
    created_on    date,
    last_login_on date,
    disabled_on   date,
    note          varchar(2000)
);
create index account_account_org_idx on account_account (org_id, user_id);

create table account_role_matrix (
    id           uuid primary key,
    org_id       uuid not null references organization (id),
    version      integer not null default 0,
    created_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null,
    updated_by   varchar(100) not null,
    job_type     varchar(40) not null,
    info_class   varchar(200) not null,
    access_level varchar(40),
    system       varchar(500),
    note         varchar(2000)
);
create index account_role_matrix_org_idx on account_role_matrix (org_id, info_class);

create table account_password_policy (
    id                uuid primary key,
    org_id            uuid not null references organization (id),
    version           integer not null default 0,
    created_at        timestamp with time zone not null,
    updated_at        timestamp with time zone not null,
    updated_by        varchar(100) not null,
    system            varchar(200) not null,
    min_length        bigint,
    complexity        boolean,
    change_days       bigint,
    reuse_prohibited  boolean,
    reuse_generations bigint,
    two_factor        boolean,
    lockout           boolean,
    evidence          varchar(2000)
);
create index account_password_policy_org_idx on account_password_policy (org_id, system);
