"""Packaged messenger profiles, one TOML file per messenger (files starting with "_" are not profiles)."""
