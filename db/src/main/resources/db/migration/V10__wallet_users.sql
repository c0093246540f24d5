-- Who signs in to Kyodo, what they may do, and the merchants and groups that hold wallets.
-- Wallet balances are not here: they are ledger accounts (wallet:<owner kind>:<owner id>).

create table app_user (
    id            bigserial primary key,
    username      text        not null unique check (length(username) between 3 and 64),
    display_name  text        not null check (length(display_name) between 1 and 100),
    password_hash text        not null check (length(password_hash) <= 200),
    role          text        not null check (role in ('RESIDENT', 'MERCHANT', 'COORDINATOR', 'DONOR', 'STAFF',
                                                        'COMMITTEE', 'AUDITOR', 'ADMIN')),
    enabled       boolean     not null default true,
    created_at    timestamptz not null,
    version       bigint      not null default 0
);

create table merchant (
    id            bigserial primary key,
    owner_id      bigint      not null unique references app_user (id),
    name          text        not null check (length(name) between 1 and 100),
    status        text        not null check (status in ('PENDING', 'APPROVED', 'SUSPENDED')),
    approved_by   bigint      references app_user (id),
    created_at    timestamptz not null,
    version       bigint      not null default 0,
    -- Nobody approves their own shop.
    check (approved_by is null or approved_by <> owner_id)
);

create table civic_group (
    id             bigserial primary key,
    name           text        not null check (length(name) between 1 and 100),
    coordinator_id bigint      not null references app_user (id),
    created_at     timestamptz not null,
    version        bigint      not null default 0
);

-- Spring Security's WebAuthn JDBC repositories (JdbcPublicKeyCredentialUserEntityRepository and
-- JdbcUserCredentialRepository) read and write these two tables with exactly these columns.
create table user_entities (
    id           varchar(1000) not null primary key,
    name         varchar(100)  not null,
    display_name varchar(200)
);

create table user_credentials (
    credential_id                varchar(1000) not null primary key,
    user_entity_user_id          varchar(1000) not null,
    public_key                   bytea         not null,
    signature_count              bigint,
    uv_initialized               boolean,
    backup_eligible              boolean       not null,
    authenticator_transports     varchar(1000),
    public_key_credential_type   varchar(100),
    backup_state                 boolean       not null,
    attestation_object           bytea,
    attestation_client_data_json bytea,
    created                      timestamp,
    last_used                    timestamp,
    label                        varchar(1000) not null
);
