-- evaluation module: when an organisation's ledgers last changed (read by every node to know whether a
-- cached evaluation is still current)
create table evaluation_change (
    org_id     uuid primary key references organization (id),
    changed_at timestamp with time zone not null
);
