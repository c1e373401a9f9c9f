"""A synthetic catalogue of class specifications, realistic in size and shape, to measure the portal at scale.

`manage.py generate_catalogue` writes it. `words` holds the vocabulary; `plan` draws the jurisdictions, classes and
versions from one seeded generator, with `texts` and `qualifications` writing each version's wording; `writer` puts
the plan in the database. The same arguments give the same catalogue, row for row. Its jurisdictions' slugs all start
with `synthetic-`.
"""
