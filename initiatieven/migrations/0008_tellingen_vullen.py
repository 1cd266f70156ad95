from django.db import migrations


def count_existing_buurten(apps, schema_editor):
    """Buurten from before the counts get theirs now. This calls the app's own code, as the
    counts are defined there: a later migration that changes a counted field must count again
    itself (``tellingen.herbereken``) and may make this step a no-op."""
    from buurt.models import Buurt
    from buurt.tellingen import herbereken

    for pk in Buurt.objects.values_list("pk", flat=True):
        herbereken(pk)


class Migration(migrations.Migration):
    dependencies = [
        ("buurt", "0009_telling"),
        ("initiatieven", "0007_statuswijziging_kansstatus"),
        ("partners", "0002_huidig_enthousiasme"),
    ]

    operations = [migrations.RunPython(count_existing_buurten, migrations.RunPython.noop)]
