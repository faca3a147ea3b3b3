-- News posts of organisations. The Markdown is kept as written; the HTML rendered from it is
-- sanitised before it is stored, so that every reader (API, feeds, pages) gets the same safe HTML.

create table news_post (
    id              uuid primary key default gen_random_uuid(),
    organisation_id uuid not null references organisation (id) on delete cascade,
    title           text not null check (length(title) between 3 and 200),
    body_markdown   text not null check (length(body_markdown) <= 20000),
    body_html       text not null,
    -- Hidden from the public until then.
    published_at    timestamptz not null default now(),
    created_by      uuid not null,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);

create index news_post_by_publication on news_post (published_at desc, id desc);
create index news_post_by_organisation on news_post (organisation_id, published_at desc, id desc);
