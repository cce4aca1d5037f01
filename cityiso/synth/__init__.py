"""A synthetic data package in the curated format, at any scale: `python -m cityiso.synth --offices N --years Y
--seed S --out DIR`. Invented offices and bodies, deterministic for a seed, valid for the real build."""

from cityiso.synth.package import generate

__all__ = ["generate"]
