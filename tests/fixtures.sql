-- Small hand-made v2 rows for query tests, loaded after create_tables(package()) and queries/schema.sql.
-- alpha (Łódź): ISO 9001:2015 and ISO 37120 at once, one audit concerning both, a planned audit.
-- beta (Zabrze): only ISO 14001, exact dates. gamma (Gniezno): an issue date alone (2002).
-- delta (Kalisz): one registration over two editions, 2003-2018. epsilon (Elbląg): edition unknown.
-- zeta (Zamość): suspension, lifted, then lapse (ISO 9001); a withdrawal (ISO 14001).
insert into sources (source_id, kind, file, url, title, publisher, publisher_type, office_id, published_on,
    published_on_precision, published_on_is_inferred, retrieved_on, language, is_truncated, citation) values
    ('src-a', 'document', 'a.txt', 'https://lodz.example/iso', 'Doc A', 'UMŁ', 'office', 'alpha', '2017-04-01',
        'month', false, '2024-01-10', 'pl', false, null),
    ('src-b', 'document', 'b.txt', null, 'Doc B', 'Gazeta', 'press', 'beta', null, null, null, '2024-01-11', 'pl',
        true, null),
    ('ref', 'reference', null, null, 'Reference', null, null, null, null, null, null, null, null, null, 'ISO.org');

insert into offices (office_id, teryt, office_kind, place, office_name, voivodeship, latitude, longitude,
    geo_source_id, source_id, quote) values
    ('alpha', '1061011', 'city_hall', 'Łódź', 'Urząd Miasta Łodzi', 'łódzkie', 51.76, 19.46, 'ref', 'src-a', 'Urząd'),
    ('beta', null, 'city_hall', 'Zabrze', 'Urząd Miejski w Zabrzu', 'śląskie', 50.32, 18.79, 'ref', 'src-b', 'Urząd'),
    ('gamma', null, 'city_hall', 'Gniezno', 'Urząd Miejski w Gnieźnie', 'wielkopolskie', 52.53, 17.6, 'ref', 'src-a',
        'Urząd'),
    ('delta', null, 'city_hall', 'Kalisz', 'Urząd Miasta Kalisza', 'wielkopolskie', 51.76, 18.09, 'ref', 'src-a',
        'Urząd'),
    ('epsilon', null, 'municipal_office', 'Elbląg', 'Urząd Miejski w Elblągu', 'warmińsko-mazurskie', 54.16, 19.4,
        'ref', 'src-a', 'Urząd'),
    ('zeta', null, 'county_office', 'Zamość', 'Starostwo Powiatowe w Zamościu', 'lubelskie', 50.72, 23.25, 'ref',
        'src-a', 'Starostwo');

insert into certification_bodies values ('body', 'Body S.A.', 'BODY', 'ref', null);

insert into standards (standard_id, family, edition, title, published_on, published_on_precision, transition_ends_on,
    transition_ends_on_precision, source_id) values
    ('iso9001-2000', 'ISO 9001', '2000', 'ISO 9001:2000', '2000-12-01', 'month', '2010-11-15', 'day', 'ref'),
    ('iso9001-2008', 'ISO 9001', '2008', 'ISO 9001:2008', '2008-11-01', 'month', '2018-09-15', 'day', 'ref'),
    ('iso9001-2015', 'ISO 9001', '2015', 'ISO 9001:2015', '2015-09-01', 'month', null, null, 'ref'),
    ('iso14001-2015', 'ISO 14001', '2015', 'ISO 14001:2015', '2015-09-01', 'month', null, null, 'ref'),
    ('iso37120-2014', 'ISO 37120', '2014', 'ISO 37120:2014', '2014-05-01', 'month', null, null, 'ref');

insert into themes values
    ('comm', 'Komunikacja z mieszkańcami', 'Communication', 'def', 'def'),
    ('it', 'Informatyzacja', 'IT', 'def', 'def');

insert into clauses values
    ('iso9001-2015', '5', 5, 'Przywództwo', 'Leadership', 'd', 'd', 'ref'),
    ('iso9001-2015', '7', 7, 'Wsparcie', 'Support', 'd', 'd', 'ref'),
    ('iso9001-2015', '7.1.6', 7, 'Wiedza organizacji', 'Organizational knowledge', 'd', 'd', 'ref'),
    ('iso9001-2008', '5.1', 5, 'Zaangażowanie kierownictwa', 'Management commitment', 'd', 'd', 'ref');

insert into certificates (certificate_id, office_id, registration_id, family, standard_as_written, edition_basis,
    standard_id, body_id, issued_on, issued_on_precision, issued_on_is_inferred, valid_until, valid_until_precision,
    valid_until_is_inferred, validity_years, source_id, quote) values
    ('cert-a', 'alpha', null, 'ISO 9001', 'ISO 9001:2015', 'stated', 'iso9001-2015', 'body', '2016-01-01', 'year',
        false, '2019-05-31', 'day', false, null, 'src-a', 'q'),
    ('cert-a37', 'alpha', null, 'ISO 37120', 'ISO 37120', 'stated', 'iso37120-2014', 'body', '2016-06-01', 'month',
        false, null, null, null, null, 'src-a', 'q'),
    ('cert-b', 'beta', null, 'ISO 14001', 'ISO 14001:2015', 'stated', 'iso14001-2015', null, '2016-01-10', 'day',
        false, '2019-01-09', 'day', false, null, 'src-b', 'q'),
    ('cert-g', 'gamma', null, 'ISO 9001', 'ISO 9001:2000', 'stated', 'iso9001-2000', null, '2002-06-15', 'day',
        false, null, null, null, null, 'src-a', 'q'),
    ('cert-d1', 'delta', 'reg-d', 'ISO 9001', 'ISO 9001:2000', 'stated', 'iso9001-2000', 'body', '2003-06-02', 'day',
        false, null, null, null, null, 'src-a', 'q'),
    ('cert-d2', 'delta', 'reg-d', 'ISO 9001', 'ISO 9001:2008', 'stated', 'iso9001-2008', 'body', '2010-05-20', 'day',
        false, null, null, null, null, 'src-a', 'q'),
    ('cert-e', 'epsilon', null, 'ISO 9001', 'ISO 9001', 'unknown', null, null, '2017-03-01', 'day', false,
        '2020-02-28', 'day', false, null, 'src-a', 'q'),
    ('cert-z', 'zeta', null, 'ISO 9001', 'ISO 9001:2015', 'stated', 'iso9001-2015', 'body', '2016-02-01', 'day',
        false, null, null, null, 3, 'src-a', 'q'),
    ('cert-z14', 'zeta', null, 'ISO 14001', 'ISO 14001:2015', 'stated', 'iso14001-2015', 'body', '2015-01-15', 'day',
        false, null, null, null, null, 'src-a', 'q');

insert into events (event_id, office_id, body_id, kind, is_planned, event_on, event_on_precision, event_on_is_inferred,
    outcome, findings_status, source_id, quote) values
    ('a-2017', 'alpha', 'body', 'surveillance', false, '2017-03-01', 'month', false, 'maintained', 'reported', 'src-a',
        'q'),
    ('a-2018', 'alpha', 'body', 'surveillance', false, '2018-01-01', 'year', true, null, 'reported', 'src-a', 'q'),
    ('a-plan', 'alpha', 'body', 'surveillance', true, '2019-10-01', 'month', false, null, 'not_applicable', 'src-a',
        'q'),
    ('b-undated', 'beta', null, 'recertification', false, null, null, null, null, 'reported', 'src-b', 'q'),
    ('d-2004', 'delta', 'body', 'surveillance', false, '2004-06-01', 'month', false, null, 'not_reported', 'src-a', 'q'),
    ('d-2006', 'delta', 'body', 'recertification', false, '2006-06-01', 'month', false, null, 'not_reported', 'src-a',
        'q'),
    ('d-2009', 'delta', 'body', 'recertification', false, '2009-06-01', 'month', false, null, 'not_reported', 'src-a',
        'q'),
    ('d-2013', 'delta', 'body', 'recertification', false, '2013-05-01', 'month', false, null, 'not_reported', 'src-a',
        'q'),
    ('d-2017', 'delta', 'body', 'surveillance', false, '2017-05-01', 'month', false, null, 'not_reported', 'src-a', 'q'),
    ('z-susp', 'zeta', 'body', 'suspension', false, '2017-06-10', 'day', false, 'suspended', 'not_reported', 'src-a',
        'q'),
    ('z-2017', 'zeta', 'body', 'surveillance', false, '2017-09-01', 'day', false, 'maintained', 'none_found', 'src-a',
        'q'),
    ('z-lapse', 'zeta', 'body', 'lapse', false, '2018-03-01', 'day', false, 'lapsed', 'not_applicable', 'src-a', 'q'),
    ('z-withdrawn', 'zeta', 'body', 'withdrawal', false, '2016-06-01', 'day', false, 'withdrawn', 'not_applicable',
        'src-a', 'q');

insert into event_certificates (event_id, certificate_id) values
    ('a-2017', 'cert-a'),
    ('a-2017', 'cert-a37'),
    ('a-2018', 'cert-a'),
    ('a-plan', 'cert-a'),
    ('b-undated', 'cert-b'),
    ('d-2004', 'cert-d1'),
    ('d-2006', 'cert-d1'),
    ('d-2009', 'cert-d1'),
    ('d-2013', 'cert-d2'),
    ('d-2017', 'cert-d2'),
    ('z-susp', 'cert-z'),
    ('z-2017', 'cert-z'),
    ('z-lapse', 'cert-z'),
    ('z-withdrawn', 'cert-z14');

insert into findings (finding_id, event_id, office_id, kind, voice, clause_standard_id, clause, clause_basis, theme_id,
    text_pl, text_en, source_id, quote) values
    ('f1', 'a-2017', 'alpha', 'praise', 'auditor', 'iso9001-2015', '5', 'heading', 'comm', 'Dialog z mieszkańcami',
        'Dialogue', 'src-a', 'q1'),
    ('f2', 'a-2017', 'alpha', 'praise', 'auditor', 'iso9001-2015', '7.1.6', 'heading', 'it', 'Łącza i e-usługi',
        'E-services', 'src-a', 'q2'),
    ('f3', 'a-2018', 'alpha', 'praise', 'auditor', 'iso9001-2008', '5.1', 'curator', 'comm',
        'Skargi rozpatrywane szybko', 'Complaints', 'src-a', 'q3'),
    ('f4', 'b-undated', 'beta', 'praise', 'auditor', null, null, null, 'it', 'Nowy system', 'New system', 'src-b', 'q4'),
    ('f5', 'b-undated', 'beta', 'observation', 'auditor', 'iso9001-2015', '7', 'curator', 'it', 'Drobna uwaga',
        'Minor remark', 'src-b', 'q5'),
    ('f6', 'a-2017', 'alpha', 'praise', 'certification_body', 'iso9001-2015', '5', 'curator', 'comm',
        'Jednostka chwali przywództwo', 'The body praises leadership', 'src-a', 'q6'),
    ('f7', 'a-2018', 'alpha', 'praise', 'office', null, null, null, 'it', 'Urząd o swoich e-usługach',
        'The office on its e-services', 'src-a', 'q7');

insert into codes values
    ('findings.voice', 'auditor', 'Audytorzy (raport z audytu)', 'Auditors (audit report)'),
    ('events.kind', 'surveillance', 'Audyt nadzoru', 'Surveillance audit');

insert into build_info values ('2024-05-01 10:00:00', 'abc', '2.0.0');
