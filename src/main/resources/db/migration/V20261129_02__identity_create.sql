-- identity module: users, memberships (user x organisation x role), API tokens
create table app_user (
    id            uuid primary key,
    username      varchar(100) not null,
    display_name  varchar(200) not null,
    password_hash varchar(200) not null,
    enabled       boolean not null default true,
    system_admin  boolean not null default false,
    created_at    timestamp with time zone not null,
    constraint app_user_username_unique unique (username)
);

create table membership (
    org_id     uuid not null references organization (id),
    user_id    uuid not null references app_user (id),
    role       varchar(20) not null,
    created_at timestamp with time zone not null,
    primary key (org_id, user_id),
    constraint membership_role_check check (role in ('admin', 'editor', 'viewer', 'vendor'))
);
create index membership_user_idx on membership (user_id);

create table api_token (
    id           uuid primary key,
    org_id       uuid not null references organization (id),
    user_id      uuid not null references app_user (id),
    token_hash   varchar(64) not null,
    created_at   timestamp with time zone not null,
    last_used_at timestamp with time zone,
    revoked      boolean not null default false,
    constraint api_token_hash_unique unique (token_hash)
);
