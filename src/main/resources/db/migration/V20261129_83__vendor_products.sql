-- vendorportal module: a vendor organisation's products/services, its 事業者確認用 answer once per
-- product and checklist version, the products a request's answer was drawn from, which rows
-- the vendor adjusted for that client, the client's 回答期限 and where an answer came from
create table vendor_product (
    id              uuid primary key,
    vendor_org_id   uuid not null references organization (id),
    name            varchar(200) not null,
    product_version varchar(100) not null default '',
    description     varchar(2000),
    created_at      timestamp with time zone not null,
    created_by      varchar(100) not null,
    constraint vendor_product_name_unique unique (vendor_org_id, name, product_version)
);
create index vendor_product_vendor_idx on vendor_product (vendor_org_id);

create table vendor_product_answer (
    product_id     uuid not null references vendor_product (id) on delete cascade,
    vendor_org_id  uuid not null references organization (id),
    version_id     varchar(20) not null,
    item_id        varchar(40) not null,
    answer         varchar(20) not null,
    target_date    date,
    note           varchar(2000),
    updated_at     timestamp with time zone not null,
    updated_by     varchar(100) not null,
    primary key (product_id, version_id, item_id),
    constraint vendor_product_answer_value_check check (answer in ('yes', 'no'))
);

-- the products the vendor named for a request (and so whose MDS/SDS the client sees)
create table vendor_request_product (
    request_id     uuid not null references vendor_request (id) on delete cascade,
    vendor_org_id  uuid not null references organization (id),
    product_id     uuid not null references vendor_product (id),
    primary key (request_id, product_id)
);
create index vendor_request_product_product_idx on vendor_request_product (product_id);

-- per submitted row: the product answer it was drawn from (a copy: later changes to the
-- product answer do not reach it) and whether the vendor changed it for this client
alter table vendor_request_answer add column product_id uuid;
alter table vendor_request_answer add column adjusted boolean not null default false;

-- 回答期限 (optional) and the origin of the answer: the portal, or an Excel form the client imported
alter table vendor_request add column due_date date;
alter table vendor_request add column source varchar(20) not null default 'portal';
alter table vendor_request add constraint vendor_request_source_check check (source in ('portal', 'excel'));
