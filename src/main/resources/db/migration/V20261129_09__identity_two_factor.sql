-- identity: TOTP two-factor authentication (RFC 6238, checklist item R7 2-⑩) and the organisation setting
-- "two-factor required for all members"

-- one authenticator per user; confirmed_at is null while the enrolment is pending (QR shown, no code typed yet).
-- The secret must be readable to compute codes, so it is stored as generated (base32).
create table two_factor_secret (
    user_id         uuid primary key references app_user (id),
    secret          varchar(64) not null,
    created_at      timestamp with time zone not null,
    confirmed_at    timestamp with time zone,
    -- the last accepted 30-second time step: a code is never accepted twice (RFC 6238 §5.2)
    last_used_step  bigint,
    -- consecutive wrong codes, for the temporary lock against guessing
    failed_attempts integer not null default 0,
    last_failed_at  timestamp with time zone
);

-- ten single-use recovery codes per user, shown once; only their SHA-256 is kept
create table two_factor_recovery_code (
    id         uuid primary key,
    user_id    uuid not null references app_user (id),
    code_hash  varchar(64) not null,
    created_at timestamp with time zone not null,
    used_at    timestamp with time zone
);
create index two_factor_recovery_code_user_idx on two_factor_recovery_code (user_id, code_hash);

create table organization_security (
    org_id             uuid primary key references organization (id),
    require_two_factor boolean not null default false,
    changed_at         timestamp with time zone not null,
    changed_by         varchar(100) not null
);
