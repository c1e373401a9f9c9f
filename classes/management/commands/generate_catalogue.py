"""python manage.py generate_catalogue --classes N --jurisdictions M --seed S: a synthetic catalogue, to measure at scale.

The catalogue is made by `bench/synthetic/`, a development tool that a production install does not ship: it is
imported only when the command runs.
"""

import time

from django.core.management.base import BaseCommand, CommandError


def positive(text):
    value = int(text)
    if value < 1:
        raise ValueError(text)
    return value


class Command(BaseCommand):
    help = (
        "Write a synthetic catalogue (invented jurisdictions, classes, adopted and superseded versions with all their "
        "parts and qualification facts) and build its search documents, to measure the portal at scale. The same "
        "arguments always give the same catalogue. It is added beside whatever the database holds; its jurisdictions' "
        "slugs all start with 'synthetic-'. It is written in one transaction, all or nothing. Adopted text cannot be "
        "deleted (the models refuse it, and PostgreSQL's triggers too), so synthetic data cannot be replaced: the "
        "command refuses to run where a 'synthetic-' jurisdiction exists. To start again, use a fresh database "
        "(createdb, then migrate). On PostgreSQL into a database holding no class, the parts' foreign keys, unique "
        "constraints and indexes are made once all rows are in, which halves the database's work; meanwhile other "
        "sessions reading the catalogue wait for the commit."
    )

    def add_arguments(self, parser):
        parser.add_argument("--classes", type=positive, required=True, help="How many job classes to write.")
        parser.add_argument("--jurisdictions", type=positive, required=True, help="How many jurisdictions.")
        parser.add_argument("--seed", type=int, default=1, help="Seed of the random choices (default 1).")
        parser.add_argument(
            "--batch-size", type=positive, default=1000, help="Classes written per batch (default 1000); whole series."
        )

    def handle(self, *args, classes, jurisdictions, seed, batch_size, **options):
        try:
            from bench.synthetic import writer
        except ModuleNotFoundError as error:
            if error.name not in ("bench", "bench.synthetic", "bench.synthetic.writer"):
                raise
            raise CommandError(
                "The synthetic catalogue is made by bench/synthetic/, which this installation does not have: it is a "
                "development tool. Run the command from a checkout of the source, in its top folder."
            ) from None
        started = time.monotonic()
        try:
            counts = writer.generate(
                classes=classes, jurisdictions=jurisdictions, seed=seed, batch_size=batch_size, progress=self.progress
            )
        except writer.SyntheticDataExists as error:
            raise CommandError(
                f"This database already holds {error.jurisdictions} synthetic jurisdictions. Adopted text cannot be "
                "deleted, so they cannot be replaced: generate into a fresh database (createdb, then migrate)."
            ) from None
        rows = ", ".join(f"{label} {count}" for label, count in counts.rows.items())
        checking = (
            f"the parts' constraints and indexes (checked at the end: the catalogue was empty) "
            f"{counts.seconds_checking:.1f} s, "
            if counts.checked_at_the_end
            else ""
        )
        self.stdout.write(
            f"Wrote {counts.classes} classes, {counts.versions} versions, in {counts.jurisdictions} jurisdictions "
            f"({rows}) in {time.monotonic() - started:.1f} s: generating and writing {counts.seconds_writing:.1f} s, "
            f"search index {counts.seconds_indexing:.1f} s, {checking}the rest committing."
        )

    def progress(self, counts):
        self.stdout.write(
            f"{counts.classes} classes, {counts.versions} versions: writing {counts.seconds_writing:.1f} s, "
            f"search index {counts.seconds_indexing:.1f} s"
        )
        self.stdout.flush()  # shown as it happens, also when the output goes to a file
