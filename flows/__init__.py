"""Prefect wiring around the geodiscourse package: thin tasks and one flow."""
