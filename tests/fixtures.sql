-- Small hand-made rows for query tests: two offices, one certificate each, three events, five findings.
insert into sources (source_id, kind, file, title, published_on_is_inferred) values
    ('src-a', 'document', 'a.txt', 'Doc A', false),
    ('src-b', 'document', 'b.txt', 'Doc B', false),
    ('ref', 'reference', null, 'Reference', false);

insert into cities values
    ('alpha', 'Łódź', 'Urząd Miasta Łodzi', 'city_hall', 'łódzkie', 51.76, 19.46, 'ref', 'src-a', 'Urząd', null),
    ('beta', 'Zabrze', 'Urząd Miejski w Zabrzu', 'city_hall', 'śląskie', 50.32, 18.79, 'ref', 'src-b', 'Urząd', null);

insert into certification_bodies values ('body', 'Body S.A.', 'BODY', 'ref', null);

insert into standards (standard_id, family, edition, title, published_on, published_on_precision, source_id) values
    ('iso9001-2015', 'ISO 9001', '2015', 'ISO 9001:2015', '2015-09-01', 'month', 'ref'),
    ('iso14001-2015', 'ISO 14001', '2015', 'ISO 14001:2015', '2015-09-01', 'month', 'ref');

insert into themes values
    ('comm', 'Komunikacja z mieszkańcami', 'Communication', 'def', 'def'),
    ('it', 'Informatyzacja', 'IT', 'def', 'def');

insert into clauses values
    (5, 'Przywództwo', 'Leadership', 'd', 'd'),
    (7, 'Wsparcie', 'Support', 'd', 'd');

insert into certificates (certificate_id, city_id, standard_as_written, standard_id, standard_is_inferred, body_id,
    issued_on, issued_on_precision, issued_on_is_inferred, valid_until, valid_until_precision, valid_until_is_inferred,
    source_id, quote) values
    ('cert-a', 'alpha', 'ISO 9001:2015', 'iso9001-2015', false, 'body', '2016-01-01', 'year', false,
        '2019-05-31', 'day', false, 'src-a', 'q'),
    ('cert-b', 'beta', 'ISO 14001:2015', 'iso14001-2015', false, null, null, null, false, null, null, false,
        'src-b', 'q');

insert into audits (audit_id, city_id, certificate_id, body_id, kind, audit_on, audit_on_precision, is_inferred,
    is_planned, findings_status, source_id, quote) values
    ('a-2017', 'alpha', 'cert-a', 'body', 'surveillance', '2017-03-01', 'month', false, false, 'reported', 'src-a', 'q'),
    ('a-2018', 'alpha', 'cert-a', 'body', 'surveillance', '2018-01-01', 'year', true, false, 'reported', 'src-a', 'q'),
    ('a-plan', 'alpha', 'cert-a', 'body', 'planned', '2019-10-01', 'month', false, true, 'not_applicable', 'src-a', 'q'),
    ('b-undated', 'beta', 'cert-b', null, 'recertification', null, null, false, false, 'reported', 'src-b', 'q');

insert into findings values
    ('f1', 'a-2017', 'alpha', 'praise', 'auditor', 5, 'heading', 'comm', 'Dialog z mieszkańcami', 'Dialogue', 'q1', 'src-a', null),
    ('f2', 'a-2017', 'alpha', 'praise', 'auditor', 7, 'heading', 'it', 'Łącza i e-usługi', 'E-services', 'q2', 'src-a', null),
    ('f3', 'a-2018', 'alpha', 'praise', 'auditor', 5, 'curator', 'comm', 'Skargi rozpatrywane szybko', 'Complaints', 'q3', 'src-a', null),
    ('f4', 'b-undated', 'beta', 'praise', 'auditor', null, null, 'it', 'Nowy system', 'New system', 'q4', 'src-b', null),
    ('f5', 'b-undated', 'beta', 'observation', 'auditor', 7, 'curator', 'it', 'Drobna uwaga', 'Minor remark', 'q5', 'src-b', null);
