import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("initiatieven", "0002_team_needed_intensity"),
    ]

    operations = [
        migrations.AddField(
            model_name="succes",
            name="team",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="successen",
                to="initiatieven.team",
                verbose_name="team",
            ),
        ),
    ]
