-- Views and macros over the built tables (the tables themselves derive from data/datapackage.json).

-- The last day of the period a date stands for: the date itself, its month's or its year's last day.
create macro period_end(d, precision) as
    case precision
        when 'year' then make_date(year(d), 12, 31)
        when 'month' then last_day(d)
        else d
    end;
