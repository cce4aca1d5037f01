"""A drafted value: what it is, the span of the input it stands on, how sure the drafter is, and why."""

from dataclasses import dataclass, field


@dataclass
class Drafted:
    """One drafted value; text[span[0]:span[1]] is its evidence in the input."""

    value: object
    span: tuple[int, int]
    confidence: float
    reason: str = ""
    parts: list[tuple[int, int]] = field(default_factory=list)  # a quote of several passages

    def as_json(self) -> dict:
        out = {"value": self.value, "span": list(self.span), "confidence": round(self.confidence, 2)}
        out["reason"] = self.reason
        if self.parts:
            out["parts"] = [list(p) for p in self.parts]
        return out


def quote_of(text: str, parts: list[tuple[int, int]]) -> Drafted:
    """A verbatim quote of passages in document order, joined with ' [...] ' as docs/CURATION.md#quotes says."""
    parts = sorted(set(parts))
    merged: list[tuple[int, int]] = []
    for start, end in parts:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    value = " [...] ".join(" ".join(text[s:e].split()) for s, e in merged)
    return Drafted(value, (merged[0][0], merged[-1][1]), 1.0, "", merged if len(merged) > 1 else [])
