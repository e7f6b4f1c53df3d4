-- The jti replay cache, shared by every replica on the database: one row per token seen, kept until
-- its exp plus the clock skew (after that the token is refused as expired anyway). The key is a
-- SHA-256 of issuer and jti: never the token.
create table token_replay (
    token_key  varchar(64) not null primary key,
    expires_at timestamp with time zone not null
);

create index token_replay_expiry on token_replay (expires_at);
