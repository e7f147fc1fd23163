-- inventory module: software and services allowed per device kind (2-⑫)
create table inventory_software_allowlist (
    id          uuid primary key,
    org_id      uuid not null references organization (id),
    version     integer not null default 0,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    updated_by  varchar(100) not null,
    device_kind varchar(40) not null,
    software    varchar(200) not null,
    purpose     varchar(500),
    approved_by varchar(500),
    note        varchar(2000)
);
create index inventory_software_allowlist_org_idx on inventory_software_allowlist (org_id, software);
