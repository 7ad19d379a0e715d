"""The Dagster UI exercised the way a person uses it: a real webserver, its GraphQL API, a browser."""
