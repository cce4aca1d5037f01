"""The checks a Table Schema declares (required, type, pattern, enum, range, length, keys), as set-based SQL on
the raw tables; each query returns (ordinality, record, field, message, other_ordinality) per broken value."""

from cityiso.data.descriptor import Field, Package, Resource

PADDED_DATE = "try_cast(case length({c}) when 4 then {c} || '-01-01' when 7 then {c} || '-01' else {c} end as date)"
# The last day of the period a written date stands for ({d}: its first day).
PERIOD_END = "case length({c}) when 4 then make_date(year({d}), 12, 31) when 7 then last_day({d}) else {d} end"


def _lit(text: str) -> str:
    return "'" + str(text).replace("'", "''") + "'"


def record_label(resource: Resource, alias: str = "") -> str:
    """SQL for 'key=value' naming a raw row (empty when the table has no key or the key is empty)."""
    if not resource.primary_key:
        return "''"
    prefix = f"{alias}." if alias else ""
    values = " || '/' || ".join(f"coalesce({prefix}{k}, '')" for k in resource.primary_key)
    name = _lit("/".join(resource.primary_key) + "=")
    return f"case when {prefix}{resource.primary_key[0]} is null then '' else {name} || {values} end"


def _value(column: str) -> str:
    """The value in quotes, shortened, for a message."""
    return f"'''' || case when length({column}) > 60 then left({column}, 59) || '…' else {column} end || ''''"


def _field_conditions(f: Field) -> list[tuple[str, str]]:
    """(condition on the raw value, SQL message) for every constraint of a field."""
    c = f.name
    out = []
    if f.required:
        out.append((f"{c} is null", _lit("is required but empty")))
    if f.max_length:
        out.append(
            (f"length({c}) > {f.max_length}", f"'is ' || length({c}) || ' characters long; at most {f.max_length}'")
        )
    if f.pattern:
        out.append((f"not regexp_full_match({c}, {_lit(f.pattern)})", f"{_value(c)} || ' ' || {_lit(f.hint)}"))
        if f.is_date:
            out.append(
                (
                    f"regexp_full_match({c}, {_lit(f.pattern)}) and {PADDED_DATE.format(c=c)} is null",
                    f"{_value(c)} || ' is not a calendar date'",
                )
            )
    if f.enum:
        allowed = "[" + ", ".join(_lit(v) for v in f.enum) + "]"
        out.append(
            (f"not list_contains({allowed}, {c})", f"{_value(c)} || ' is not allowed (allowed: {', '.join(f.enum)})'")
        )
    if f.type == "boolean":
        out.append((f"{c} not in ('true', 'false')", f"{_value(c)} || ' is not true or false'"))
    if f.type in ("integer", "number"):
        sql_type, what = ("bigint", "a whole number") if f.type == "integer" else ("double", "a number")
        out.append((f"try_cast({c} as {sql_type}) is null", f"{_value(c)} || ' is not {what}'"))
        if f.minimum is not None and f.maximum is not None:
            out.append(
                (
                    f"try_cast({c} as double) not between {f.minimum} and {f.maximum}",
                    f"{c} || ' is outside {f.minimum:g}..{f.maximum:g}'",
                )
            )
        elif f.minimum is not None:  # one bound alone (a count or a population: at least 1)
            out.append((f"try_cast({c} as double) < {f.minimum}", f"{c} || ' is less than {f.minimum:g}'"))
        elif f.maximum is not None:
            out.append((f"try_cast({c} as double) > {f.maximum}", f"{c} || ' is more than {f.maximum:g}'"))
    return out


def field_checks(resource: Resource) -> str:
    """One query over raw_<table> returning every value that breaks its field's declared constraints."""
    label = record_label(resource)
    parts = []
    for f in resource.fields:
        for condition, message in _field_conditions(f):
            # A constraint other than `required` is only checked on a value that is there.
            guard = condition if condition == f"{f.name} is null" else f"{f.name} is not null and ({condition})"
            parts.append(
                f"select ordinality, {label} as record, {_lit(f.name)} as field, {message} as message, "
                f"null::bigint as other from raw_{resource.name} where {guard}"
            )
    return "\nunion all\n".join(parts)


# Control characters a text field must not hold: C0 but tab, line feed and carriage return (which a quoted CSV cell
# may hold), DEL, and C1 (RE2 syntax: \x{..} are code points).
CONTROL_CHARACTER = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"


def control_character_checks(resource: Resource) -> str:
    """One pass over raw_<table>: every text value holding a control character (NUL, ESC, BEL, ...), with the first
    one's code point and position ('' when the table has no text field)."""
    text = [f.name for f in resource.fields if f.type == "string"]
    if not text:
        return ""
    pattern = _lit(CONTROL_CHARACTER)
    any_cell = " or ".join(f"regexp_matches({c}, {pattern})" for c in text)
    return f"""select ordinality, record, field,
        'contains a control character U+' || printf('%04X', unicode(regexp_extract(value, {pattern})))
            || ' at position ' || strpos(value, regexp_extract(value, {pattern})) as message,
        null::bigint as other
    from (select ordinality, {record_label(resource)} as record,
            unnest([{", ".join(_lit(c) for c in text)}]) as field, unnest([{", ".join(text)}]) as value
          from raw_{resource.name} where {any_cell})
    where regexp_matches(value, {pattern})"""


def key_checks(package: Package, resource: Resource, unreadable: set[str] = frozenset()) -> str:
    """Duplicate primary keys and unique values, and references to rows that do not exist (not checked
    against a file that could not be read: that file is reported already)."""
    label = record_label(resource)
    parts = []
    keys = [resource.primary_key] if resource.primary_key else []
    keys += [(f.name,) for f in resource.fields if f.unique and (f.name,) != resource.primary_key]
    for key in keys:
        value = " || '/' || ".join(key)
        present = " and ".join(f"{k} is not null" for k in key)
        # Only the rows whose key is used twice are ranked: a window over every row of a national file cost twice
        # as much as finding the few keys used twice first.
        repeated = " and ".join(f"d.{k} = r.{k}" for k in key)
        parts.append(
            f"""select ordinality, record, {_lit(key[-1])} as field,
                {_value("v")} || ' is used already on line ' as message, first as other
            from (select ordinality, {label} as record, {value} as v,
                    min(ordinality) over (partition by {", ".join(key)}) as first
                  from raw_{resource.name} as r
                  where {present} and exists (
                      select 1
                      from (select {", ".join(key)} from raw_{resource.name} where {present}
                            group by {", ".join(key)} having count(*) > 1) as d
                      where {repeated}))
            where ordinality <> first"""
        )
    for fk in (k for k in resource.foreign_keys if k.resource not in unreadable):
        target = package.resource(fk.resource)
        on = " and ".join(f"p.{r} = c.{f}" for f, r in zip(fk.fields, fk.ref_fields, strict=True))
        present = " and ".join(f"c.{f} is not null" for f in fk.fields)
        shown = " || '/' || ".join(f"c.{f}" for f in fk.fields)
        where = f"{'/'.join(fk.ref_fields)} in {target.path}"
        parts.append(
            f"""select c.ordinality, {record_label(resource, "c")} as record,
                {_lit(fk.fields[-1])} as field, {_value(shown)} || {_lit(" is not a " + where)} as message,
                null::bigint as other
            from raw_{resource.name} as c
            where {present} and not exists (select 1 from raw_{target.name} as p where {on})"""
        )
    return "\nunion all\n".join(parts)


def _date_group_conditions(name: str, columns: set[str]) -> list[tuple[str, str, str]]:
    """(field, condition, message) for the rules tying a date to its words, reason, inferred part and bounds."""
    written, reason, part = f"{name}_as_written", f"{name}_inferred_reason", f"{name}_inferred_part"
    low, high = f"{name}_not_before", f"{name}_not_after"
    day = PADDED_DATE.format(c=name)
    out = [
        (
            # A date wholly deduced (from other facts: a handover and a stated validity) has no words of its own:
            # its reason stands in for them.
            written,
            f"{name} is not null and {written} is null"
            f" and not ({reason} is not null and coalesce({part}, 'whole') = 'whole')",
            "'is required when the date is given: the source''s own words (or, for a date deduced whole from other "
            "facts, a reason in " + reason.replace("'", "''") + " and part whole)'",
        ),
        (part, f"{part} is not null and {reason} is null", "'is given without a reason in ' || " + _lit(reason)),
        (
            part,
            f"{part} in ('year', 'day') and length({name}) = 4",
            f"'says the ' || {part} || ' was inferred, which contradicts the year-only {name} ' || {name}",
        ),
        (
            part,
            f"{part} = 'day' and length({name}) = 7",
            f"'says the day was inferred, which contradicts the month-only {name} ' || {name}",
        ),
    ]
    if low in columns:
        low_day = PADDED_DATE.format(c=low)
        high_day = PERIOD_END.format(c=high, d=PADDED_DATE.format(c=high))
        out += [
            (
                reason,
                f"{reason} is not null and {name} is null and {low} is null and {high} is null",
                "'gives a reason for a date that is empty: give the date or its bounds'",
            ),
            (
                reason,
                f"({low} is not null or {high} is not null) and {reason} is null",
                "'is required with bounds: say why the date lies between them'",
            ),
            (high, f"{low_day} > {high_day}", f"{high} || ' is before {low} ' || {low}"),
            (
                name,
                f"{PERIOD_END.format(c=name, d=day)} < {low_day} or {day} > {high_day}",
                f"{name} || ' lies outside its bounds ' || coalesce({low}, '…') || '–' || coalesce({high}, '…')",
            ),
        ]
    else:
        out.append((reason, f"{reason} is not null and {name} is null", "'gives a reason for a date that is empty'"))
    return out


def row_checks(resource: Resource) -> str:
    """Rules within one row that the descriptor implies: each date with its words, reason, part and bounds."""
    columns = set(resource.field_names)
    label = record_label(resource)
    parts = []
    for f in resource.fields:
        if not (f.is_date and f"{f.name}_as_written" in columns):
            continue
        for field, condition, message in _date_group_conditions(f.name, columns):
            parts.append(
                f"select ordinality, {label} as record, {_lit(field)} as field, {message} as message, "
                f"null::bigint as other from raw_{resource.name} where coalesce({condition}, false)"
            )
    return "\nunion all\n".join(parts)


def evidence_field_checks(package: Package) -> str:
    """A further source's `fields` name columns of the table it supports."""
    cases = " ".join(f"when '{r.name}' then [{', '.join(_lit(n) for n in r.field_names)}]" for r in package.resources)
    return f"""select ordinality, 'evidence_id=' || evidence_id as record, 'fields' as field,
        '''' || name || ''' is not a column of ' || record_table || '.csv' as message, null::bigint as other
    from (select ordinality, evidence_id, record_table, unnest(string_split(fields, ' ')) as name
          from raw_further_evidence where fields is not null and record_table is not null)
    where name <> '' and not list_contains(case record_table {cases} else [] end, name)"""
