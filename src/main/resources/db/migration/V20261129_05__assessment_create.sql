-- assessment module: assessments (organisation x fiscal year x version x form), rounds, answers
create table assessment (
    id              uuid primary key,
    org_id          uuid not null references organization (id),
    fiscal_year     integer not null,
    catalog_version varchar(20) not null,
    form            varchar(20) not null,
    seeded_from     uuid references assessment (id),
    created_at      timestamp with time zone not null,
    created_by      varchar(100) not null,
    version         integer not null default 0,
    constraint assessment_unique unique (org_id, fiscal_year, form, catalog_version)
);
create index assessment_org_idx on assessment (org_id);

create table assessment_round (
    assessment_id uuid not null references assessment (id),
    org_id        uuid not null references organization (id),
    round_no      integer not null,
    status        varchar(20) not null,
    started_at    timestamp with time zone not null,
    submitted_at  timestamp with time zone,
    submitted_by  varchar(100),
    primary key (assessment_id, round_no),
    constraint assessment_round_status_check check (status in ('open', 'submitted'))
);

create table answer (
    assessment_id   uuid not null references assessment (id),
    org_id          uuid not null references organization (id),
    round_no        integer not null,
    item_id         varchar(40) not null,
    answer          varchar(20),
    checked_on      date,
    target_date     date,
    note            varchar(2000),
    needs_recheck   boolean not null default false,
    previous_answer varchar(20),
    previous_checked_on date,
    version         integer not null default 0,
    updated_at      timestamp with time zone,
    updated_by      varchar(100),
    primary key (assessment_id, round_no, item_id),
    constraint answer_value_check check (answer in ('yes', 'no', 'not_required'))
);
create index answer_org_idx on answer (org_id, assessment_id);
