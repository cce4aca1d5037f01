-- One row per edition whose certificates ceased to be valid on a transition deadline. Params: none.
select family, edition, family || ':' || edition as standard, transition_ends_on
from standards
where transition_ends_on is not null
order by transition_ends_on
