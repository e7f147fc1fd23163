-- inventory module: 機器台帳, cloud services, remote-maintenance connections (columns follow InventoryLedgers)
create table inventory_device (
    id              uuid primary key,
    org_id          uuid not null references organization (id),
    version         integer not null default 0,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    updated_by      varchar(100) not null,
    name            varchar(200) not null,
    kind            varchar(40) not null,
    maker           varchar(500),
    model           varchar(500),
    serial          varchar(500),
    os              varchar(500),
    os_version      varchar(500),
    hostname        varchar(500),
    ip_addresses    varchar(1000),
    mac_addresses   varchar(1000),
    location        varchar(500),
    department      varchar(500),
    owner           varchar(500),
    system          varchar(500),
    software        varchar(4000),
    in_service_on   date,
    support_ends_on date,
    last_patched_on date,
    usb_policy      varchar(40),
    network_zone    varchar(500),
    internet_facing boolean,
    status          varchar(40),
    note            varchar(2000)
);
create index inventory_device_org_idx on inventory_device (org_id, name);

create table inventory_remote_connection (
    id                uuid primary key,
    org_id            uuid not null references organization (id),
    version           integer not null default 0,
    created_at        timestamp with time zone not null,
    updated_at        timestamp with time zone not null,
    updated_by        varchar(100) not null,
    vendor            varchar(200) not null,
    target            varchar(300) not null,
    method            varchar(40),
    gateway           varchar(500),
    gateway_version   varchar(500),
    account           varchar(500),
    source_restricted boolean,
    allowed_sources   varchar(2000),
    two_factor        boolean,
    last_confirmed_on date,
    note              varchar(2000)
);
create index inventory_remote_connection_org_idx on inventory_remote_connection (org_id, vendor);

create table inventory_cloud_service (
    id           uuid primary key,
    org_id       uuid not null references organization (id),
    version      integer not null default 0,
    created_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null,
    updated_by   varchar(100) not null,
    name         varchar(200) not null,
    provider     varchar(500),
    purpose      varchar(500),
    patient_data boolean,
    two_factor   boolean,
    note         varchar(2000)
);
create index inventory_cloud_service_org_idx on inventory_cloud_service (org_id, name);
