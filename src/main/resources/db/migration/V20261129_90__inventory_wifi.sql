-- inventory module: the Wi-Fi register (無線LAN台帳) for 2-⑬
create table inventory_wifi (
    id          uuid primary key,
    org_id      uuid not null references organization (id),
    version     integer not null default 0,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    updated_by  varchar(100) not null,
    ssid        varchar(100) not null,
    location    varchar(500),
    auth        varchar(40),
    dot1x       boolean,
    mac_filter  boolean,
    segment     varchar(40),
    separated   boolean,
    hidden      boolean,
    note        varchar(2000)
);
create index inventory_wifi_org_idx on inventory_wifi (org_id, ssid);
