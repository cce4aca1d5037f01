-- One row per edition whose certificates ceased to be valid on a transition deadline.
-- Params: $family (null: every family).
select standard_id, family, edition, family || ':' || edition as standard, transition_ends_on
from standards
where transition_ends_on is not null and ($family is null or family = $family)
order by transition_ends_on
