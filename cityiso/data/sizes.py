"""Size classes of an office's place by its population (offices.place_population, from GeoNames), defined here once:
the bands of Polish urban studies and GUS's town-size tables (small towns under 20,000, medium 20,000-99,999, large
from 100,000), with the largest cities (500,000 and more) apart. Each band: its code and its lowest population
(inclusive); a band reaches up to the next one's lowest population. The build turns them into the SQL macro
size_class(population) (cityiso.data.ddl.size_class_macro); no population gives UNKNOWN_SIZE, never a band. Their
labels are cityiso.vocabulary.SIZE_CLASSES."""

SIZE_BANDS = (("under_20k", 0), ("20k_100k", 20_000), ("100k_500k", 100_000), ("500k_plus", 500_000))
UNKNOWN_SIZE = "unknown"


def size_class(population: int | None) -> str:
    """The size class of a place's population (None: unknown), as the SQL macro size_class gives it."""
    if population is None:
        return UNKNOWN_SIZE
    return next((code for code, low in reversed(SIZE_BANDS) if population >= low), UNKNOWN_SIZE)
