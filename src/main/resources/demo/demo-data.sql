-- Demo data for the local default. Fictional organisations and people; every address is
-- at example.org and every number in an unassigned range. Safe to run again.

insert into organisation (id, slug, name, description, contact_email, website_url, status) values
    ('0b0e5c1a-6d2f-4a51-9d6e-1f0c6a0d0001', 'willkommen-goettingen', 'Netzwerk Willkommen Göttingen',
     'Begleitet Geflüchtete in der Stadt Göttingen: Kleiderkammer, Sprachcafé und Begleitung zu Behörden.',
     'kontakt@willkommen-goettingen.example.org', 'https://willkommen-goettingen.example.org', 'APPROVED'),
    ('0b0e5c1a-6d2f-4a51-9d6e-1f0c6a0d0002', 'helferkreis-duderstadt', 'Helferkreis Duderstadt',
     'Ehrenamtliche im Eichsfeld: Fahrdienste, Deutschkurse und Kinderbetreuung in den Unterkünften.',
     'info@helferkreis-duderstadt.example.org', null, 'APPROVED')
on conflict (id) do nothing;

insert into organisation_place (organisation_id, place_code) values
    ('0b0e5c1a-6d2f-4a51-9d6e-1f0c6a0d0001', 'goettingen'),
    ('0b0e5c1a-6d2f-4a51-9d6e-1f0c6a0d0001', 'goettingen-grone'),
    ('0b0e5c1a-6d2f-4a51-9d6e-1f0c6a0d0001', 'goettingen-weende'),
    ('0b0e5c1a-6d2f-4a51-9d6e-1f0c6a0d0001', 'bovenden'),
    ('0b0e5c1a-6d2f-4a51-9d6e-1f0c6a0d0002', 'duderstadt'),
    ('0b0e5c1a-6d2f-4a51-9d6e-1f0c6a0d0002', 'sg-gieboldehausen'),
    ('0b0e5c1a-6d2f-4a51-9d6e-1f0c6a0d0002', 'gieboldehausen')
on conflict do nothing;

insert into helper (id, email, email_verified_at, mobile, mobile_verified_at, preferred_channel, message_language,
                    hours_per_week, commitment, max_asks_per_week, quiet_from, quiet_until)
select md5('zeitspende-demo-helper-' || n)::uuid,
       'helfer' || n || '@example.org',
       now(),
       case when n % 2 = 0 then '+491510000' || lpad(n::text, 4, '0') end,
       case when n % 2 = 0 then now() end,
       case when n % 4 = 0 then 'SMS' else 'EMAIL' end,
       case when n % 5 = 0 then 'en' else 'de' end,
       1 + n % 8,
       (array['ONE_OFF', 'REGULAR', 'BOTH'])[1 + n % 3],
       1 + n % 3,
       case when n % 3 = 0 then time '22:00' end,
       case when n % 3 = 0 then time '07:00' end
from generate_series(1, 40) as n
on conflict (id) do nothing;

insert into helper_place (helper_id, place_code)
select md5('zeitspende-demo-helper-' || n)::uuid,
       (array['goettingen', 'goettingen-grone', 'goettingen-weende', 'goettingen-geismar', 'goettingen-innenstadt',
              'bovenden', 'rosdorf', 'duderstadt', 'gieboldehausen', 'hann-muenden'])[1 + n % 10]
from generate_series(1, 40) as n
union
select md5('zeitspende-demo-helper-' || n)::uuid, 'goettingen'
from generate_series(1, 40) as n where n % 2 = 1
on conflict do nothing;

insert into helper_activity (helper_id, activity_code)
select md5('zeitspende-demo-helper-' || n)::uuid,
       (array['dolmetschen', 'kleiderkammer', 'fahrdienst', 'kinderbetreuung', 'deutschkurs',
              'begleitung-behoerden', 'essensausgabe', 'spenden-sortieren'])[1 + (n * k) % 8]
from generate_series(1, 40) as n, (values (1), (3)) as factor (k)
on conflict do nothing;

insert into helper_language (helper_id, language_code)
select md5('zeitspende-demo-helper-' || n)::uuid, 'de'
from generate_series(1, 40) as n
union
select md5('zeitspende-demo-helper-' || n)::uuid, (array['ar', 'fa', 'en', 'ru', 'uk', 'tr', 'ku', 'fr'])[1 + n % 8]
from generate_series(1, 40) as n where n % 2 = 1
on conflict do nothing;

insert into helper_skill (helper_id, skill)
select md5('zeitspende-demo-helper-' || n)::uuid, 'fuehrerschein'
from generate_series(1, 40) as n where n % 4 = 1
union
select md5('zeitspende-demo-helper-' || n)::uuid, 'erste-hilfe'
from generate_series(1, 40) as n where n % 5 = 2
on conflict do nothing;

-- Demo logins, every one with the password zeitspende-demo (bcrypt, cost 10). A platform operator
-- belongs to no organisation.
insert into member (id, organisation_id, email, password_hash, role) values
    ('0b0e5c1a-6d2f-4a51-9d6e-1f0c6a0d1001', '0b0e5c1a-6d2f-4a51-9d6e-1f0c6a0d0001',
     'admin@willkommen-goettingen.example.org',
     '$2a$10$Wo5rpw2OA8feN18iiLCRhOA3rqCITOH7EkcvPXSWB/kpFSOTQkOem', 'ADMIN'),
    ('0b0e5c1a-6d2f-4a51-9d6e-1f0c6a0d1002', '0b0e5c1a-6d2f-4a51-9d6e-1f0c6a0d0001',
     'koordination@willkommen-goettingen.example.org',
     '$2a$10$Kj1Ue11IAlOSIzCY4PwJVOr50dg/c/Ky/azmFQP35h59W9FbO9lAC', 'COORDINATOR'),
    ('0b0e5c1a-6d2f-4a51-9d6e-1f0c6a0d1003', '0b0e5c1a-6d2f-4a51-9d6e-1f0c6a0d0002',
     'admin@helferkreis-duderstadt.example.org',
     '$2a$10$mtYLzBjXN0WbfV5Wnk/ctex3CEZddsKH4By.t13F4QojXKJ6HzYN2', 'ADMIN'),
    ('0b0e5c1a-6d2f-4a51-9d6e-1f0c6a0d1004', '0b0e5c1a-6d2f-4a51-9d6e-1f0c6a0d0002',
     'koordination@helferkreis-duderstadt.example.org',
     '$2a$10$dFGhaF0OZoLIWNxsNSItEes33JVfbPFLqtQBPgl8glfSTgMaZsJ7K', 'COORDINATOR'),
    ('0b0e5c1a-6d2f-4a51-9d6e-1f0c6a0d1005', null,
     'betrieb@zeitspende.example.org',
     '$2a$10$bTWrDPiXCMXLNbDqDYzGg.M0DfgWWGX0.M6OIBLtVzIN3SRmkf2xK', 'OPERATOR')
on conflict do nothing;

-- Demo helpers agreed to callouts on every channel they verified.
insert into consent_event (helper_id, channel, purpose, action, text_version, source)
select h.id, c.channel, 'CALLOUTS', a.action, '2025-12-01', a.source
from helper h
cross join (values ('EMAIL'), ('SMS')) as c (channel)
cross join (values ('GRANTED', 'REGISTRATION', 1), ('CONFIRMED', 'VERIFICATION', 2)) as a (action, source, step)
where h.email like 'helfer%@example.org'
  and ((c.channel = 'EMAIL' and h.email_verified_at is not null) or (c.channel = 'SMS' and h.mobile_verified_at is not null))
  and not exists (select 1 from consent_event e where e.helper_id = h.id)
order by h.id, c.channel, a.step;
