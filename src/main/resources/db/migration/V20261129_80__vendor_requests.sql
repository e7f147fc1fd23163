-- vendorportal module: a clinic's request to a vendor organisation to fill the 事業者確認用 form,
-- and the vendor's answers, kept with the request until the clinic accepts them
create table vendor_request (
    id             uuid primary key,
    client_org_id  uuid not null references organization (id),
    vendor_org_id  uuid not null references organization (id),
    fiscal_year    integer not null,
    version_id     varchar(20) not null,
    systems        varchar(1000) not null,
    status         varchar(20) not null,
    return_comment varchar(2000),
    requested_at   timestamp with time zone not null,
    requested_by   varchar(100) not null,
    answered_at    timestamp with time zone,
    answered_by    varchar(100),
    decided_at     timestamp with time zone,
    decided_by     varchar(100),
    assessment_id  uuid,
    version        integer not null default 0,
    constraint vendor_request_status_check check (status in ('requested', 'answered', 'accepted', 'returned')),
    constraint vendor_request_not_self check (client_org_id <> vendor_org_id)
);
create index vendor_request_client_idx on vendor_request (client_org_id);
create index vendor_request_vendor_idx on vendor_request (vendor_org_id);

create table vendor_request_answer (
    request_id     uuid not null references vendor_request (id) on delete cascade,
    client_org_id  uuid not null references organization (id),
    vendor_org_id  uuid not null references organization (id),
    item_id        varchar(40) not null,
    answer         varchar(20) not null,
    target_date    date,
    note           varchar(2000),
    primary key (request_id, item_id),
    constraint vendor_request_answer_value_check check (answer in ('yes', 'no'))
);
