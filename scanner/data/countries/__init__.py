"""Country data: EU/EEA and adequacy-decision countries, messenger usage per country."""
