from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("initiatieven", "0003_succes_team"),
    ]

    operations = [
        migrations.AddField(
            model_name="initiatief",
            name="gestart_door",
            field=models.CharField(
                blank=True,
                choices=[
                    ("bewoners", "bewoners"),
                    ("vrijwilligers", "vrijwilligers"),
                    ("professionals", "professionals"),
                    ("beleid", "beleid"),
                ],
                max_length=20,
                default="",
                db_default="",
                verbose_name="gestart door",
            ),
        ),
    ]
