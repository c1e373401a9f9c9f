"""On PostgreSQL, triggers refuse UPDATE and DELETE of adopted text however the SQL arrives.

An adopted or superseded version may only go from adopted to superseded (its timestamp following);
its parts, and the titles of its promotional paths, may not be changed, moved or deleted. A row
rewritten with identical values passes, so reloading the seed fixtures stays possible. SQLite has
no such triggers: the models and querysets guard it (classes/immutability.py).
"""

from django.db import migrations

PUBLIC = "('adopted', 'superseded')"
PART_TABLES = [
    "classes_duty",
    "classes_ksa",
    "classes_competency",
    "classes_othersection",
    "classes_specialrequirement",
    "qualifications_path",
    "qualifications_substitution",
    "qualifications_definition",
]

# "%%" because the schema editor passes the SQL through psycopg's placeholder parsing.
FUNCTIONS = f"""
CREATE FUNCTION civilspec_guard_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status IN {PUBLIC} THEN
        IF TG_OP = 'DELETE' THEN
            RAISE EXCEPTION 'version %% is %% and cannot be deleted', OLD.id, OLD.status USING ERRCODE = 'restrict_violation';
        END IF;
        IF (to_jsonb(NEW) - 'status' - 'updated_at') IS DISTINCT FROM (to_jsonb(OLD) - 'status' - 'updated_at')
           OR NOT (NEW.status = OLD.status OR (OLD.status = 'adopted' AND NEW.status = 'superseded')) THEN
            RAISE EXCEPTION 'version %% is %% and cannot be changed', OLD.id, OLD.status USING ERRCODE = 'restrict_violation';
        END IF;
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;

CREATE FUNCTION civilspec_version_is_public(version_id bigint) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM classes_version WHERE id = version_id AND status IN {PUBLIC})
$$;

CREATE FUNCTION civilspec_guard_part() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    old_version bigint;
    new_version bigint;
BEGIN
    IF TG_OP = 'UPDATE' AND NEW IS NOT DISTINCT FROM OLD THEN
        RETURN NEW;
    END IF;
    IF TG_TABLE_NAME = 'qualifications_timeintitle' THEN
        SELECT version_id INTO old_version FROM qualifications_path WHERE id = OLD.path_id;
        IF TG_OP = 'UPDATE' THEN
            SELECT version_id INTO new_version FROM qualifications_path WHERE id = NEW.path_id;
        END IF;
    ELSE
        old_version := OLD.version_id;
        IF TG_OP = 'UPDATE' THEN
            new_version := NEW.version_id;
        END IF;
    END IF;
    IF civilspec_version_is_public(old_version) OR civilspec_version_is_public(new_version) THEN
        RAISE EXCEPTION '%% row %% belongs to an adopted version and cannot be changed', TG_TABLE_NAME, OLD.id
            USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
"""


def trigger(table, function):
    return (
        f"CREATE TRIGGER {table}_adopted_text BEFORE UPDATE OR DELETE ON {table} "
        f"FOR EACH ROW EXECUTE FUNCTION {function}()"
    )


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(FUNCTIONS)
    schema_editor.execute(trigger("classes_version", "civilspec_guard_version"))
    for table in [*PART_TABLES, "qualifications_timeintitle"]:
        schema_editor.execute(trigger(table, "civilspec_guard_part"))


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in ["classes_version", *PART_TABLES, "qualifications_timeintitle"]:
        schema_editor.execute(f"DROP TRIGGER {table}_adopted_text ON {table}")
    schema_editor.execute(
        "DROP FUNCTION civilspec_guard_part(); DROP FUNCTION civilspec_version_is_public(bigint);"
        " DROP FUNCTION civilspec_guard_version();"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("classes", "0003_workflow"),
        ("qualifications", "0002_audit_trail"),
    ]

    operations = [migrations.RunPython(create, drop)]
