"""Mijn account, passwords and two-factor sign-in, one module per group of pages."""
